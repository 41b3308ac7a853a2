/**
 * Calls follow the team's scripts: a lead publishes a script and assigns it to one segment (another team
 * script is the French default); an agent calling a debtor of that segment reads the new words with the
 * dossier's facts filled in, and the screen names the script and its version. A call started on v1 resumes on
 * v1 after a SIGKILL of Chromium, though v2 was published in between; a new call then takes v2.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { callContact } from '../../src/domain/call/facts';
import { openWorklist, becomeLead } from './app';
import { contextOptions, launchPersistent } from './browser';
import { callableDebtors, openCall, waitSaved, waitStep } from './call-helpers';

const baseUrl = inject('baseUrl');
const profile = mkdtempSync(join(tmpdir(), 'cadence-studio-calls-'));

afterAll(() => {
  rmSync(profile, { recursive: true, force: true });
});

/** SIGKILL of the browser (no unload, no flush), then what it left behind, each by its pid. */
async function killBrowser(): Promise<void> {
  const main = Number(execFileSync('pgrep', ['-o', '-f', profile], { encoding: 'utf8' }).trim());
  process.kill(main, 'SIGKILL');
  await new Promise((r) => setTimeout(r, 500));
  let rest: number[] = [];
  try {
    rest = execFileSync('pgrep', ['-f', profile], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  } catch {
    // None left.
  }
  for (const pid of rest) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone with its parent.
    }
  }
}

const V1 = 'Bonjour, ici le service client : je souhaite parler à {contact.name}, chez {company.name}.';
const V2 = 'Bonjour {contact.name}, je vous appelle pour {company.name}, deuxième version.';

async function publish(page: Page, note: string, version: number): Promise<void> {
  await page.click('[data-testid="studio-publish"]');
  await page.fill('[data-testid="studio-publish-note"]', note);
  await page.click('[data-testid="studio-publish-confirm"]');
  await page.waitForSelector('dialog[open]', { state: 'detached' });
  await page.waitForFunction((n) => new RegExp(`version en service\u00a0: ${n}`).test(document.body.textContent ?? ''), version);
}

/** Duplicates the French built-in; returns the new script's id (the editor is open on it). */
async function duplicateFrench(page: Page): Promise<string> {
  await page.goto(`${baseUrl}/scripts`);
  await page.waitForSelector('[data-testid="studio-library"]');
  await page.click('[data-testid="studio-duplicate-fr"]');
  await page.waitForURL(/\/scripts\/team\./);
  await page.waitForSelector('[data-testid="studio-checks"]');
  return decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
}

async function rewriteStep2(page: Page, say: string): Promise<void> {
  await page.getByRole('button', { name: /^2\. Identification/ }).click();
  await page.fill('#sf-steps-1-say', say);
  await page.waitForFunction(() => /enregistrées|saved/i.test(document.querySelector('[data-testid="studio-save-state"]')?.textContent ?? ''));
}

const fill = (text: string, contact: string, company: string) => text.replace('{contact.name}', contact).replace('{company.name}', company);
const stepText = (page: Page) => page.textContent('[data-testid="call-script"]').then((t) => (t ?? '').replace(/\s+/g, ' ').trim());

describe('calls use the team’s scripts', () => {
  const callable = callableDebtors();
  const target = callable[0]!;
  const segment = target.debtor.segment;
  const sameSegment = callable.filter((b) => b.debtor.segment === segment);
  const other = callable.find((b) => b.debtor.segment !== segment)!;

  it('an agent calling a debtor of the assigned segment reads the new words, facts filled, and resumes on v1 after a kill though v2 was published', async () => {
    expect(sameSegment.length).toBeGreaterThanOrEqual(2);
    const [first, second] = sameSegment as [typeof target, typeof target];
    const contactOf = (b: typeof target) => callContact(b.contacts)!.name;

    const browser: BrowserContext = await launchPersistent(profile, contextOptions('laptop'));
    let scriptId = '';
    let killed = false;
    try {
      const page = browser.pages()[0] ?? (await browser.newPage());
      await openWorklist(page, baseUrl);
      await becomeLead(page, baseUrl);
      const defaultId = await duplicateFrench(page);
      await publish(page, 'Défaut de l’équipe', 1);
      scriptId = await duplicateFrench(page);
      await rewriteStep2(page, V1);
      await publish(page, 'Première version', 1);

      await page.goto(`${baseUrl}/scripts`);
      await page.waitForSelector('[data-testid="studio-scripts"]');
      await page.selectOption(`#assign-fr-${segment}`, scriptId);
      await page.selectOption('#assign-fr-default', defaultId);
      await page.click('[data-testid="studio-assign-save"]');
      // Wait for the save itself (its status line), not only for the absence of problems: opening the call before
      // the assignment is stored starts it on the default script.
      await page.waitForFunction(() => /Affectations enregistrées/.test(document.querySelector('[aria-labelledby="assign-head"] [role="status"]')?.textContent ?? ''));

      // The agent calls a debtor of the segment: the screen names the script's version and says the new words.
      await openCall(page, baseUrl, first.debtor.id);
      expect(await page.textContent('[data-testid="call-script-version"]')).toMatch(/version 1/);
      await page.click('[data-testid="call-next"]');
      await waitStep(page, 'identification');
      expect(await stepText(page)).toContain(fill(V1, contactOf(first), first.debtor.name));
      await page.fill('#call-notes', 'Commencé sur la version 1');
      await waitSaved(page);

      // A debtor of another segment gets the default team script, with the built-in's words.
      const aside = await browser.newPage();
      await openCall(aside, baseUrl, other.debtor.id);
      await aside.click('[data-testid="call-next"]');
      await waitStep(aside, 'identification');
      expect(await stepText(aside)).not.toContain('ici le service client');
      expect(await aside.textContent('[data-testid="call-script-version"]')).toMatch(/version 1/);

      // Meanwhile, the lead publishes v2.
      await aside.goto(`${baseUrl}/scripts/${encodeURIComponent(scriptId)}`);
      await aside.waitForSelector('[data-testid="studio-checks"]');
      await rewriteStep2(aside, V2);
      await publish(aside, 'Deuxième version', 2);
      await killBrowser();
      killed = true;
    } finally {
      await browser.close().catch(() => undefined);
    }
    expect(killed).toBe(true);

    const again = await launchPersistent(profile, contextOptions('laptop'));
    try {
      const page = again.pages()[0] ?? (await again.newPage());
      await openCall(page, baseUrl, first.debtor.id);
      await waitStep(page, 'identification');
      expect(await page.inputValue('#call-notes')).toBe('Commencé sur la version 1');
      expect(await page.textContent('[data-testid="call-script-version"]')).toMatch(/version 1/);
      expect(await stepText(page)).toContain(fill(V1, contactOf(first), first.debtor.name));

      // A new call of the segment takes the version now in service.
      await openCall(page, baseUrl, second.debtor.id);
      expect(await page.textContent('[data-testid="call-script-version"]')).toMatch(/version 2/);
      await page.click('[data-testid="call-next"]');
      await waitStep(page, 'identification');
      expect(await stepText(page)).toContain(fill(V2, contactOf(second), second.debtor.name));
    } finally {
      await again.close();
    }
  });
});
