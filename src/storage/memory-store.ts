/**
 * CadenceStore in memory: the same operations as the IndexedDB store (./record-store.ts), over records kept in
 * maps (./memory-records.ts). For what must never touch the agent's real data (training, previews) and for
 * tests. It passes the same contract suite as the IndexedDB store (./store.contract.ts).
 */
import type { CadenceStore, NumberPagesRead } from './api';
import { entryOf, pagesFrom, pagesOf } from './number-pages';
import { memoryRecords } from './memory-records';
import { capturingRecords } from './outbox-capture';
import type { Records } from './records';
import { createRecordStore, type CadenceStoreOptions } from './record-store';
import type { StoredInvoice } from './schema';

/** The numbers paged as the IndexedDB upgrade pages them, every time from the invoices. */
async function readNumberPages(records: Records, starts: readonly string[], pagesEach: number): Promise<NumberPagesRead> {
  const invoices = (await records.read(['invoices'], (tx) => tx.getAll('invoices'))) as StoredInvoice[];
  // Entries sort as [numberKey, debtorId] would (./number-pages.ts).
  const pages = pagesOf([...new Set(invoices.map((i) => entryOf(i.numberKey, i.debtorId)))].sort());
  const directory = pages.map((p) => p.first);
  const wanted = new Set(pagesFrom(directory, starts, pagesEach));
  return { directory, pages: pages.filter((p) => wanted.has(p.first)) };
}

/** A new, empty store; nothing is shared between two of them. */
export function createMemoryStore(options: CadenceStoreOptions = {}): CadenceStore {
  const records = memoryRecords();
  return createRecordStore(
    {
      // The same outbox as on IndexedDB, so the contract suite checks it on both.
      records: capturingRecords(records),
      plainRecords: records,
      readNumberPages: (starts, pagesEach) => readNumberPages(records, starts, pagesEach),
      close: () => records.close(),
    },
    options,
  );
}
