/**
 * The IndexedDB implementation of CadenceStore: the shared operations (./record-store.ts) over IndexedDB
 * records (./idb-records.ts), with the invoice-number search through its index.
 */
import { toSearchKey } from '../domain/text';
import type { CadenceStore, InvoiceNumberScan } from './api';
import type { CadenceDatabase } from './db';
import { capturingRecords } from './outbox-capture';
import { plainIdbRecords } from './idb-records';
import { createRecordStore, type CadenceStoreOptions } from './record-store';

export { preloadStorage, type CadenceStoreOptions, type StorageModule } from './record-store';

/** Invoices read at once per debtor wanted by scanInvoiceNumbers before it falls back to a cursor. */
const INVOICES_PER_DEBTOR_SCAN = 5;

type Entry = InvoiceNumberScan['entries'][number];

/** The number key and debtor of a stored invoice; undefined for a record without them (corrupt). */
function entryOf(invoice: { numberKey?: unknown; debtorId?: unknown }): Entry | undefined {
  return typeof invoice.debtorId === 'string' && typeof invoice.numberKey === 'string' ? { numberKey: invoice.numberKey, debtorId: invoice.debtorId } : undefined;
}

async function scanInvoiceNumbers(db: CadenceDatabase, prefix: string, debtors: number): Promise<InvoiceNumberScan> {
  const key = toSearchKey(prefix);
  if (key === '' || debtors <= 0) return { key, entries: [], complete: true };
  const entries: Entry[] = [];
  const ids = new Set<string>();
  const add = (invoice: { numberKey?: unknown; debtorId?: unknown }): void => {
    const entry = entryOf(invoice);
    if (!entry) return;
    entries.push(entry);
    ids.add(entry.debtorId);
  };
  const index = db.transaction('invoices').store.index('numberKey');
  const range = IDBKeyRange.bound(key, `${key}\uffff`);
  // One read for the usual case, since a debtor seldom has more than a few invoices under one prefix: a
  // cursor costs a round trip per invoice, which made a short prefix take ~1,000 of them per keystroke.
  // The cursor only takes over, past that read, when it did not find enough debtors.
  const scan = debtors * INVOICES_PER_DEBTOR_SCAN;
  const batch = await index.getAll(range, scan);
  for (const invoice of batch) add(invoice);
  if (batch.length < scan) return { key, entries, complete: true };
  if (ids.size >= debtors) return { key, entries, complete: false };
  let cursor = await index.openCursor(range);
  if (cursor) cursor = await cursor.advance(scan);
  while (cursor && ids.size < debtors) {
    add(cursor.value);
    cursor = await cursor.continue();
  }
  return { key, entries, complete: cursor === null };
}

export function createCadenceStore(db: CadenceDatabase, options: CadenceStoreOptions = {}): CadenceStore {
  const plain = plainIdbRecords(db);
  return createRecordStore(
    {
      records: capturingRecords(plain),
      plainRecords: plain,
      scanInvoiceNumbers: (prefix, debtors) => scanInvoiceNumbers(db, prefix, debtors),
      close: () => db.close(),
      databaseName: db.name,
    },
    options,
  );
}
