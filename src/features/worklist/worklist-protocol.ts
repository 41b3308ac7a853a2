/**
 * Messages between the worklist page and its worker (./worklist.worker.ts). The worker loads the rows once,
 * then stays: it answers searches with the positions of the matching rows until the page has the search keys
 * (sent once asked for) and searches them itself, reading invoice numbers through its own store.
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

/** The search keys (`keys` messages), asked for once the page has shown its rows. */
export interface KeysRequest {
  kind: 'keys';
}

export type WorkerRequest = LoadRequest | SearchRequest | KeysRequest;

/** Between two search keys in `keys` messages: toSearchKey never leaves a control character in a key. */
export const KEY_SEPARATOR = '\u0000';

/**
 * The next rows in priority order, as columns (./row-columns.ts): one string and two typed arrays cross between
 * threads as memory copies and moves, where 2,000 row objects cost the page ~15 ms to decode. The page builds a
 * row only when it is shown.
 */
export type RowsPage = RowColumns;

export type WorkerMessage =
  /** Summaries read so far, for the loading text. */
  | { kind: 'progress'; loaded: number }
  /** The rows of each chunk of summaries, in the order the summaries were read: every page, then `done`. */
  | { kind: 'rows'; page: RowsPage }
  /**
   * Every page was sent; `order` lists the rows in priority order, each as its position among the rows of
   * every page, in the order they came. `debtorCount` is the number of summaries read, `staleIds` those to
   * rebuild. The worker now answers searches (positions in priority order).
   */
  | { kind: 'done'; debtorCount: number; staleIds: string[]; order: Int32Array }
  | { kind: 'failed'; message: string }
  /** Positions of the matching rows, ascending; `all` for a blank query. */
  | { kind: 'matches'; id: number; indexes: Int32Array | 'all' }
  | { kind: 'searchFailed'; id: number; message: string }
  /**
   * The next KEYS_PER_MESSAGE rows' search keys, in row order, joined by KEY_SEPARATOR: one string crosses
   * between threads as one copy. Sent after `done`; after the `last` one, the page searches on its own thread
   * (see ./worklist-data.ts).
   */
  | { kind: 'keys'; joined: string; last: boolean };

/** Search keys per message: 41,516 keys in one took the page a 60 ms task at 4× CPU to receive and split. */
export const KEYS_PER_MESSAGE = 10_000;

/** Rows per message: the page unpacks each message in a task of its own. */
export const ROWS_PER_MESSAGE = 5_000;
