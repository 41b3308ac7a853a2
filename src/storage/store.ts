/**
 * The IndexedDB implementation of CadenceStore: the shared operations (./record-store.ts) over IndexedDB
 * records (./idb-records.ts), with the invoice-number search through the invoice blocks' `numberKeys` index.
 */
import { toSearchKey } from '../domain/text';
import type { CadenceStore, InvoiceNumberScan } from './api';
import type { CadenceDatabase } from './db';
import { capturingRecords } from './outbox-capture';
import { plainIdbRecords } from './idb-records';
import { createRecordStore, type CadenceStoreOptions } from './record-store';

export { preloadStorage, type CadenceStoreOptions, type StorageModule } from './record-store';

/** Index entries read at once per debtor wanted by scanInvoiceNumbers before it falls back to a key cursor. */
const ENTRIES_PER_DEBTOR_SCAN = 5;

type Entry = InvoiceNumberScan['entries'][number];

const byEntry = (a: Entry, b: Entry): number =>
  a.numberKey !== b.numberKey ? (a.numberKey < b.numberKey ? -1 : 1) : a.debtorId < b.debtorId ? -1 : a.debtorId > b.debtorId ? 1 : 0;

/**
 * The index entries under `key` of the blocks an index read returned, in index order. The read gives a block
 * once per matching entry, without saying which: every entry it covered is among the matching number keys of
 * the blocks it returned, and any other of those sorts after them, so the first `read` in order are its own.
 */
function entriesOf(blocks: readonly unknown[], key: string, read: number): Entry[] {
  const seen = new Set<string>();
  const entries: Entry[] = [];
  for (const block of blocks) {
    const { debtorId, numberKeys } = (block ?? {}) as { debtorId?: unknown; numberKeys?: unknown };
    if (typeof debtorId !== 'string' || !Array.isArray(numberKeys) || seen.has(debtorId)) continue;
    seen.add(debtorId);
    for (const numberKey of numberKeys) if (typeof numberKey === 'string' && numberKey.startsWith(key)) entries.push({ numberKey, debtorId });
  }
  return entries.sort(byEntry).slice(0, read);
}

/**
 * Every `numberKeys` index entry (one per distinct number key of a debtor's invoices, ./invoice-blocks.ts)
 * starting with the prefix, in index order (number key, then debtor id), until `debtors` distinct debtors.
 */
async function scanInvoiceNumbers(db: CadenceDatabase, prefix: string, debtors: number): Promise<InvoiceNumberScan> {
  const key = toSearchKey(prefix);
  if (key === '' || debtors <= 0) return { key, entries: [], complete: true };
  const store = db.transaction('invoiceBlocks').store;
  const index = store.index('numberKeys');
  const range = IDBKeyRange.bound(key, `${key}\uffff`);
  // One read for the usual case, since a debtor seldom has more than a few numbers under one prefix: a cursor
  // costs a round trip per entry, which made a short prefix take ~1,000 of them per keystroke. The key cursor
  // only takes over, past that read, when it did not find enough debtors. The read takes the entries' debtors
  // first, then each debtor's block once: an index read of the blocks returns a block once per entry, the
  // same few KB decoded four times for a debtor with four numbers under the prefix.
  const scan = debtors * ENTRIES_PER_DEBTOR_SCAN;
  const owners = await index.getAllKeys(range, scan);
  const blocks = await Promise.all([...new Set(owners)].map((id) => store.get(id)));
  const entries = entriesOf(blocks, key, owners.length);
  if (owners.length < scan) return { key, entries, complete: true };
  const ids = new Set(entries.map((e) => e.debtorId));
  if (ids.size >= debtors) return { key, entries, complete: false };
  let cursor = await index.openKeyCursor(range);
  if (cursor) cursor = await cursor.advance(scan);
  while (cursor && ids.size < debtors) {
    entries.push({ numberKey: cursor.key, debtorId: cursor.primaryKey });
    ids.add(cursor.primaryKey);
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
