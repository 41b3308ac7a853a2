/**
 * R1: SIGKILL of Chromium at a random moment while notes are typed, on a persistent profile, N trials
 * (R1_TRIALS, default 20; R1_SEED replays a run). After each kill the same profile is relaunched and the call
 * resumed: every acknowledged write must be there (definitions in ./call-probe.ts).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { contextOptions, launchPersistent } from '../e2e/browser';
import { callableDebtors } from '../e2e/call-helpers';
import { focusNotesEnd, notesValue, openCallAsWriter, sentence, watchNotes } from './call-probe';
import { commonPrefix, countFromEnv, figure, seedFromEnv, seededRandom } from './harness';
import { dumpDatabase } from './idb-dump';
import { browserPidOn, killBrowser } from './kill';

const baseUrl = inject('baseUrl');
const profile = mkdtempSync(join(tmpdir(), 'cadence-r1-'));
afterAll(() => rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }));

interface Trial {
  /** Killed this long after the trial's first key, or after key `afterKey` when set. */
  killAfterMs: number;
  afterKey: number | null;
  /** Length of the notes when the trial began. */
  start: number;
  typed: number;
  acknowledged: number;
  lostAcknowledged: number;
  lostCommitted: number;
  lostUnacknowledged: number;
  /** What the relaunched profile held, when acknowledged text was missing. */
  after?: string;
}

/**
 * Evidence for a loss: whether a marker database written at the first launch survived (it does not if
 * Chromium dropped the origin's IndexedDB), the calls in progress, and the debtor's recovered activities.
 */
async function profileState(page: Page, debtorId: string, first: boolean): Promise<string> {
  const marker = await page.evaluate(async (create) => {
    const db = await new Promise<IDBDatabase | null>((resolve) => {
      const request = indexedDB.open('reliability-marker');
      request.onupgradeneeded = () => {
        if (create) request.result.createObjectStore('m');
        else request.transaction?.abort();
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(null);
    });
    db?.close();
    return db !== null;
  }, first);
  const dump = await dumpDatabase(page);
  const calls = (dump.stores.calls?.records ?? []).map((r) => {
    const c = r.value as { callId: string; debtorId: string; updatedAt: string; envelope: { snapshot: { context: { notes: string } } } };
    return `${c.callId.slice(0, 13)} ${c.debtorId} ${c.updatedAt} notes ${c.envelope.snapshot.context.notes.length}`;
  });
  const activities = (dump.stores.activities?.records ?? []).filter((r) => (r.value as { debtorId: string }).debtorId === debtorId).length;
  // Chromium leaves a corruption_info.json beside a LevelDB it found damaged (and then deletes).
  const corruption = readdirSync(profile, { recursive: true, encoding: 'utf8' }).filter((f) => f.includes('corruption'));
  return `marker db ${marker ? 'kept' : 'GONE'}; ${corruption.length ? `corruption files: ${corruption.join(', ')}; ` : ''}db v${dump.version}, ${Object.values(dump.stores).reduce((n, st) => n + st.records.length, 0)} records; calls [${calls.join('; ')}]; ${activities} activities for ${debtorId}`;
}

describe('R1 kill during typing', () => {
  it('loses no acknowledged write when Chromium is killed at random moments', { timeout: 30 * 60_000 }, async () => {
    const trials = countFromEnv('R1_TRIALS', 20);
    const seed = seedFromEnv('R1_SEED');
    const random = seededRandom(seed);
    const debtorId = callableDebtors()[7]!.debtor.id;
    console.log(`R1 seed ${seed} (replay with R1_SEED=${seed}), ${trials} trials, debtor ${debtorId}`);

    let acknowledged = '';
    let committed = '';
    let typed = '';
    let inFlight = '';
    const results: Trial[] = [];
    for (let i = 0; i <= trials; i++) {
      const context = await launchPersistent(profile, contextOptions('laptop'));
      const log = await watchNotes(context);
      let killed = false;
      try {
        const page = context.pages()[0] ?? (await context.newPage());
        await openCallAsWriter(page, baseUrl, debtorId);
        const resumed = await notesValue(page);
        const state = await profileState(page, debtorId, i === 0);
        const last = results.at(-1);
        if (last) {
          // The key in flight when the browser died may have landed: it counts as typed.
          if (resumed.length > typed.length) typed += inFlight;
          expect(typed.startsWith(resumed), `trial ${i}: resumed «${resumed.slice(-40)}» is text that was typed «${typed.slice(-40)}»`).toBe(true);
          last.typed = typed.length - last.start;
          last.lostAcknowledged = acknowledged.length - commonPrefix(resumed, acknowledged);
          last.lostCommitted = committed.length - commonPrefix(resumed, committed);
          last.lostUnacknowledged = typed.length - resumed.length - last.lostAcknowledged;
          if (last.lostAcknowledged > 0) last.after = state;
        }
        inFlight = '';
        if (i === trials) break;
        // What survived is the base of this trial; the rest of what was typed is gone for good.
        typed = resumed;
        acknowledged = log.acknowledged.get(debtorId) ?? resumed;
        committed = log.committed.get(debtorId) ?? resumed;
        const start = acknowledged.length;

        await focusNotesEnd(page);
        const pid = browserPidOn(profile);
        // Half the trials kill at a random time; the others 0–4 ms after a random keystroke, while its save is
        // most likely in flight.
        const afterKey = i % 2 === 1 ? 1 + Math.floor(random() * 60) : null;
        const killAfterMs = afterKey === null ? Math.round(50 + random() * 2950) : Math.round(random() * 4);
        // Bursts and pauses: half the keys follow at once, the others after up to 60 ms.
        const keys = Array.from({ length: 400 }, () => (random() < 0.5 ? 0 : Math.round(random() * 60)));
        const text = sentence(random, keys.length);
        let keyReached: () => void = () => undefined;
        const reached = new Promise<void>((resolve) => (keyReached = resolve));
        const typing = (async () => {
          for (let k = 0; k < text.length && !killed; k++) {
            inFlight = text[k]!;
            await page.keyboard.type(inFlight);
            typed += inFlight;
            inFlight = '';
            if (k + 1 === afterKey) return keyReached();
            if (keys[k]! > 0) await new Promise((r) => setTimeout(r, keys[k]));
          }
        })().catch(() => undefined);
        if (afterKey !== null) await reached;
        await new Promise((r) => setTimeout(r, killAfterMs));
        killed = true;
        await killBrowser(pid, profile);
        await typing;
        acknowledged = log.acknowledged.get(debtorId) ?? acknowledged;
        committed = log.committed.get(debtorId) ?? committed;
        results.push({ killAfterMs, afterKey, start, typed: typed.length - start, acknowledged: acknowledged.length - start, lostAcknowledged: 0, lostCommitted: 0, lostUnacknowledged: 0 });
      } finally {
        await context.close().catch(() => undefined);
      }
    }

    const sum = (f: (t: Trial) => number) => results.reduce((n, t) => n + f(t), 0);
    for (const [n, t] of results.entries()) {
      if (t.after) console.log(`  after trial ${n + 1}: ${t.after}`);
      console.log(`  trial ${n + 1}: killed ${t.killAfterMs} ms after ${t.afterKey === null ? 'the first key' : `key ${t.afterKey}`}, ${t.typed} chars typed, ${t.acknowledged} acknowledged, lost: ${t.lostAcknowledged} acknowledged, ${t.lostCommitted} committed, ${t.lostUnacknowledged} never acknowledged`);
    }
    figure(
      `R1 kill-during-typing: ${trials} trials (seed ${seed}; half at a random time, half 0–4 ms after a random key), ${sum((t) => t.acknowledged)} acknowledged chars, ${sum((t) => t.lostAcknowledged)} lost ` +
        `(committed by IndexedDB: ${sum((t) => t.lostCommitted)} lost; typed but never acknowledged: ${sum((t) => t.lostUnacknowledged)} of ${sum((t) => t.typed - t.acknowledged)} lost)`,
    );
    expect(results).toHaveLength(trials);
    expect(sum((t) => t.acknowledged)).toBeGreaterThan(0);
    expect(sum((t) => t.lostAcknowledged)).toBe(0);
    expect(sum((t) => t.lostCommitted)).toBe(0);
  });
});
