/**
 * Records in memory, with IndexedDB's guarantees: a read-write transaction writes into a draft of its own and
 * the draft replaces the stored records only when the whole work succeeded (all or nothing); read-write
 * transactions run one after the other, as IndexedDB runs those whose stores overlap; values are copied in
 * and out (structuredClone), so no caller ever holds the stored object. Keys come back in key order.
 */
import { StorageError } from './errors';
import type { DebtorStoreName, KeyRangeQuery, Records, RecordTx, StoredValue } from './records';
import { ALL_STORES, type CadenceStoreName } from './schema';

// IndexedDB key paths (upgrades.ts); `null` for the settings store, whose keys are out of line.
const KEY_PATH: Record<CadenceStoreName, string | readonly string[] | null> = {
  debtors: 'id',
  contacts: 'id',
  invoices: 'id',
  activities: 'id',
  promises: 'id',
  tasks: 'id',
  settings: null,
  summaries: 'debtorId',
  kpiDigests: 'debtorId',
  calls: 'callId',
  plans: 'id',
  drafts: 'id',
  scripts: 'id',
  // The script library (script-library.ts) has its own in-memory twin; here its stores only need clearing,
  // and a compound key is kept as the JSON of its parts.
  scriptVersions: ['scriptId', 'version'],
  imports: 'id',
  importStaging: 'key',
  outbox: 'id',
  syncState: 'key',
};

/** IndexedDB orders string keys by code unit, which is how `<` compares strings. */
const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const field = (value: unknown, name: string): unknown => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined);

function keyOf(store: CadenceStoreName, value: unknown, key: string | undefined): string {
  const path = KEY_PATH[store];
  const found = path === null ? key : typeof path === 'string' ? field(value, path) : JSON.stringify(path.map((p) => field(value, p)));
  // IndexedDB refuses such a put with a DataError; the operations never make one, but a bug must not slip by.
  if (typeof found !== 'string') throw new DOMException(`No key for a record of ${store}`, 'DataError');
  return found;
}

type Table = Map<string, unknown>;
type Tables = Record<CadenceStoreName, Table>;

const emptyTables = (): Tables => Object.fromEntries(ALL_STORES.map((s) => [s, new Map()])) as Tables;

/** One transaction's pending writes over the stored tables: a value, or `null` for a deleted key. */
class Draft {
  readonly writes = new Map<CadenceStoreName, Map<string, unknown>>();
  readonly cleared = new Set<CadenceStoreName>();

  constructor(private readonly base: Tables) {}

  private pending(store: CadenceStoreName): Map<string, unknown> {
    let map = this.writes.get(store);
    if (!map) this.writes.set(store, (map = new Map()));
    return map;
  }

  get(store: CadenceStoreName, key: string): unknown {
    const pending = this.writes.get(store);
    if (pending?.has(key)) return pending.get(key) ?? undefined;
    return this.cleared.has(store) ? undefined : this.base[store].get(key);
  }

  /** Keys of the records `keep` accepts (all when omitted), in key order. */
  keys(store: CadenceStoreName, keep?: (value: unknown) => boolean): string[] {
    const pending = this.writes.get(store);
    const keys: string[] = [];
    if (!this.cleared.has(store)) {
      for (const [key, value] of this.base[store]) {
        if (!pending?.has(key) && (!keep || keep(value))) keys.push(key);
      }
    }
    for (const [key, value] of pending ?? []) {
      if (value !== null && (!keep || keep(value))) keys.push(key);
    }
    return keys.sort(byKey);
  }

  put(store: CadenceStoreName, key: string, value: unknown): void {
    this.pending(store).set(key, value);
  }

  delete(store: CadenceStoreName, key: string): void {
    this.pending(store).set(key, null);
  }

  clear(store: CadenceStoreName): void {
    this.cleared.add(store);
    this.writes.delete(store);
  }

  /** Applies the pending writes to the stored tables: runs only once the work has succeeded. */
  commit(): void {
    for (const store of this.cleared) this.base[store].clear();
    for (const [store, writes] of this.writes) {
      const table = this.base[store];
      for (const [key, value] of writes) {
        if (value === null) table.delete(key);
        else table.set(key, value);
      }
    }
  }
}

function recordTx(draft: Draft, writable: boolean): RecordTx {
  const readOnly = (): never => {
    throw new DOMException('The transaction is read-only', 'ReadOnlyError');
  };
  const valuesOf = (store: CadenceStoreName, keys: string[]): unknown[] => keys.map((k) => structuredClone(draft.get(store, k)));
  const keysIn = (store: CadenceStoreName, { after, from, upTo, limit }: KeyRangeQuery): string[] => {
    let keys = draft.keys(store);
    if (after !== undefined) keys = keys.filter((k) => k > after);
    if (from !== undefined) keys = keys.filter((k) => k >= from);
    if (upTo !== undefined) keys = keys.filter((k) => k <= upTo);
    return limit === undefined ? keys : keys.slice(0, limit);
  };
  const matching = (store: CadenceStoreName, name: string, wanted: string): unknown[] =>
    valuesOf(store, draft.keys(store, (value) => field(value, name) === wanted));
  return {
    get: async (store, key) => structuredClone(draft.get(store, key)),
    has: async (store, key) => draft.get(store, key) !== undefined,
    count: async (store) => draft.keys(store).length,
    getAll: async (store, query: KeyRangeQuery = {}) => valuesOf(store, keysIn(store, query)),
    getAllKeys: async (store, query: KeyRangeQuery = {}) => keysIn(store, query),
    byDebtor: async (store: DebtorStoreName, debtorId) => matching(store, 'debtorId', debtorId),
    byDebtorRange: async (store: DebtorStoreName, first, last) => {
      // IndexedDB's order: by the index key (the debtor id), then by the record's key.
      const within = (value: unknown) => {
        const id = field(value, 'debtorId');
        return typeof id === 'string' && id >= first && id <= last;
      };
      const keys = draft.keys(store, within);
      const debtorOf = (key: string) => field(draft.get(store, key), 'debtorId') as string;
      keys.sort((a, b) => (debtorOf(a) === debtorOf(b) ? byKey(a, b) : debtorOf(a) < debtorOf(b) ? -1 : 1));
      return valuesOf(store, keys);
    },
    plansByStatus: async (status) => matching('plans', 'status', status),
    put: async <S extends CadenceStoreName>(store: S, value: StoredValue<S>, key?: string) => {
      if (!writable) readOnly();
      draft.put(store, keyOf(store, value, key), structuredClone(value));
    },
    putMany: async <S extends CadenceStoreName>(store: S, values: readonly StoredValue<S>[]) => {
      if (!writable) readOnly();
      for (const value of values) draft.put(store, keyOf(store, value, undefined), structuredClone(value));
    },
    // In memory an invoice is a record of its own: nothing to spare.
    putInvoicesOfNewDebtors: async (values) => {
      if (!writable) readOnly();
      for (const value of values) draft.put('invoices', keyOf('invoices', value, undefined), structuredClone(value));
    },
    delete: async (store, key) => {
      if (!writable) readOnly();
      draft.delete(store, key);
    },
    clear: async (store) => {
      if (!writable) readOnly();
      draft.clear(store);
    },
  };
}

export interface MemoryRecords extends Records {
  /** Like closing an IndexedDB connection: every later transaction fails with a `closed` StorageError. */
  close(): void;
}

/** A fresh, empty set of in-memory stores. Each call is a database of its own. */
export function memoryRecords(): MemoryRecords {
  const tables = emptyTables();
  let closed = false;
  const open = (): void => {
    if (closed) throw new StorageError('closed', 'Database connection is closed');
  };
  // Read-write transactions queue behind each other: two drafts of the same records must not both commit.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };
  const write = <T>(work: (tx: RecordTx) => Promise<T>): Promise<T> =>
    serial(async () => {
      open();
      const draft = new Draft(tables);
      const result = await work(recordTx(draft, true));
      draft.commit();
      return result;
    });
  return {
    read: async (_stores, work) => {
      open();
      return work(recordTx(new Draft(tables), false));
    },
    write: (_stores, work) => write(work),
    putNow: (store, value) => write((tx) => tx.put(store, value)),
    close: () => {
      closed = true;
    },
  };
}
