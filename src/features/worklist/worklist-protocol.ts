/** Messages between the worklist page and its loading worker (./worklist.worker.ts). */
import type { PackedStrings } from './row-source';

export interface LoadRequest {
  /** The IndexedDB database of the page's store (CadenceStore.databaseName). */
  databaseName: string;
  today: string;
}

/**
 * The next rows in priority order. Each column is packed into one string (see PackedStrings): a handful of
 * long strings cross between threads as memory copies, where 2,000 row objects cost the page ~15 ms to decode.
 * `rows` holds each WorklistRow as JSON, parsed by the page only when the row is shown.
 */
export interface RowsPage {
  debtorIds: PackedStrings;
  keys: PackedStrings;
  rows: PackedStrings;
}

export type LoadMessage =
  /** Summaries read so far, for the loading text. */
  | { kind: 'progress'; loaded: number }
  /** Pages arrive in order. */
  | { kind: 'rows'; page: RowsPage }
  /** Every page was sent; `debtorCount` is the number of summaries read, `staleIds` those to rebuild. */
  | { kind: 'done'; debtorCount: number; staleIds: string[] }
  | { kind: 'failed'; message: string };

/** Rows per message: the page unpacks each message in a task of its own. */
export const ROWS_PER_MESSAGE = 5_000;
