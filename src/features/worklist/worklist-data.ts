/**
 * Loads the worklist from the summary store and keeps it for the session, so coming back from a dossier is
 * instant and lands on the same row. The cache is keyed by the store, the data version and today's date.
 *
 * In a browser the load runs in a worker (./worklist.worker.ts) on the store's database: the main thread only
 * receives the finished rows, a page at a time, and the worker stays to answer searches with row positions.
 * Where workers are missing (tests, old engines), the store is not IndexedDB, or the worker fails, the same
 * build and search run here, the build chunk by chunk, each chunk in a task of its own.
 */
import type { CadenceStore } from '../../storage/api';
import { columnRows, type RowColumns } from './row-columns';
import { arrayRows, pickRows, type RowSource } from './row-source';
import { invoiceLookup, WorklistSearch, type InvoiceLookup } from './search';
import { KEY_SEPARATOR, type LoadRequest, type WorkerMessage, type WorkerRequest } from './worklist-protocol';

export interface WorklistData {
  /** In priority order. */
  rows: RowSource;
  /** Debtors stored, with or without anything to chase: 0 means the portfolio is empty. */
  debtorCount: number;
  /** Debtors whose summary was written by an older version, without the payment-history digest. */
  staleIds: string[];
  /**
   * The rows whose company name contains `query` or whose debtor has an invoice number starting with it, in
   * priority order; every row for a blank query.
   */
  search(query: string): Promise<RowSource>;
  /**
   * Readies the fastest search there is, in the background: called once the rows are painted (a worker's
   * search keys come to the page then, not during the opening). Nothing to do where the search is here.
   */
  prepareSearch(): void;
  /**
   * Reads invoice numbers for the page's searches through this store (the page's own) instead of asking the
   * worker: a read is the index's keys alone (storage/store.ts), cheap enough for this thread, and a keystroke
   * then waits for no message to the worker and back.
   */
  readInvoicesFrom(store: Pick<CadenceStore, 'readNumberPages'>): void;
  /** Lets go of what the search holds (the worker); the rows stay readable. */
  dispose(): void;
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
  onmessage: ((event: MessageEvent<WorkerMessage>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: WorkerRequest): void;
  terminate(): void;
}

const createLoadWorker = (): WorkerLike => new Worker(new URL('./worklist.worker.ts', import.meta.url), { type: 'module' });

interface Pending {
  resolve: (rows: RowSource) => void;
  reject: (error: Error) => void;
}

/** Rows mapped per task when the page prepares its search's debtor → row map: 20–25 ms at 4× CPU in a trace (rows read through their priority order). */
const POSITIONS_PER_TASK = 4_000;

/**
 * Runs the load in a fresh worker and collects its pages. The worker answers searches until the page has both
 * the search keys (sent once asked for) and its own store to read invoice numbers from (readInvoicesFrom);
 * from then on the page searches itself. A worker's answer to a keystroke reaches the page after the frame
 * that shows the typed character (Chromium runs rendering first after input): the rows came a frame later,
 * 20–30 ms after the key at 1× CPU. Searched here, a company name's rows change in the keystroke's own task.
 */
export function loadInWorker(
  createWorker: () => WorkerLike,
  request: Omit<LoadRequest, 'kind'>,
  onProgress: (loaded: number) => void,
): Promise<WorklistData> {
  return new Promise((resolve, reject) => {
    const worker = createWorker();
    const pages: RowColumns[] = [];
    const searches = new Map<number, Pending>();
    let nextId = 0;
    let rows: RowSource | undefined;
    let broken: Error | undefined;
    let here: { searcher: WorklistSearch; invoices: InvoiceLookup } | undefined;
    const keyParts: string[][] = [];
    let keysAsked = false;
    let keys: string[] | undefined;
    let invoiceStore: Pick<CadenceStore, 'readNumberPages'> | undefined;
    /** Searching here once the keys and the store are both known. */
    const searchHere = () => {
      if (here || !rows || !keys || !invoiceStore) return;
      const searcher = new WorklistSearch(rows, keys);
      here = { searcher, invoices: invoiceLookup(invoiceStore) };
      // The joined keys a query's first keys scan, and the debtor → row map the first invoice match needs,
      // built now rather than inside a keystroke, a task (or a part) at a time.
      setTimeout(() => searcher.prepareScan(), 0);
      const step = () => {
        if (!searcher.preparePositionsStep(POSITIONS_PER_TASK)) setTimeout(step, 0);
      };
      setTimeout(step, 0);
    };
    const end = (error: Error) => {
      broken = error;
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
      for (const pending of searches.values()) pending.reject(error);
      searches.clear();
    };
    const data = (all: RowSource, debtorCount: number, staleIds: string[]): WorklistData => ({
      rows: all,
      debtorCount,
      staleIds,
      search: async (query) => {
        if (broken) throw broken;
        if (here) return here.searcher.match(query, await here.invoices(query));
        return new Promise((done, failed) => {
          if (broken) return failed(broken);
          const id = ++nextId;
          searches.set(id, { resolve: done, reject: failed });
          worker.postMessage({ kind: 'search', id, query });
        });
      },
      prepareSearch: () => {
        if (keysAsked || broken) return;
        keysAsked = true;
        worker.postMessage({ kind: 'keys' });
      },
      readInvoicesFrom: (store) => {
        invoiceStore = store;
        searchHere();
      },
      dispose: () => end(new Error('the worklist was replaced')),
    });
    worker.onmessage = ({ data: message }) => {
      switch (message.kind) {
        case 'progress':
          onProgress(message.loaded);
          break;
        case 'rows':
          pages.push(message.page);
          break;
        case 'done':
          rows = pickRows(columnRows(pages), message.order);
          resolve(data(rows, message.debtorCount, message.staleIds ?? []));
          break;
        case 'matches': {
          const pending = searches.get(message.id);
          searches.delete(message.id);
          if (pending && rows) pending.resolve(message.indexes === 'all' ? rows : pickRows(rows, message.indexes));
          break;
        }
        case 'keys': {
          // Each message split in its own task. An empty worklist sends one empty string (a lone empty key reads
          // as none: the count then differs and the worker goes on searching).
          keyParts.push(message.joined === '' ? [] : message.joined.split(KEY_SEPARATOR));
          if (!message.last) break;
          const all = keyParts.flat();
          keyParts.length = 0;
          if (!rows || all.length !== rows.length) break;
          keys = all;
          searchHere();
          break;
        }
        case 'searchFailed': {
          const pending = searches.get(message.id);
          searches.delete(message.id);
          pending?.reject(new Error(message.message));
          break;
        }
        case 'failed':
          end(new Error(message.message));
          reject(broken);
          break;
      }
    };
    worker.onerror = (event) => {
      end(new Error(event.message || 'worklist worker failed'));
      reject(broken);
    };
    worker.postMessage({ kind: 'load', ...request });
  });
}

interface EarlyLoad {
  request: Omit<LoadRequest, 'kind'>;
  data: Promise<WorklistData>;
  /** Summaries read so far, and who wants to hear about the next ones (the page, once it shows). */
  loaded: number;
  onProgress: ((loaded: number) => void) | undefined;
}

let early: EarlyLoad | undefined;

/**
 * Starts the worklist's worker on `databaseName` as soon as the entry runs, before the app has booted, so
 * reading 50,000 summaries overlaps opening the database, reading the settings, i18n and the first render
 * instead of waiting for them. The page takes it over if nothing changed the data in between (see
 * dropEarlyWorklist); otherwise it is thrown away and the page loads as usual.
 */
export function startWorklistEarly(databaseName: string, today: string, createWorker: () => WorkerLike = createLoadWorker): void {
  if (early || (createWorker === createLoadWorker && typeof Worker !== 'function')) return;
  const request = { databaseName, today };
  const state: EarlyLoad = { request, data: Promise.resolve() as unknown as Promise<WorklistData>, loaded: 0, onProgress: undefined };
  state.data = loadInWorker(createWorker, request, (n) => {
    state.loaded = n;
    state.onProgress?.(n);
  });
  // Whoever takes it over handles a failure; unclaimed, it must not surface as an unhandled rejection.
  state.data.catch(() => undefined);
  early = state;
}

/** The data changed since startWorklistEarly (the boot seeded the demo): its rows would be stale. */
export function dropEarlyWorklist(): void {
  early?.data.then((d) => d.dispose(), () => undefined);
  early = undefined;
}

/** The early load when it was for this store's database, today, and no change came after it (version 0). */
function takeEarly(store: CadenceStore, version: number, today: string, onProgress: (loaded: number) => void): Promise<WorklistData> | undefined {
  const found = early;
  early = undefined;
  if (!found) return undefined;
  if (version !== 0 || found.request.databaseName !== store.databaseName || found.request.today !== today) {
    found.data.then((d) => d.dispose(), () => undefined);
    return undefined;
  }
  found.onProgress = onProgress;
  if (found.loaded > 0) onProgress(found.loaded);
  return found.data;
}

/** The same load and search on this thread, chunk by chunk. */
async function loadHere(store: CadenceStore, today: string, onProgress: (loaded: number) => void): Promise<WorklistData> {
  // Browsers take the worker path: the in-thread builder stays out of the first load.
  const { buildFromStore } = await import('./worklist-builder');
  const built = await buildFromStore(store, today, onProgress);
  const rows = arrayRows(built.rows);
  const searcher = new WorklistSearch(rows, built.keys);
  const invoices = invoiceLookup(store);
  return {
    rows,
    debtorCount: built.debtorCount,
    staleIds: built.staleIds,
    search: async (query) => searcher.match(query, await invoices(query)),
    prepareSearch: () => undefined,
    readInvoicesFrom: () => undefined,
    dispose: () => undefined,
  };
}

export async function loadWorklist(
  store: CadenceStore,
  version: number,
  today: string,
  onProgress: (loaded: number) => void,
): Promise<WorklistData> {
  const { databaseName } = store;
  const started = takeEarly(store, version, today, onProgress);
  const inWorker =
    started ?? (typeof Worker === 'function' && databaseName !== undefined ? loadInWorker(createLoadWorker, { databaseName, today }, onProgress) : undefined);
  const data: WorklistData = inWorker
    ? withFallback(await inWorker.catch(() => loadHere(store, today, onProgress)), () => loadHere(store, today, () => undefined))
    : await loadHere(store, today, onProgress);
  data.readInvoicesFrom(store);
  if (cached && cached.store === store && cached.version > version) {
    // A newer load finished first; the page drops this one.
    data.dispose();
    return data;
  }
  cached?.data.dispose();
  cached = { store, version, today, data };
  return data;
}

/**
 * Should the worker die after loading (it holds the keys), searches go on here: the same build gives the same
 * rows in the same order, built once on the first search that needs it.
 */
function withFallback(data: WorklistData, rebuild: () => Promise<WorklistData>): WorklistData {
  let here: Promise<WorklistData> | undefined;
  return {
    ...data,
    search: (query) => data.search(query).catch(() => (here ??= rebuild()).then((d) => d.search(query))),
  };
}
