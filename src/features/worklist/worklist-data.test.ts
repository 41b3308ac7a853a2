import { describe, expect, it } from 'vitest';
import type { WorklistRow } from '../../domain/worklist';
import { packStrings } from './row-source';
import { loadInWorker, type WorkerLike } from './worklist-data';
import type { LoadMessage, LoadRequest } from './worklist-protocol';

const row = (debtorId: string): WorklistRow => ({
  debtorId, name: `Société ${debtorId}`, segment: 'mid_market', overdueCents: 500, notYetDueCents: 0, disputedCents: 0,
  oldestDaysLate: 4, brokenPromises: 0, tier: 2, score: 2_000,
});

const page = (rows: WorklistRow[]): LoadMessage => ({
  kind: 'rows',
  page: {
    debtorIds: packStrings(rows.map((r) => r.debtorId)),
    keys: packStrings(rows.map((r) => r.name.toLowerCase())),
    rows: packStrings(rows.map((r) => JSON.stringify(r))),
  },
});

/** A stand-in worker that answers the load request with the given messages, or fails to start. */
function fakeWorker(script: LoadMessage[] | 'crash') {
  const state = { request: undefined as LoadRequest | undefined, terminated: false };
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(request) {
      state.request = request;
      queueMicrotask(() => {
        if (script === 'crash') worker.onerror?.({ message: 'SyntaxError in worker' } as ErrorEvent);
        else for (const data of script) worker.onmessage?.({ data } as MessageEvent<LoadMessage>);
      });
    },
    terminate() {
      state.terminated = true;
    },
  };
  return { worker, state };
}

describe('loadInWorker', () => {
  it('asks for the store’s database and today, and joins the pages in order', async () => {
    const { worker, state } = fakeWorker([
      { kind: 'progress', loaded: 3 },
      page([row('a'), row('b')]),
      page([row('c')]),
      { kind: 'done', debtorCount: 5, staleIds: ['old'] },
    ]);
    const progress: number[] = [];
    const data = await loadInWorker(() => worker, { databaseName: 'cadence', today: '2026-11-23' }, (n) => progress.push(n));
    expect(state.request).toEqual({ databaseName: 'cadence', today: '2026-11-23' });
    expect(progress).toEqual([3]);
    expect(data.debtorCount).toBe(5);
    expect(data.staleIds).toEqual(['old']);
    expect(data.rows.length).toBe(3);
    expect([0, 1, 2].map((i) => data.rows.at(i))).toEqual([row('a'), row('b'), row('c')]);
    expect(data.keys).toEqual(['société a', 'société b', 'société c']);
    expect(state.terminated).toBe(true);
  });

  it('rejects with the worker’s message when the load fails, and ends the worker', async () => {
    const { worker, state } = fakeWorker([page([row('a')]), { kind: 'failed', message: 'Corrupt record in summaries' }]);
    await expect(loadInWorker(() => worker, { databaseName: 'cadence', today: '2026-11-23' }, () => undefined)).rejects.toThrow(
      'Corrupt record in summaries',
    );
    expect(state.terminated).toBe(true);
  });

  it('rejects when the worker cannot start', async () => {
    const { worker } = fakeWorker('crash');
    await expect(loadInWorker(() => worker, { databaseName: 'cadence', today: '2026-11-23' }, () => undefined)).rejects.toThrow('SyntaxError');
  });
});
