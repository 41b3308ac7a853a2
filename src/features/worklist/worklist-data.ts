/**
 * Loads the worklist from the summary store and keeps it for the session, so coming back from a dossier is
 * instant and lands on the same row. The cache is keyed by the store, the data version and today's date.
 *
 * In a browser the load runs in a worker (./worklist.worker.ts) on the store's database: the main thread only
 * receives the finished rows, a page at a time. Where workers are missing (tests, old engines), the store is
 * not IndexedDB, or the worker fails, the same build runs here, chunk by chunk, each chunk in a task of its own.
 */
import type { CadenceStore } from '../../storage/api';
import { arrayRows, jsonRows, unpackStrings, type RowSource } from './row-source';
import type { LoadMessage, LoadRequest } from './worklist-protocol';

export interface WorklistData {
  /** In priority order. */
  rows: RowSource;
  /** `keys[i]` is the search key of `rows.at(i)`. */
  keys: string[];
  /** Debtors stored, with or without anything to chase: 0 means the portfolio is empty. */
  debtorCount: number;
  /** Debtors whose summary was written by an older version, without the payment-history digest. */
  staleIds: string[];
}

interface Cached {
  store: CadenceStore;
  version: number;
  today: string;
  data: WorklistData;
}

let cached: Cached | undefined;

/** What the agent left behind on the worklist: the search and the scroll position. */
export const worklistView = { query: '', scrollY: 0 };

export function cachedWorklist(store: CadenceStore, version: number, today: string): WorklistData | undefined {
  return cached && cached.store === store && cached.version === version && cached.today === today ? cached.data : undefined;
}

/** The part of a Worker the loader uses, so tests can stand in for one. */
export interface WorkerLike {
  onmessage: ((event: MessageEvent<LoadMessage>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: LoadRequest): void;
  terminate(): void;
}

const createLoadWorker = (): WorkerLike => new Worker(new URL('./worklist.worker.ts', import.meta.url), { type: 'module' });

/** Runs one load in a fresh worker and collects its pages; the worker is gone when this settles. */
export function loadInWorker(
  createWorker: () => WorkerLike,
  request: LoadRequest,
  onProgress: (loaded: number) => void,
): Promise<WorklistData> {
  return new Promise((resolve, reject) => {
    const worker = createWorker();
    const json: string[] = [];
    const debtorIds: string[] = [];
    const keys: string[] = [];
    const settle = (outcome: () => void) => {
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
      outcome();
    };
    worker.onmessage = ({ data: message }) => {
      switch (message.kind) {
        case 'progress':
          onProgress(message.loaded);
          break;
        case 'rows':
          json.push(...unpackStrings(message.page.rows));
          debtorIds.push(...unpackStrings(message.page.debtorIds));
          keys.push(...unpackStrings(message.page.keys));
          break;
        case 'done':
          settle(() => resolve({ rows: jsonRows(json, debtorIds), keys, debtorCount: message.debtorCount, staleIds: message.staleIds ?? [] }));
          break;
        case 'failed':
          settle(() => reject(new Error(message.message)));
          break;
      }
    };
    worker.onerror = (event) => settle(() => reject(new Error(event.message || 'worklist worker failed to start')));
    worker.postMessage(request);
  });
}

export async function loadWorklist(
  store: CadenceStore,
  version: number,
  today: string,
  onProgress: (loaded: number) => void,
): Promise<WorklistData> {
  const inThread = async (): Promise<WorklistData> => {
    // Browsers take the worker path: the in-thread builder stays out of the first load.
    const { buildFromStore } = await import('./worklist-builder');
    const built = await buildFromStore(store, today, onProgress);
    return { rows: arrayRows(built.rows), keys: built.keys, debtorCount: built.debtorCount, staleIds: built.staleIds };
  };
  const { databaseName } = store;
  const data: WorklistData =
    typeof Worker === 'function' && databaseName !== undefined
      ? await loadInWorker(createLoadWorker, { databaseName, today }, onProgress).catch(inThread)
      : await inThread();
  cached = { store, version, today, data };
  return data;
}
