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

/** The order of IndexedDB's `numberKey` index: by number key, then by invoice id. */
function byNumberKey(a: StoredInvoice, b: StoredInvoice): number {
  if (a.numberKey !== b.numberKey) return a.numberKey < b.numberKey ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Every matching number at once: the records are in memory. */
async function scanInvoiceNumbers(records: Records, prefix: string, debtors: number): Promise<InvoiceNumberScan> {
  const key = toSearchKey(prefix);
  if (key === '' || debtors <= 0) return { key, entries: [], complete: true };
  const invoices = (await records.read(['invoices'], (tx) => tx.getAll('invoices'))) as StoredInvoice[];
  const entries = invoices
    .filter((i) => i.numberKey.startsWith(key))
    .sort(byNumberKey)
    .map(({ numberKey, debtorId }) => ({ numberKey, debtorId }));
  return { key, entries, complete: true };
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
