/**
 * Records over IndexedDB: each RecordTx call is one request on the transaction (never anything else awaited
 * inside it, or IndexedDB would commit early), and a read-write transaction is aborted when its work throws.
 */
import { unwrap, type IDBPObjectStore } from 'idb';
import type { CadenceDatabase } from './db';
import { capturingRecords } from './outbox-capture';
import type { KeyRangeQuery, Records, RecordTx, WriteOptions } from './records';
import type { CadenceStoreName } from './schema';
import { commitOrAbort } from './tx';

// The operations are checked against the typed stores through RecordTx; here the store name is a variable,
// which idb's per-store typing cannot follow, so requests go through this plain shape.
interface PlainIndex {
  getAll(query?: IDBValidKey | IDBKeyRange | null, count?: number): Promise<unknown[]>;
}
interface PlainStore extends PlainIndex {
  get(key: IDBValidKey): Promise<unknown>;
  getAllKeys(query?: IDBValidKey | IDBKeyRange | null, count?: number): Promise<IDBValidKey[]>;
  getKey(key: IDBValidKey): Promise<IDBValidKey | undefined>;
  count(): Promise<number>;
  put(value: unknown, key?: IDBValidKey): Promise<unknown>;
  delete(key: IDBValidKey): Promise<void>;
  clear(): Promise<void>;
  index(name: string): PlainIndex;
}
interface PlainTx {
  objectStore(name: CadenceStoreName): PlainStore;
  commit(): void;
  abort(): void;
  done: Promise<void>;
}

/** The key range of a query, `null` for the whole store. */
function keyRange({ after, from, upTo }: KeyRangeQuery): IDBKeyRange | null {
  const lower = after ?? from;
  const open = after !== undefined;
  if (lower !== undefined && upTo !== undefined) return IDBKeyRange.bound(lower, upTo, open, false);
  if (lower !== undefined) return IDBKeyRange.lowerBound(lower, open);
  if (upTo !== undefined) return IDBKeyRange.upperBound(upTo);
  return null;
}

function recordTx(tx: PlainTx): RecordTx {
  const store = (name: CadenceStoreName): PlainStore => tx.objectStore(name);
  return {
    get: (name, key) => store(name).get(key),
    has: async (name, key) => (await store(name).getKey(key)) !== undefined,
    count: (name) => store(name).count(),
    getAll: (name, query: KeyRangeQuery = {}) => store(name).getAll(keyRange(query), query.limit),
    getAllKeys: (name, query: KeyRangeQuery = {}) => store(name).getAllKeys(keyRange(query), query.limit),
    byDebtor: (name, debtorId) => store(name).index('debtorId').getAll(debtorId),
    byDebtorRange: (name, first, last) => store(name).index('debtorId').getAll(IDBKeyRange.bound(first, last)),
    plansByStatus: (status) => store('plans').index('status').getAll(status),
    put: async (name, value, key) => {
      await store(name).put(value, key);
    },
    putMany: async (name, values) => {
      if (values.length === 0) return;
      // The native store, not idb's wrapper: a promise and two listeners per record cost more than the write
      // itself at 100,000 records. Requests complete in order, so the last one's success means all succeeded;
      // a failed one aborts the transaction, which fails the last request too.
      const native = unwrap(store(name) as unknown as IDBPObjectStore) as IDBObjectStore;
      let last: IDBRequest | undefined;
      for (const value of values) last = native.put(value);
      await new Promise<void>((resolve, reject) => {
        if (!last) return resolve();
        last.onsuccess = () => resolve();
        // An aborted transaction fails its later requests with AbortError; its own error says why.
        last.onerror = () => reject(last?.transaction?.error ?? last?.error);
      });
    },
    delete: (name, key) => store(name).delete(key),
    clear: (name) => store(name).clear(),
  };
}

/**
 * Records over IndexedDB with the outbox written beside every shared change once the device has joined a team
 * (./outbox-capture.ts): what every writer uses, the store and the screens that write records themselves.
 */
export function idbRecords(db: CadenceDatabase): Records {
  return capturingRecords(plainIdbRecords(db));
}

/** Records over IndexedDB that write nothing to the outbox: for what comes from the team server. */
export function plainIdbRecords(db: CadenceDatabase): Records {
  const open = (stores: readonly CadenceStoreName[], mode: IDBTransactionMode, options: WriteOptions = {}): PlainTx =>
    db.transaction([...stores], mode, options.durable ? { durability: 'strict' } : options.relaxed ? { durability: 'relaxed' } : undefined) as unknown as PlainTx;
  return {
    async read(stores, work) {
      const tx = open(stores, 'readonly');
      return work(recordTx(tx));
    },
    async write(stores, work, options = {}) {
      let result: Awaited<ReturnType<typeof work>> | undefined;
      await commitOrAbort(open(stores, 'readwrite', options), async (tx) => {
        result = await work(recordTx(tx));
      });
      return result as Awaited<ReturnType<typeof work>>;
    },
    async putNow(name, value) {
      await commitOrAbort(open([name], 'readwrite', { durable: true }), async (tx) => {
        const put = tx.objectStore(name).put(value);
        tx.commit();
        await put;
      });
    },
  };
}
