import { describe, expect, it, vi } from 'vitest';
import type { WorklistRow } from '../../domain/worklist';
import { packRows } from './row-columns';
import { generateDemoPortfolio } from '../../domain/demo';
import { createMemoryStore } from '../../storage/memory-store';
import { dropEarlyWorklist, loadInWorker, loadWorklist, startWorklistEarly, type WorkerLike } from './worklist-data';
import type { WorkerMessage, WorkerRequest } from './worklist-protocol';

const row = (debtorId: string): WorklistRow => ({
  debtorId, name: `Société ${debtorId}`, segment: 'mid_market', overdueCents: 500, notYetDueCents: 0, disputedCents: 0,
  oldestDaysLate: 4, brokenPromises: 0, tier: 2, score: 2_000,
});

const page = (rows: WorklistRow[]): WorkerMessage => ({
  kind: 'rows',
  page: packRows(rows),
});

type Answer = (request: WorkerRequest) => WorkerMessage[];

/**
 * A stand-in worker: answers the load request with the given messages (or fails to start), and each search
 * with what `onSearch` returns.
 */
function fakeWorker(script: WorkerMessage[] | 'crash', onSearch: Answer = () => []) {
  const state = { requests: [] as WorkerRequest[], terminated: false };
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(request) {
      state.requests.push(request);
      queueMicrotask(() => {
        if (script === 'crash') worker.onerror?.({ message: 'SyntaxError in worker' } as ErrorEvent);
        else for (const data of request.kind === 'load' ? script : onSearch(request)) worker.onmessage?.({ data } as MessageEvent<WorkerMessage>);
      });
    },
    terminate() {
      state.terminated = true;
    },
  };
  return { worker, state };
}

const REQUEST = { databaseName: 'cadence', today: '2026-11-23' };
// The rows come in the order their summaries were read; the last message puts them in priority order: a, b, c.
const LOADED: WorkerMessage[] = [
  { kind: 'progress', loaded: 3 },
  page([row('b'), row('c')]),
  page([row('a')]),
  { kind: 'done', debtorCount: 5, staleIds: [], order: Int32Array.from([2, 0, 1]) },
];
const idsOf = (rows: { length: number; debtorIdAt(i: number): string }) => Array.from({ length: rows.length }, (_, i) => rows.debtorIdAt(i));

describe('loadInWorker', () => {
  it('asks for the store’s database and today, and joins the pages in order', async () => {
    const { worker, state } = fakeWorker(LOADED);
    const progress: number[] = [];
    const data = await loadInWorker(() => worker, REQUEST, (n) => progress.push(n));
    expect(state.requests).toEqual([{ kind: 'load', ...REQUEST }]);
    expect(progress).toEqual([3]);
    expect(data.debtorCount).toBe(5);
    expect(data.rows.length).toBe(3);
    expect([0, 1, 2].map((i) => data.rows.at(i))).toEqual([row('a'), row('b'), row('c')]);
    // The worker stays to answer searches.
    expect(state.terminated).toBe(false);
  });

  it('turns the worker’s row positions into rows, and a blank query’s answer into every row', async () => {
    const { worker, state } = fakeWorker(LOADED, (request) =>
      request.kind === 'search'
        ? [{ kind: 'matches', id: request.id, indexes: request.query === ' ' ? 'all' : Int32Array.from([0, 2]) }]
        : [],
    );
    const data = await loadInWorker(() => worker, REQUEST, () => undefined);
    const found = await data.search('soc');
    expect(idsOf(found)).toEqual(['a', 'c']);
    expect(found.at(1)).toEqual(row('c'));
    expect(await data.search(' ')).toBe(data.rows);
    expect(state.requests.slice(1)).toEqual([{ kind: 'search', id: 1, query: 'soc' }, { kind: 'search', id: 2, query: ' ' }]);
  });

  it('matches answers to their search by id, whatever order they come back in', async () => {
    const held: WorkerRequest[] = [];
    const { worker } = fakeWorker(LOADED, (request) => {
      held.push(request);
      if (held.length < 2) return [];
      // Both answers at once, the later search's first.
      return held
        .reverse()
        .map((r) => ({ kind: 'matches', id: (r as { id: number }).id, indexes: Int32Array.from(r === held[0] ? [1] : [0]) }) as WorkerMessage);
    });
    const data = await loadInWorker(() => worker, REQUEST, () => undefined);
    const [first, second] = await Promise.all([data.search('a'), data.search('ab')]);
    expect(idsOf(first)).toEqual(['a']);
    expect(idsOf(second)).toEqual(['b']);
  });

  it('rejects a search the worker could not answer, and every search once disposed, ending the worker', async () => {
    const { worker, state } = fakeWorker(LOADED, (request) =>
      request.kind === 'search' ? [{ kind: 'searchFailed', id: request.id, message: 'database closed' }] : [],
    );
    const data = await loadInWorker(() => worker, REQUEST, () => undefined);
    await expect(data.search('x')).rejects.toThrow('database closed');
    data.dispose();
    expect(state.terminated).toBe(true);
    await expect(data.search('y')).rejects.toThrow('replaced');
  });

  it('searches on the page once it has the keys and its store, within the keystroke’s task', async () => {
    // In two messages, as the worker sends a long list.
    const keys: WorkerMessage[] = [
      { kind: 'keys', joined: ['societe a dupont', 'societe b martin'].join('\u0000'), last: false },
      { kind: 'keys', joined: 'societe c dupuis', last: true },
    ];
    const { worker, state } = fakeWorker(LOADED, (request) =>
      request.kind === 'search' ? [{ kind: 'matches', id: request.id, indexes: Int32Array.from([1]) }] : request.kind === 'keys' ? keys : [],
    );
    const data = await loadInWorker(() => worker, REQUEST, () => undefined);
    // Asked for once the page has painted its rows, once.
    expect(state.requests.map((r) => r.kind)).toEqual(['load']);
    data.prepareSearch();
    data.prepareSearch();
    await vi.waitFor(() => expect(state.requests.filter((r) => r.kind === 'keys')).toHaveLength(1));
    // The keys alone: the worker still answers, invoice numbers included.
    expect(idsOf(await data.search('x'))).toEqual(['b']);
    expect(state.requests.filter((r) => r.kind === 'search')).toHaveLength(1);
    // With the page's store too, the page searches and reads invoice numbers there.
    const asked: string[] = [];
    data.readInvoicesFrom({
      readNumberPages: async (starts) => (asked.push(...starts), { directory: [''], pages: [{ first: '', entries: ['fa-1\u0000b'] }] }),
    });
    // A one-letter query reads nothing: answered in microtasks, before any task (a worker's message, a timer) could run.
    let settled = false;
    const byName = data.search('d').then((rows) => ((settled = true), rows));
    await Promise.resolve();
    await Promise.resolve();
    await Promise.resolve();
    await Promise.resolve();
    expect(settled).toBe(true);
    expect(idsOf(await byName)).toEqual(['a', 'c']);
    expect(idsOf(await data.search('dupu'))).toEqual(['c']);
    expect(idsOf(await data.search('fa'))).toEqual(['b']);
    expect(asked.length).toBeGreaterThan(0);
    expect(await data.search(' ')).toBe(data.rows);
    expect(state.requests.filter((r) => r.kind === 'search')).toHaveLength(1);
  });

  it('keeps asking the worker when the keys do not line up with the rows', async () => {
    const { worker, state } = fakeWorker([...LOADED, { kind: 'keys', joined: 'only one key', last: true }], (request) =>
      request.kind === 'search' ? [{ kind: 'matches', id: request.id, indexes: Int32Array.from([1]) }] : [],
    );
    const data = await loadInWorker(() => worker, REQUEST, () => undefined);
    expect(idsOf(await data.search('x'))).toEqual(['b']);
    expect(state.requests.filter((r) => r.kind === 'search').length).toBe(1);
  });

  it('rejects with the worker’s message when the load fails, and ends the worker', async () => {
    const { worker, state } = fakeWorker([page([row('a')]), { kind: 'failed', message: 'Corrupt record in summaries' }]);
    await expect(loadInWorker(() => worker, REQUEST, () => undefined)).rejects.toThrow('Corrupt record in summaries');
    expect(state.terminated).toBe(true);
  });

  it('rejects when the worker cannot start', async () => {
    const { worker } = fakeWorker('crash');
    await expect(loadInWorker(() => worker, REQUEST, () => undefined)).rejects.toThrow('SyntaxError');
  });
});

describe('the early load (started before the boot)', () => {
  const TODAY = '2026-11-23';
  async function seededStore() {
    const store = createMemoryStore();
    await store.putBundles(generateDemoPortfolio({ today: TODAY }));
    // As the IndexedDB store would say: the early worker read this database.
    return { ...store, databaseName: 'cadence' };
  }

  it('is taken over by the page when nothing changed since: its rows, its progress so far, its worker', async () => {
    const store = await seededStore();
    const { worker, state } = fakeWorker(LOADED);
    startWorklistEarly('cadence', TODAY, () => worker);
    const progress: number[] = [];
    const data = await loadWorklist(store, 0, TODAY, (n) => progress.push(n));
    expect(state.requests[0]).toEqual({ kind: 'load', databaseName: 'cadence', today: TODAY });
    expect(idsOf(data.rows)).toEqual(['a', 'b', 'c']);
    expect(progress).toEqual([3]);
    expect(state.terminated).toBe(false);
  });

  it('is thrown away (its worker ended) when the data changed, the day turned or the database differs', async () => {
    const store = await seededStore();
    for (const [version, today, name] of [[1, TODAY, 'cadence'], [0, '2026-11-24', 'cadence'], [0, TODAY, 'other']] as const) {
      const { worker, state } = fakeWorker(LOADED);
      startWorklistEarly(name, TODAY, () => worker);
      const data = await loadWorklist(store, version, today, () => undefined);
      // Built here from the store instead: the demo's rows, not the worker's three.
      expect(data.rows.length).toBeGreaterThan(3);
      await Promise.resolve();
      expect(state.terminated).toBe(true);
    }
  });

  it('is ended by dropEarlyWorklist (the boot seeded the demo after it started)', async () => {
    const { worker, state } = fakeWorker(LOADED);
    startWorklistEarly('cadence', TODAY, () => worker);
    dropEarlyWorklist();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(state.terminated).toBe(true);
    const data = await loadWorklist(await seededStore(), 0, TODAY, () => undefined);
    expect(data.rows.length).toBeGreaterThan(3);
  });
});
