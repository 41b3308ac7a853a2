/**
 * What the store's operations need of the place records live, so each operation (a call's outcome, a
 * payment, a plan decision, a summary rebuild…) is written once and runs on IndexedDB (./idb-records.ts) and
 * in memory (./memory-records.ts) alike. Reads hand back `unknown`: the operations parse them with zod, as
 * the disk may hold records from older code.
 */
import type { CadenceDB, CadenceStoreName, StoredInvoice } from './schema';

/** Stores with a `debtorId` index. */
export type DebtorStoreName = 'contacts' | 'invoices' | 'activities' | 'promises' | 'tasks' | 'calls' | 'plans' | 'drafts';

export type StoredValue<S extends CadenceStoreName> = CadenceDB[S]['value'];

export interface KeyRangeQuery {
  /** Only records whose key is strictly greater. */
  after?: string;
  /** Only records whose key is greater or equal (with `upTo`: a closed range). */
  from?: string;
  /** Only records whose key is lower or equal. */
  upTo?: string;
  limit?: number;
}

/** One transaction's view of the records: it sees its own pending writes. */
export interface RecordTx {
  get(store: CadenceStoreName, key: string): Promise<unknown>;
  has(store: CadenceStoreName, key: string): Promise<boolean>;
  count(store: CadenceStoreName): Promise<number>;
  /** Records in key order. */
  getAll(store: CadenceStoreName, query?: KeyRangeQuery): Promise<unknown[]>;
  /** Every key of a store (or of a range of it), in key order (the settings store's keys are out of line: a backup needs them). */
  getAllKeys(store: CadenceStoreName, query?: KeyRangeQuery): Promise<unknown[]>;
  /** The records of one debtor, in key order. */
  byDebtor(store: DebtorStoreName, debtorId: string): Promise<unknown[]>;
  /**
   * The records of every debtor whose id is in [first, last], ordered by debtor id then key: one request for
   * many debtors whose ids sort close together (an import's bulk recompute, ./debtor-recompute.ts).
   */
  byDebtorRange(store: DebtorStoreName, first: string, last: string): Promise<unknown[]>;
  /** Plans of one status, in key order. */
  plansByStatus(status: string): Promise<unknown[]>;
  /** `key` only for the settings store, whose keys are out of line. */
  put<S extends CadenceStoreName>(store: S, value: StoredValue<S>, key?: string): Promise<void>;
  /**
   * Many records of one store (keys in line), their requests issued at once and only the last one awaited:
   * a bulk write costs one round trip, not one per record. Any failure rejects and aborts the transaction.
   */
  putMany<S extends CadenceStoreName>(store: S, values: readonly StoredValue<S>[]): Promise<void>;
  /**
   * The invoices of debtors that hold none yet (an import's new debtors): what `putMany('invoices', …)` does,
   * without reading anything first — on IndexedDB one request per debtor (./invoice-blocks.ts). A debtor that
   * already held invoices, or an id another debtor holds, is the caller's error: IndexedDB would lose or
   * duplicate them.
   */
  putInvoicesOfNewDebtors(values: readonly StoredInvoice[]): Promise<void>;
  delete(store: CadenceStoreName, key: string): Promise<void>;
  clear(store: CadenceStoreName): Promise<void>;
}

export interface WriteOptions {
  /** The agent is told the data is saved: it must survive a browser crash (IndexedDB `strict` durability). */
  durable?: boolean;
  /**
   * Nothing is lost if the write is lost with the OS (IndexedDB `relaxed` durability: no flush to disk before
   * it completes), e.g. an import's staging, which a later durable switch must find whole or it refuses.
   */
  relaxed?: boolean;
}

/** Where records live: transactions over a set of stores, each read-write one all or nothing. */
export interface Records {
  read<T>(stores: readonly CadenceStoreName[], work: (tx: RecordTx) => Promise<T>): Promise<T>;
  /** Commits only when `work` resolves; anything it throws leaves every store as it was. */
  write<T>(stores: readonly CadenceStoreName[], work: (tx: RecordTx) => Promise<T>, options?: WriteOptions): Promise<T>;
  /**
   * One durable put committed at once, before its result comes back: a save started as the tab closes must
   * still reach the disk (reliability R3, R10).
   */
  putNow<S extends CadenceStoreName>(store: S, value: StoredValue<S>): Promise<void>;
}
