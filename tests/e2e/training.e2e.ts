/**
 * Training mode with the keyboard alone, at phone and laptop widths: a trainee completes "the cheque is in the
 * post" by picking the good phrasing at each step, reads the debrief, retries (rudely, and the debtor hangs
 * up), and sees both sessions on the progress chart and its table. The real database is byte-for-byte the
 * same before and after, and axe finds nothing on the simulation, the debrief and the progress page.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openWorklist } from './app';
import { contextOptions, formatViolations, launch, launchPersistent, runAxe, type ViewportName } from './browser';
import { tabTo } from './call-helpers';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
const profile = mkdtempSync(join(tmpdir(), 'cadence-training-kill-'));
afterAll(async () => {
  await browser?.close();
  rmSync(profile, { recursive: true, force: true });
});

/** SIGKILL the Chromium processes of this test's own profile, by pid (the profile path is on their command line). */
async function killProfileBrowser(): Promise<void> {
  const pids = () => {
    try {
      return execFileSync('pgrep', ['-f', profile], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  const main = Number(execFileSync('pgrep', ['-o', '-f', profile], { encoding: 'utf8' }).trim());
  process.kill(main, 'SIGKILL');
  await new Promise((r) => setTimeout(r, 500));
  for (const pid of pids()) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone with its parent.
    }
  }
}

/** Every record of every store of the real database, keys included, as one JSON string. */
function dumpRealDb(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('cadence');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames].sort();
          const tx = db.transaction(names, 'readonly');
          const out: Record<string, { keys: unknown[]; values: unknown[] }> = {};
          for (const name of names) {
            const keys = tx.objectStore(name).getAllKeys();
            const values = tx.objectStore(name).getAll();
            keys.onsuccess = () => ((out[name] ??= { keys: [], values: [] }).keys = keys.result);
            values.onsuccess = () => ((out[name] ??= { keys: [], values: [] }).values = values.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(JSON.stringify({ version: db.version, stores: out }));
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const violations = await runAxe(page);
  expect(violations, formatViolations(violations, where)).toEqual([]);
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
}

/** Picks the phrasing labelled `fault` with the arrow keys, then says it with Enter on "Say it". */
async function pick(page: Page, fault: string): Promise<void> {
  const faults = await page.$$eval('[data-testid="sim-phrasing"]', (inputs) => inputs.map((i) => (i as HTMLInputElement).dataset['fault']));
  const index = faults.indexOf(fault);
  expect(index).toBeGreaterThanOrEqual(0);
  await tabTo(page, '[data-testid="sim-phrasing"]');
  if (index === 0) await page.keyboard.press('Space');
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).dataset['fault'])).toBe(fault);
  await tabTo(page, '[data-testid="sim-say"]');
  await page.keyboard.press('Enter');
}

async function sayOwn(page: Page, text: string): Promise<void> {
  const choices = await page.$$('[data-testid="sim-phrasing"]');
  await tabTo(page, '[data-testid="sim-phrasing"]');
  // The own-words radio comes after the phrasings in the same group.
  for (let i = 0; i < choices.length; i++) await page.keyboard.press('ArrowDown');
  await tabTo(page, '[data-testid="sim-own"]');
  await page.keyboard.type(text);
  await tabTo(page, '[data-testid="sim-say"]');
  await page.keyboard.press('Enter');
}

async function trainingJourney(viewport: ViewportName): Promise<void> {
  const context = await browser.newContext(contextOptions(viewport));
  const page = await context.newPage();
  try {
    await openWorklist(page, baseUrl);
    const before = await dumpRealDb(page);

    // Header → Training → the scenario, all with the keyboard.
    await tabTo(page, 'a.app-nav__link[href="/training"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="training-page"]');
    await expectNoAxeViolations(page, `scenarios ${viewport}`);
    await expectNoSidewaysScroll(page);
    await tabTo(page, '[data-testid="start-cheque-in-the-post"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="sim-composer"]');
    expect(await page.isVisible('[data-testid="simulation-banner"]')).toBe(true);
    await expectNoAxeViolations(page, `simulation ${viewport}`);
    await expectNoSidewaysScroll(page);

    for (let step = 0; step < 10; step++) {
      await pick(page, 'good');
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="sim-log"] [data-speaker="debtor"]').length === n, step + 1);
      // The banner stays on screen however far the conversation scrolls.
      expect(await page.isVisible('[data-testid="simulation-banner"]')).toBe(true);
    }
    await page.waitForSelector('[data-testid="debrief"]');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('debrief-title');
    const score = Number(await page.getAttribute('[data-testid="debrief-score"]', 'data-score'));
    expect(score).toBeGreaterThanOrEqual(85);
    expect(await page.getAttribute('[data-testid="debrief-score"]', 'data-passed')).toBe('true');
    expect(await page.$$eval('[data-testid="debrief-steps"] tr[data-done="true"]', (rows) => rows.length)).toBe(10);
    expect(await page.$$eval('[data-testid="turn-notes"][data-clean="true"]', (rows) => rows.length)).toBe(10);
    await page.waitForSelector('text=/Séance enregistrée/');
    // What the call recorded, in the simulation's in-memory store: the promise and its follow-up.
    expect(await page.textContent('[data-testid="debrief-recorded"]')).toMatch(/Promesse\u00a0: .+ \(Virement\)/);
    await expectNoAxeViolations(page, `debrief ${viewport}`);
    await expectNoSidewaysScroll(page);

    // Retry, rudely this time: the debtor hangs up and the debrief says why.
    await tabTo(page, '[data-testid="debrief-retry"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="sim-composer"]');
    expect(await page.$$eval('[data-testid="sim-log"] li', (l) => l.length)).toBe(0);
    await sayOwn(page, 'Vous devez payer, sinon je porte plainte.');
    await page.waitForSelector('[data-testid="sim-composer"]');
    await sayOwn(page, 'Vous avez tort, vous mentez.');
    await page.waitForSelector('[data-testid="debrief"]');
    expect(Number(await page.getAttribute('[data-testid="debrief-score"]', 'data-score'))).toBeLessThanOrEqual(40);
    expect(await page.textContent('[data-testid="debrief-caps"]')).toContain('Menace illégale');
    await page.waitForSelector('text=/Séance enregistrée/');

    // Progress: both sessions on the chart and in its table.
    await tabTo(page, '[data-testid="debrief-progress"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="history-table"]');
    expect(await page.$$eval('[data-testid="history-row"]', (rows) => rows.map((r) => Number((r as HTMLElement).dataset['score'])))).toEqual([score, expect.any(Number)]);
    expect(await page.$$eval('[data-testid="progress-chart"] circle', (c) => c.length)).toBe(2);
    await expectNoAxeViolations(page, `progress ${viewport}`);
    await expectNoSidewaysScroll(page);

    // The team lead's view lists the trainee.
    await page.goto(`${baseUrl}/training/team`);
    await page.waitForSelector('[data-testid="team-row"]');
    await expectNoAxeViolations(page, `team ${viewport}`);
    await expectNoSidewaysScroll(page);

    // Nothing of the simulations reached the real database.
    expect(await dumpRealDb(page)).toBe(before);
    expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name).sort())).toEqual(['cadence', 'cadence-training']);
  } finally {
    await context.close();
  }
}

describe('a simulation killed mid-call', () => {
  it('leaves the real database exactly as it was', { timeout: 120_000 }, async () => {
    const first = await launchPersistent(profile, contextOptions('laptop'));
    const page = first.pages()[0] ?? (await first.newPage());
    await openWorklist(page, baseUrl);
    // Reloaded once so that whatever a start writes is written before the snapshot.
    await page.reload();
    await openWorklist(page, baseUrl);
    const before = await dumpRealDb(page);
    await page.goto(`${baseUrl}/training/cheque-in-the-post`);
    await page.waitForSelector('[data-testid="sim-composer"]');
    for (let step = 0; step < 3; step++) {
      await pick(page, 'good');
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="sim-log"] [data-speaker="debtor"]').length === n, step + 1);
    }
    await killProfileBrowser();

    const second = await launchPersistent(profile, contextOptions('laptop'));
    try {
      const again = second.pages()[0] ?? (await second.newPage());
      await openWorklist(again, baseUrl);
      expect(await dumpRealDb(again)).toBe(before);
    } finally {
      await second.close();
    }
  });
});

describe('training mode, keyboard only', () => {
  it('at phone width (390 px)', { timeout: 120_000 }, () => trainingJourney('phone'));
  it('at laptop width (1366 px)', { timeout: 120_000 }, () => trainingJourney('laptop'));
});
