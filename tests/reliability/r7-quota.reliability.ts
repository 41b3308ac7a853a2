/**
 * R7: the origin's quota shrunk to what the seeded app already uses plus a few kilobytes (CDP
 * `Storage.overrideQuotaForOrigin`), then notes are typed until IndexedDB refuses a write. The agent must see
 * a warning, and a reload must show every note the page had reported saved; once space is back, the retry
 * saves the rest.
 *
 * Chromium enforces the override only on a disk-backed profile, and caches an origin's remaining space for a
 * while: the quota is set in a fresh browser on the profile, before the app opens its database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import callscreenFr from '../../src/i18n/locales/fr/callscreen.json';
import { contextOptions, launchPersistent } from '../e2e/browser';
import { callableDebtors } from '../e2e/call-helpers';
import { focusNotesEnd, notesValue, openCallAsWriter, sentence, watchNotes } from './call-probe';
import { commonPrefix, figure, seededRandom } from './harness';

const baseUrl = inject('baseUrl');
const profile = mkdtempSync(join(tmpdir(), 'cadence-r7-'));
afterAll(() => rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }));

/** Room left above what the seeded app uses: a few dozen note saves. */
const HEADROOM_BYTES = 64 * 1024;
const MAX_KEYS = 4_000;
/** The quota once space is back: far above anything the test writes. */
const SPACE_BACK_BYTES = 256 * 1024 * 1024;
const STATUS = '[data-testid="save-status"]';

const launch = () => launchPersistent(profile, { ...contextOptions('laptop'), serviceWorkers: 'block' });

async function usage(cdp: CDPSession): Promise<number> {
  return (await cdp.send('Storage.getUsageAndQuota', { origin: baseUrl })).usage;
}

async function firstPage(context: BrowserContext): Promise<Page> {
  return context.pages()[0] ?? context.newPage();
}

describe('R7 storage quota reached while typing notes', () => {
  it('warns the agent, keeps every saved note, and saves the rest once space is back', { timeout: 10 * 60_000 }, async () => {
    const debtorId = callableDebtors()[3]!.debtor.id;
    let seeded: number;
    {
      const context = await launch();
      const page = await firstPage(context);
      await openCallAsWriter(page, baseUrl, debtorId);
      seeded = await usage(await context.newCDPSession(page));
      await context.close();
    }

    const context = await launch();
    try {
      const log = await watchNotes(context);
      const page = await firstPage(context);
      const cdp = await context.newCDPSession(page);
      const quota = seeded + HEADROOM_BYTES;
      await cdp.send('Storage.overrideQuotaForOrigin', { origin: baseUrl, quotaSize: quota });
      await openCallAsWriter(page, baseUrl, debtorId);
      await focusNotesEnd(page);
      const text = sentence(seededRandom(7), MAX_KEYS);
      let typed = await notesValue(page);
      let keys = 0;
      while (keys < MAX_KEYS && (await page.getAttribute(STATUS, 'data-state')) !== 'error') {
        await page.keyboard.type(text[keys]!);
        typed += text[keys++]!;
      }
      expect(keys, 'the quota was reached').toBeLessThan(MAX_KEYS);
      const alert = page.locator(`${STATUS}[data-state="error"] [role="alert"]`);
      await alert.waitFor({ state: 'visible' });
      const warning = ((await alert.textContent()) ?? '').trim();
      expect(warning, 'the warning says the device is full and the notes are kept aside').toBe(callscreenFr.save.quotaKept);
      expect(log.aborts, 'IndexedDB refused the write for quota').toContain('QuotaExceededError');
      // How hard the writer retries while nothing changes (its own retry pause is one second).
      const abortsBefore = log.aborts.length;
      await page.waitForTimeout(2_000);
      const retriesPerSecond = (log.aborts.length - abortsBefore) / 2;

      // The agent keeps typing a little while the warning shows, then reloads (which the warning advises against).
      for (const ch of ' encore quelques mots') {
        await page.keyboard.type(ch);
        typed += ch;
      }
      await page.waitForTimeout(300);
      const acknowledged = log.acknowledged.get(debtorId) ?? '';
      const unsaved = typed.length - acknowledged.length;
      // The notes not in IndexedDB are kept aside in localStorage, so the browser need not ask before leaving.
      const asked: string[] = [];
      page.once('dialog', (dialog) => {
        asked.push(dialog.type());
        void dialog.accept();
      });
      await page.reload();
      expect(asked, 'no prompt: nothing would be lost by leaving').toEqual([]);
      await page.waitForSelector(`[data-testid="call"][data-mode="writer"]`);
      const afterReload = await notesValue(page);
      const lost = acknowledged.length - commonPrefix(afterReload, acknowledged);
      expect(typed.startsWith(afterReload), 'reloaded notes are typed text').toBe(true);
      expect(lost, 'acknowledged characters lost').toBe(0);
      expect(afterReload, 'the notes IndexedDB refused came back from the copy kept aside').toBe(typed);

      // Space comes back: the pending retry (every second) saves, and new keystrokes save again. The quota is
      // raised explicitly rather than reset: a reset falls back to Chromium's disk-based default, which refuses
      // writes on a machine whose disk is nearly full (CI machines have been seen with 287 MB free).
      const abortsBeforeSpace = log.aborts.length;
      await cdp.send('Storage.overrideQuotaForOrigin', { origin: baseUrl, quotaSize: seeded + SPACE_BACK_BYTES });
      await focusNotesEnd(page);
      await page.keyboard.type(' fin.');
      const final = `${afterReload} fin.`;
      const saved = await page
        .waitForSelector(`${STATUS}[data-state="saved"]`, { timeout: 45_000 })
        .then(() => true, () => false);
      expect(
        saved,
        `saves resume once space is back (status ${await page.getAttribute(STATUS, 'data-state')}, ` +
          `aborts since: ${log.aborts.slice(abortsBeforeSpace).join(', ') || 'none'})`,
      ).toBe(true);
      await page.reload();
      await page.waitForSelector(`[data-testid="call"][data-mode="writer"]`);
      expect(await notesValue(page)).toBe(final);

      figure(
        `R7 quota: quota ${Math.round(quota / 1024)} KiB (seeded ${Math.round(seeded / 1024)} KiB + ${HEADROOM_BYTES / 1024} KiB), reached after ${keys} keys ` +
          `(${log.aborts.filter((a) => a === 'QuotaExceededError').length} writes refused with QuotaExceededError, ${retriesPerSecond} retries/s while idle); warning shown: «${warning}»; no prompt on leaving; ` +
          `after reload ${afterReload.length}/${typed.length} typed chars back (${acknowledged.length} acknowledged by IndexedDB, ${lost} of them lost; ${unsaved} came back from the copy kept in localStorage); saves resume once space is back`,
      );
    } finally {
      await context.close();
    }
  });
});
