/**
 * CadenceStore in memory: the same operations as the IndexedDB store (./record-store.ts), over records kept in
 * maps (./memory-records.ts). For what must never touch the agent's real data (training, previews) and for
 * tests. It passes the same contract suite as the IndexedDB store (./store.contract.ts).
 */
import { toSearchKey } from '../domain/text';
import type { CadenceStore } from './api';
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

async function findDebtorIdsByInvoiceNumber(records: Records, prefix: string, limit: number): Promise<string[]> {
  const key = toSearchKey(prefix);
  if (key === '' || limit <= 0) return [];
  const invoices = (await records.read(['invoices'], (tx) => tx.getAll('invoices'))) as StoredInvoice[];
  const ids = new Set<string>();
  for (const invoice of invoices.filter((i) => i.numberKey.startsWith(key)).sort(byNumberKey)) {
    if (ids.size >= limit) break;
    ids.add(invoice.debtorId);
  }
  return [...ids];
}

/** A new, empty store; nothing is shared between two of them. */
export function createMemoryStore(options: CadenceStoreOptions = {}): CadenceStore {
  const records = memoryRecords();
  return createRecordStore(
    {
      // The same outbox as on IndexedDB, so the contract suite checks it on both.
      records: capturingRecords(records),
      plainRecords: records,
      findDebtorIdsByInvoiceNumber: (prefix, limit) => findDebtorIdsByInvoiceNumber(records, prefix, limit),
      close: () => records.close(),
    },
    options,
  );
}
