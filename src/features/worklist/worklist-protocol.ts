/**
 * Messages between the worklist page and its worker (./worklist.worker.ts). The worker loads the rows once,
 * then stays, holding the search keys: each search is answered with the positions of the matching rows, so
 * the page never scans 50,000 keys on its own thread.
 */
import type { RowColumns } from './row-columns';

export interface LoadRequest {
  kind: 'load';
  /** The IndexedDB database of the page's store (CadenceStore.databaseName). */
  databaseName: string;
  today: string;
}

export interface SearchRequest {
  kind: 'search';
  /** Echoed in the answer, which may come after the answer to a later search (invoice lookups wait on storage). */
  id: number;
  query: string;
}

export type WorkerRequest = LoadRequest | SearchRequest;

/**
 * The next rows in priority order, as columns (./row-columns.ts): one string and two typed arrays cross between
 * threads as memory copies and moves, where 2,000 row objects cost the page ~15 ms to decode. The page builds a
 * row only when it is shown.
 */
export type RowsPage = RowColumns;

export type WorkerMessage =
  /** Summaries read so far, for the loading text. */
  | { kind: 'progress'; loaded: number }
  /** Pages arrive in order. */
  | { kind: 'rows'; page: RowsPage }
  /**
   * Every page was sent; `debtorCount` is the number of summaries read, `staleIds` those to rebuild. The worker
   * now answers searches.
   */
  | { kind: 'done'; debtorCount: number; staleIds: string[] }
  | { kind: 'failed'; message: string }
  /** Positions of the matching rows, ascending; `all` for a blank query. */
  | { kind: 'matches'; id: number; indexes: Int32Array | 'all' }
  | { kind: 'searchFailed'; id: number; message: string };

/** Rows per message: the page unpacks each message in a task of its own. */
export const ROWS_PER_MESSAGE = 5_000;
