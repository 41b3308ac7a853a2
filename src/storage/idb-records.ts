/**
 * Records over IndexedDB: each RecordTx call is one request on the transaction (never anything else awaited
 * inside it, or IndexedDB would commit early), and a read-write transaction is aborted when its work throws.
 */
import { unwrap, type IDBPObjectStore, type StoreNames } from 'idb';
import type { CadenceDatabase } from './db';
import { capturingRecords } from './outbox-capture';
import { INVOICE_BLOCKS, INVOICE_NUMBER_PAGES, invoiceBlockOps, type BlockStore, type InvoiceOps } from './invoice-blocks';
import { numberPagesTx, type NumberPage } from './number-pages';
import { keyRange } from './key-range';
import type { KeyRangeQuery, Records, RecordTx, WriteOptions } from './records';
import type { CadenceDB, CadenceStoreName } from './schema';
import { commitOrAbort, noop } from './tx';

// The operations are checked against the typed stores through RecordTx; here the store name is a variable,
// which idb's per-store typing cannot follow, so requests go through this plain shape.
interface PlainIndex {
  get(query: IDBValidKey | IDBKeyRange): Promise<unknown>;
  count(): Promise<number>;
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
  objectStore(name: string): PlainStore;
  commit(): void;
  abort(): void;
  done: Promise<void>;
}

/**
 * Puts `values` into `store` with every request issued at once and only the last one awaited. The native
 * store, not idb's wrapper: a promise and two listeners per record cost more than the write itself at 100,000
 * records. Requests complete in order, so the last one's success means all succeeded; a failed one aborts the
 * transaction, which fails the last request too.
 */
function putAll(store: PlainStore, values: readonly unknown[]): Promise<void> {
  if (values.length === 0) return Promise.resolve();
  const native = unwrap(store as unknown as IDBPObjectStore) as IDBObjectStore;
  let last: IDBRequest | undefined;
  for (const value of values) last = native.put(value);
  return new Promise<void>((resolve, reject) => {
    if (!last) return resolve();
    last.onsuccess = () => resolve();
    // An aborted transaction fails its later requests with AbortError; its own error says why.
    last.onerror = () => reject(last?.transaction?.error ?? last?.error);
  });
}

/** Puts `put` and deletes the pages keyed `deleted` with every request issued at once, as putAll. */
function writePages(store: PlainStore, put: readonly NumberPage[], deleted: readonly string[]): Promise<void> {
  if (put.length + deleted.length === 0) return Promise.resolve();
  const native = unwrap(store as unknown as IDBPObjectStore) as IDBObjectStore;
  let last: IDBRequest | undefined;
  for (const first of deleted) last = native.delete(first);
  for (const page of put) last = native.put(page);
  return new Promise<void>((resolve, reject) => {
    if (!last) return resolve();
    last.onsuccess = () => resolve();
    last.onerror = () => reject(last?.transaction?.error ?? last?.error);
  });
}

/** The records of `keys` in `store`, requests issued at once (native, as putAll), only the last one awaited. */
function getMany(store: PlainStore, keys: readonly string[]): Promise<unknown[]> {
  if (keys.length === 0) return Promise.resolve([]);
  const native = unwrap(store as unknown as IDBPObjectStore) as IDBObjectStore;
  const requests = keys.map((key) => native.get(key));
  const last = requests[requests.length - 1] as IDBRequest;
  return new Promise<unknown[]>((resolve, reject) => {
    // Requests complete in order: once the last has, every result is there.
    last.onsuccess = () => resolve(requests.map((r) => r.result as unknown));
    last.onerror = () => reject(last.transaction?.error ?? last.error);
  });
}

/**
 * The object stores a transaction over these logical stores opens: invoices live in their debtors' blocks (v11),
 * with the pages of their numbers beside them (v12).
 */
const physical = (stores: readonly CadenceStoreName[]): string[] => [...new Set(stores.flatMap((s) => (s === 'invoices' ? [INVOICE_BLOCKS, INVOICE_NUMBER_PAGES] : [s])))];

/** A transaction's records, and what it must still write once its work is done. */
type FinishingTx = RecordTx & { finish(): Promise<void> };

function recordTx(tx: PlainTx): FinishingTx {
  const store = (name: CadenceStoreName): PlainStore => tx.objectStore(name);
  // Made on first use: the transaction's block cache (./invoice-blocks.ts).
  let blockOps: InvoiceOps | undefined;
  const invoices = (): InvoiceOps => {
    if (!blockOps) {
      const blocks = tx.objectStore(INVOICE_BLOCKS);
      const pages = tx.objectStore(INVOICE_NUMBER_PAGES);
      const blockStore: BlockStore = {
        get: (key) => blocks.get(key),
        getAll: (query, count) => blocks.getAll(query, count),
        put: (value) => blocks.put(value),
        delete: (key) => blocks.delete(key),
        clear: () => blocks.clear(),
        index: (name) => blocks.index(name),
        putAll: (values) => putAll(blocks, values),
        getMany: (keys) => getMany(blocks, keys),
        numbers: numberPagesTx({
          getAllKeys: () => pages.getAllKeys() as Promise<string[]>,
          get: (first) => pages.get(first),
          write: (put, deleted) => writePages(pages, put, deleted),
          clear: () => pages.clear(),
        }),
      };
      blockOps = invoiceBlockOps(blockStore);
    }
    return blockOps;
  };
  return {
    get: (name, key) => (name === 'invoices' ? invoices().get(key) : store(name).get(key)),
    has: async (name, key) => (name === 'invoices' ? invoices().has(key) : (await store(name).getKey(key)) !== undefined),
    count: (name) => (name === 'invoices' ? invoices().count() : store(name).count()),
    getAll: (name, query: KeyRangeQuery = {}) => (name === 'invoices' ? invoices().getAll(query) : store(name).getAll(keyRange(query), query.limit)),
    getAllKeys: (name, query: KeyRangeQuery = {}) =>
      name === 'invoices' ? invoices().getAllKeys(query) : store(name).getAllKeys(keyRange(query), query.limit),
    byDebtor: (name, debtorId) => (name === 'invoices' ? invoices().byDebtor(debtorId) : store(name).index('debtorId').getAll(debtorId)),
    byDebtorRange: (name, first, last) =>
      name === 'invoices' ? invoices().byDebtorRange(first, last) : store(name).index('debtorId').getAll(IDBKeyRange.bound(first, last)),
    plansByStatus: (status) => store('plans').index('status').getAll(status),
    put: async (name, value, key) => {
      if (name === 'invoices') return invoices().put(value);
      await store(name).put(value, key);
    },
    putMany: (name, values) => (name === 'invoices' ? invoices().putMany(values) : putAll(store(name), values)),
    putInvoicesOfNewDebtors: (values) => invoices().putInvoicesOfNewDebtors(values),
    delete: (name, key) => (name === 'invoices' ? invoices().delete(key) : store(name).delete(key)),
    clear: (name) => (name === 'invoices' ? invoices().clear() : store(name).clear()),
    finish: () => blockOps?.finish() ?? Promise.resolve(),
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
    db.transaction(physical(stores) as StoreNames<CadenceDB>[], mode, options.durable ? { durability: 'strict' } : options.relaxed ? { durability: 'relaxed' } : undefined) as unknown as PlainTx;
  return {
    async read(stores, work) {
      const tx = open(stores, 'readonly');
      return work(recordTx(tx));
    },
    async write(stores, work, options = {}) {
      let result: Awaited<ReturnType<typeof work>> | undefined;
      await commitOrAbort(open(stores, 'readwrite', options), async (tx) => {
        const records = recordTx(tx);
        result = await work(records);
        // Issued in the microtasks after the work's last request: the transaction is still active.
        await records.finish();
      });
      return result as Awaited<ReturnType<typeof work>>;
    },
    async putNow(name, value) {
      await commitOrAbort(open([name], 'readwrite', { durable: true }), async (tx) => {
        // An invoice first reads its block (and perhaps looks its id up): the put is the last request either way.
        if (name === 'invoices') {
          const records = recordTx(tx);
          await records.put(name, value);
          return records.finish();
        }
        // The outcome is the transaction's, not the request's: Chromium 156 was seen to fire neither success
        // nor error on a put whose explicit commit then failed for quota, and awaiting the request hung the
        // call's save queue for good (reliability R7, one run in four). A failed request aborts the transaction.
        tx.objectStore(name).put(value).catch(noop);
        tx.commit();
      });
    },
  };
}
