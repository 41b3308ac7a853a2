/**
 * The IndexedDB implementation of CadenceStore: the shared operations (./record-store.ts) over IndexedDB
 * records (./idb-records.ts), with the invoice-number search through its index.
 */
import { toSearchKey } from '../domain/text';
import type { CadenceStore } from './api';
import type { CadenceDatabase } from './db';
import { capturingRecords } from './outbox-capture';
import { plainIdbRecords } from './idb-records';
import { createRecordStore, type CadenceStoreOptions } from './record-store';

export { preloadStorage, type CadenceStoreOptions, type StorageModule } from './record-store';

/** Invoices read at once per debtor wanted by findDebtorIdsByInvoiceNumber before it falls back to a cursor. */
const INVOICES_PER_DEBTOR_SCAN = 5;

async function findDebtorIdsByInvoiceNumber(db: CadenceDatabase, prefix: string, limit: number): Promise<string[]> {
  const key = toSearchKey(prefix);
  if (key === '' || limit <= 0) return [];
  const ids = new Set<string>();
  const add = (invoice: { debtorId?: unknown }): void => {
    if (typeof invoice.debtorId === 'string') ids.add(invoice.debtorId);
  };
  const index = db.transaction('invoices').store.index('numberKey');
  const range = IDBKeyRange.bound(key, `${key}\uffff`);
  // One read for the usual case, since a debtor seldom has more than a few invoices under one prefix: a
  // cursor costs a round trip per invoice, which made a short prefix take ~1,000 of them per keystroke.
  // The cursor only takes over, past that read, when it did not find enough debtors.
  const scan = limit * INVOICES_PER_DEBTOR_SCAN;
  const batch = await index.getAll(range, scan);
  for (const invoice of batch) {
    if (ids.size >= limit) break;
    add(invoice);
  }
  if (ids.size < limit && batch.length === scan) {
    let cursor = await index.openCursor(range);
    if (cursor) cursor = await cursor.advance(scan);
    while (cursor && ids.size < limit) {
      add(cursor.value);
      cursor = await cursor.continue();
    }
  }
  return [...ids];
}

export function createCadenceStore(db: CadenceDatabase, options: CadenceStoreOptions = {}): CadenceStore {
  const plain = plainIdbRecords(db);
  return createRecordStore(
    {
      records: capturingRecords(plain),
      plainRecords: plain,
      findDebtorIdsByInvoiceNumber: (prefix, limit) => findDebtorIdsByInvoiceNumber(db, prefix, limit),
      close: () => db.close(),
      databaseName: db.name,
    },
    options,
  );
}
