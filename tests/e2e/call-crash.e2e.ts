import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { contextOptions, launch, launchPersistent } from './browser';
import { CALL, callableDebtors, finishFromCommitments, openCall, waitSaved, waitStep, walkToCommitments, walkToExplanation } from './call-helpers';

const baseUrl = inject('baseUrl');
const profile = mkdtempSync(join(tmpdir(), 'cadence-crash-'));

afterAll(() => {
  rmSync(profile, { recursive: true, force: true });
});

/** Chromium processes started on this profile (the profile path is in each one's command line), oldest first. */
function profilePids(): number[] {
  try {
    return execFileSync('pgrep', ['-f', profile], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number)
      .sort((a, b) => a - b);
  } catch {
    return [];
  }
}

/** SIGKILL the browser process (no unload, no flush), then whatever of ours it left behind, each by its pid. */
async function killBrowser(): Promise<void> {
  const main = Number(execFileSync('pgrep', ['-o', '-f', profile], { encoding: 'utf8' }).trim());
  process.kill(main, 'SIGKILL');
  await new Promise((r) => setTimeout(r, 500));
  for (const pid of profilePids()) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone with its parent.
    }
  }
}

const observe = (page: Page) =>
  page.evaluate(() => ({
    value: (document.getElementById('call-notes') as HTMLTextAreaElement).value,
    state: document.querySelector('[data-testid="save-status"]')?.getAttribute('data-state'),
  }));

describe('nothing lost', () => {
  it('survives a SIGKILL of Chromium mid-typing: every acknowledged note and capture is there after relaunch', async () => {
    const bundle = callableDebtors()[5]!;
    const head = 'Le client confirme la réception des factures. ';
    const tail = 'Il règle le solde vendredi par virement, après validation du gérant.';
    let acknowledged = '';
    let typed = '';

    const first: BrowserContext = await launchPersistent(profile, contextOptions('laptop'));
    let killed = false;
    try {
      const page = first.pages()[0] ?? (await first.newPage());
      await openCall(page, baseUrl, bundle.debtor.id);
      await walkToExplanation(page);
      await page.check('input[name="capture-explanation-invoices_received"][value="partly"]');
      await page.click('[data-testid="call-next"]');
      await waitStep(page, 'listening');
      await page.fill('#capture-listening-key_points', 'Une facture manque au dossier du client');
      await page.focus('#call-notes');
      await page.keyboard.type(head);
      await waitSaved(page);
      acknowledged = (await observe(page)).value;
      typed = head;
      // Keep typing; note what the screen says is saved after each key; kill in the middle of the sentence.
      for (const ch of tail.slice(0, 40)) {
        await page.keyboard.type(ch);
        typed += ch;
        const seen = await observe(page);
        if (seen.state === 'saved') acknowledged = seen.value;
      }
      await page.keyboard.type(tail.slice(40, 44), { delay: 5 });
      typed += tail.slice(40, 44);
      await killBrowser();
      killed = true;
    } finally {
      await first.close().catch(() => undefined);
    }
    expect(killed).toBe(true);
    expect(acknowledged.startsWith(head)).toBe(true);
    expect(acknowledged.length).toBeGreaterThan(head.length);

    const second = await launchPersistent(profile, contextOptions('laptop'));
    try {
      const page = second.pages()[0] ?? (await second.newPage());
      await page.goto(`${baseUrl}/debtors/${bundle.debtor.id}`);
      await page.waitForSelector('[data-testid="resume-call"]', { timeout: 30_000 });
      await page.click('[data-testid="resume-call-link"]');
      await waitStep(page, 'listening');
      const notes = await page.inputValue('#call-notes');
      expect(notes.startsWith(acknowledged), `resumed notes «${notes}» keep «${acknowledged}»`).toBe(true);
      expect(typed.startsWith(notes)).toBe(true);
      expect(await page.inputValue('#capture-listening-key_points')).toBe('Une facture manque au dossier du client');
      await page.click('[data-testid="call-rail"] button:has-text("Explication")');
      await waitStep(page, 'explanation');
      expect(await page.isChecked('input[name="capture-explanation-invoices_received"][value="partly"]')).toBe(true);
      await page.click('[data-testid="call-next"]');
      await waitStep(page, 'listening');
      await page.click('[data-testid="call-next"]');
      await waitStep(page, 'delay_reason');
      await page.check('input[name="delay-reason"][value="approval_workflow"]');
      await page.click('[data-testid="call-next"]');
      await waitStep(page, 'commitments');
      await page.check('#commitment-kind-none');
      await page.fill('#no-commitment-why', 'Attend la validation du gérant');
      await finishFromCommitments(page);
      await page.click('[data-testid="back-to-dossier"]');
      await page.waitForSelector('[data-testid="timeline"]');
      expect(await page.textContent('[data-testid="timeline"]')).toContain(acknowledged.trim());
      expect(await page.$('[data-testid="resume-call"]')).toBeNull();
    } finally {
      await second.close();
    }
  });

  it('survives a SIGKILL of Chromium while the recap email is edited: every stored edit is there after relaunch', async () => {
    const bundle = callableDebtors()[7]!;
    const head = '\nPS : comme convenu, le duplicata de la facture est joint. ';
    const tail = 'Je vous rappelle mardi pour faire le point avec votre gérant.';
    let acknowledged = '';
    let typed = '';
    let activityId = '';

    const first = await launchPersistent(profile, contextOptions('laptop'));
    try {
      const page = first.pages()[0] ?? (await first.newPage());
      await openCall(page, baseUrl, bundle.debtor.id);
      await walkToCommitments(page, 'approval_workflow');
      await page.check('#commitment-kind-none');
      await page.fill('#no-commitment-why', 'Attend la validation du gérant');
      await finishFromCommitments(page);
      await page.click('[data-testid="recap-write"]');
      const bodyField = '[data-testid="recap-body"]';
      await page.waitForSelector(`${bodyField}:not([readonly])`);
      activityId = ((await page.getAttribute(bodyField, 'id')) ?? '').replace(/^recap-/, '').replace(/-body$/, '');
      await page.focus(bodyField);
      await page.keyboard.press('Control+End');
      typed = await page.inputValue(bodyField);
      await page.keyboard.type(head);
      typed += head;
      await page.waitForSelector('[data-testid="recap"][data-draft-pending="false"]');
      acknowledged = await page.inputValue(bodyField);
      for (const ch of tail) {
        await page.keyboard.type(ch);
        typed += ch;
        if ((await page.getAttribute('[data-testid="recap"]', 'data-draft-pending')) === 'false') acknowledged = await page.inputValue(bodyField);
      }
      await killBrowser();
    } finally {
      await first.close().catch(() => undefined);
    }
    // Everything up to the end of `head` was acknowledged before the kill.
    expect(acknowledged.length).toBeGreaterThanOrEqual(typed.length - tail.length);

    const second = await launchPersistent(profile, contextOptions('laptop'));
    try {
      const page = second.pages()[0] ?? (await second.newPage());
      await page.goto(`${baseUrl}/debtors/${bundle.debtor.id}/recap?call=${encodeURIComponent(activityId)}`);
      const write = await page.waitForSelector('[data-testid="recap-write"], [data-testid="recap-restored"]');
      if ((await write.getAttribute('data-testid')) === 'recap-write') await write.click();
      await page.waitForSelector('[data-testid="recap-restored"]');
      const body = await page.inputValue('[data-testid="recap-body"]');
      expect(body.startsWith(acknowledged), `restored «${body.slice(-80)}» keeps «${acknowledged.slice(-80)}»`).toBe(true);
      expect(typed.startsWith(body)).toBe(true);
    } finally {
      await second.close();
    }
  });

  it('two tabs on the same call: the second is read-only, and takes over when the first closes', async () => {
    const browser = await launch();
    try {
      const context = await browser.newContext(contextOptions('laptop'));
      const bundle = callableDebtors()[6]!;
      const writer = await context.newPage();
      await openCall(writer, baseUrl, bundle.debtor.id);
      await writer.fill('#call-notes', 'Écrit dans le premier onglet');
      await waitSaved(writer);

      const reader = await context.newPage();
      await openCall(reader, baseUrl, bundle.debtor.id);
      await reader.waitForSelector('[data-testid="call-read-only"]');
      expect(await reader.getAttribute(CALL, 'data-mode')).toBe('reader');
      expect(await reader.inputValue('#call-notes')).toBe('Écrit dans le premier onglet');
      expect(await reader.getAttribute('#call-notes', 'readonly')).not.toBeNull();
      expect(await reader.isDisabled('[data-testid="call-end"]')).toBe(true);
      await reader.keyboard.press('Control+Enter');
      expect(await reader.getAttribute(CALL, 'data-step')).toBe('presentation');

      await writer.close();
      await reader.waitForSelector(`${CALL}[data-mode="writer"]`, { timeout: 20_000 });
      expect(await reader.$('[data-testid="call-read-only"]')).toBeNull();
      await reader.fill('#call-notes', 'Écrit dans le premier onglet, puis dans le second');
      await waitSaved(reader);
      await reader.reload();
      await reader.waitForSelector(CALL);
      expect(await reader.inputValue('#call-notes')).toBe('Écrit dans le premier onglet, puis dans le second');
    } finally {
      await browser.close();
    }
  });
});

