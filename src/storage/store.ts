/**
 * The IndexedDB implementation of CadenceStore: the shared operations (./record-store.ts) over IndexedDB
 * records (./idb-records.ts), with the invoice-number search through the keys of `invoiceNumbers`.
 */
import { toSearchKey } from '../domain/text';
import type { CadenceStore, InvoiceNumberScan } from './api';
import type { CadenceDatabase } from './db';
import { INVOICE_NUMBERS } from './invoice-blocks';
import { capturingRecords } from './outbox-capture';
import { plainIdbRecords } from './idb-records';
import { createRecordStore, type CadenceStoreOptions } from './record-store';

export { preloadStorage, type CadenceStoreOptions, type StorageModule } from './record-store';

/**
 * The first `entries` keys of `invoiceNumbers` under the prefix: [numberKey, debtorId] each, the keys alone,
 * never a block nor a record (reading the blocks to learn their numbers cost 12–50 ms per keystroke at 50,000
 * debtors, against 2–3 ms for keys, measured in Chromium).
 */
async function scanInvoiceNumbers(db: CadenceDatabase, prefix: string, entries?: number): Promise<InvoiceNumberScan> {
  const key = toSearchKey(prefix);
  if (key === '' || entries === 0) return { key, entries: [], complete: key === '' };
  const range = IDBKeyRange.bound([key], [`${key}\uffff`]);
  const read = (await db.transaction(INVOICE_NUMBERS).store.getAllKeys(range, entries)) as [string, string][];
  return { key, entries: read, complete: entries === undefined || read.length < entries };
}

export function createCadenceStore(db: CadenceDatabase, options: CadenceStoreOptions = {}): CadenceStore {
  const plain = plainIdbRecords(db);
  return createRecordStore(
    {
      records: capturingRecords(plain),
      plainRecords: plain,
      scanInvoiceNumbers: (prefix, entries) => scanInvoiceNumbers(db, prefix, entries),
      close: () => db.close(),
      databaseName: db.name,
    },
    options,
  );
}
