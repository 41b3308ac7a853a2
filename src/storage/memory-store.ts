/**
 * CadenceStore in memory: the same operations as the IndexedDB store (./record-store.ts), over records kept in
 * maps (./memory-records.ts). For what must never touch the agent's real data (training, previews) and for
 * tests. It passes the same contract suite as the IndexedDB store (./store.contract.ts).
 */
import { toSearchKey } from '../domain/text';
import type { CadenceStore, InvoiceNumberScan } from './api';
import { memoryRecords } from './memory-records';
import { capturingRecords } from './outbox-capture';
import type { Records } from './records';
import { createRecordStore, type CadenceStoreOptions } from './record-store';
import type { StoredInvoice } from './schema';

type Entry = { numberKey: string; debtorId: string };

/** The order of IndexedDB's `numberKeys` index (./invoice-blocks.ts): by number key, then by debtor id. */
function byNumberKey(a: Entry, b: Entry): number {
  if (a.numberKey !== b.numberKey) return a.numberKey < b.numberKey ? -1 : 1;
  return a.debtorId < b.debtorId ? -1 : a.debtorId > b.debtorId ? 1 : 0;
}

/** Every matching number at once: the records are in memory. */
async function scanInvoiceNumbers(records: Records, prefix: string, debtors: number): Promise<InvoiceNumberScan> {
  const key = toSearchKey(prefix);
  if (key === '' || debtors <= 0) return { key, debtorIds: [], complete: true };
  const invoices = (await records.read(['invoices'], (tx) => tx.getAll('invoices'))) as StoredInvoice[];
  const entries: Entry[] = invoices.filter(({ numberKey }) => numberKey.startsWith(key)).map(({ numberKey, debtorId }) => ({ numberKey, debtorId }));
  const ids = [...new Set(entries.sort(byNumberKey).map((e) => e.debtorId))];
  return { key, debtorIds: ids.slice(0, debtors), complete: ids.length <= debtors };
}

/** A new, empty store; nothing is shared between two of them. */
export function createMemoryStore(options: CadenceStoreOptions = {}): CadenceStore {
  const records = memoryRecords();
  return createRecordStore(
    {
      // The same outbox as on IndexedDB, so the contract suite checks it on both.
      records: capturingRecords(records),
      plainRecords: records,
      scanInvoiceNumbers: (prefix, debtors) => scanInvoiceNumbers(records, prefix, debtors),
      close: () => records.close(),
    },
    options,
  );
}
