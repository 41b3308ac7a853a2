/**
 * R5: an update while old tabs hold the database. Two tabs of today's app (one mid-call with notes typed, one
 * on the worklist) keep their connections open; the server then serves the next release (one more database
 * version, see pages/next-release) and a new tab opens it, as happens when an agent reloads one tab after an
 * update. Expected: the new tab upgrades and ends ready, the old tabs close their connections and say to
 * reload, no record is lost, and the old call tab, once reloaded, resumes the call with every note typed (those
 * typed after the upgrade were kept aside in localStorage and come back).
 * Service workers are kept out so each navigation reaches the server that runs the version under test.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DB_VERSION } from '../../src/storage/upgrades';
import { launch } from '../e2e/browser';
import { callableDebtors } from '../e2e/call-helpers';
import { startPreview, type PreviewServer } from '../e2e/preview';
import { CALL, focusNotesEnd, notesValue, openCallAsWriter, watchNotes, type NotesLog } from './call-probe';
import { appContext, commonPrefix, figure } from './harness';
import { dumpDatabase, storeChecksum, type DumpedDb } from './idb-dump';

const distDir = inject('distDir');
const nextDistDir = inject('nextDistDir');
const READY = '[data-testid="worklist"][data-state="ready"]';
const NOTICE = '.db-notice[role="alert"]';

let server: PreviewServer;
let browser: Browser;
let context: BrowserContext;
let log: NotesLog;
beforeAll(async () => {
  server = await startPreview(distDir);
  browser = await launch();
  context = await appContext(browser, 'block');
  log = await watchNotes(context);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function checksums(db: DumpedDb): Record<string, string> {
  return Object.fromEntries(Object.entries(db.stores).map(([name, store]) => [name, `${store.records.length}:${storeChecksum(store.records)}`]));
}

/** Playwright's keyboard has no timeout: a frozen page would hang the suite instead of failing it. */
function withinMs<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms)));
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}


describe('R5 upgrade while an old tab holds the database', () => {
  it('the new tab ends ready, old tabs ask for a reload, nothing is lost', { timeout: 5 * 60_000 }, async () => {
    const base = server.url;
    const debtorId = callableDebtors()[2]!.debtor.id;
    const oldCall = await context.newPage();
    await openCallAsWriter(oldCall, base, debtorId);
    await focusNotesEnd(oldCall);
    await oldCall.keyboard.type('Appel en cours pendant la mise à jour : le client confirme le virement.', { delay: 5 });
    await oldCall.waitForSelector('[data-testid="save-status"][data-state="saved"]');
    const oldList = await context.newPage();
    await oldList.goto(`${base}/`);
    await oldList.waitForSelector(READY);
    const before = await dumpDatabase(oldList);
    expect(before.version).toBe(DB_VERSION);
    const acknowledged = log.acknowledged.get(debtorId) ?? '';
    expect(acknowledged.length).toBeGreaterThan(0);

    // The update ships: same origin, next release.
    await server.stop();
    server = await startPreview(nextDistDir, server.port);
    const fresh = await context.newPage();
    const t0 = Date.now();
    await fresh.goto(`${base}/`);
    await fresh.waitForSelector(READY, { timeout: 30_000 });
    const upgradeMs = Date.now() - t0;
    expect(await fresh.$(NOTICE), 'the new tab is not left waiting on the old ones').toBeNull();
    const after = await dumpDatabase(fresh);
    expect(after.version).toBe(DB_VERSION + 1);
    const kept = checksums(before);
    const now = checksums(after);
    for (const store of Object.keys(kept)) expect(now[store], `${store} kept`).toBe(kept[store]);
    const records = Object.values(before.stores).reduce((n, s) => n + s.records.length, 0);

    // The old tabs let go and say so.
    await oldCall.waitForSelector(NOTICE, { timeout: 10_000 });
    await oldList.waitForSelector(NOTICE, { timeout: 10_000 });
    const notice = ((await oldCall.textContent(`${NOTICE} p`)) ?? '').trim();
    expect(await oldCall.isVisible(`${NOTICE} button`)).toBe(true);
    await oldList.click(`${NOTICE} button`);
    await oldList.waitForSelector(READY, { timeout: 30_000 });
    expect(await oldList.$(NOTICE)).toBeNull();
    figure(
      `R5 upgrade with old tabs open: v${DB_VERSION}→v${DB_VERSION + 1} while 2 old tabs held v${DB_VERSION}; new tab ready in ${upgradeMs} ms, not blocked; ` +
        `${records} records in ${Object.keys(kept).length} stores kept (checksums equal), 0 lost; both old tabs showed «${notice}» with a reload button; the reloaded worklist tab is ready`,
    );

    // Typing on in the old call tab can no longer be saved: it must say so rather than claim "saved".
    await focusNotesEnd(oldCall);
    const lateText = ' Noté après la mise à jour.';
    await withinMs(oldCall.keyboard.type(lateText, { delay: 5 }), 15_000, 'the old call tab stopped handling keystrokes after the upgrade (frozen)');
    await oldCall.waitForSelector('[data-testid="save-status"][data-state="error"]', { timeout: 10_000 });
    // The agent reloads the old call tab (the notice's button): it runs the next release and resumes the call.
    await oldCall.click(`${NOTICE} button`);
    await oldCall.waitForSelector(`${CALL}[data-mode="writer"]`, { timeout: 30_000 });
    const resumed = await notesValue(oldCall);
    figure(
      `R5 old call tab: ${lateText.length} chars typed after the upgrade were refused by IndexedDB (save status «error», not «saved») and kept aside in localStorage; ` +
        `after its reload the call resumed with ${commonPrefix(resumed, acknowledged + lateText)}/${acknowledged.length + lateText.length} typed note chars`,
    );
    expect(resumed).toBe(acknowledged + lateText);
  });
});
