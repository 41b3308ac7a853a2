/**
 * CadenceStore in memory: the same operations as the IndexedDB store (./record-store.ts), over records kept in
 * maps (./memory-records.ts). For what must never touch the agent's real data (training, previews) and for
 * tests. It passes the same contract suite as the IndexedDB store (./store.contract.ts).
 */
import { toSearchKey } from '../domain/text';
import type { CadenceStore, InvoiceNumberScan, NumberPagesRead } from './api';
import { entryOf, pagesFrom, pagesOf } from './number-pages';
import { memoryRecords } from './memory-records';
import { capturingRecords } from './outbox-capture';
import type { Records } from './records';
import { createRecordStore, type CadenceStoreOptions } from './record-store';
import type { StoredInvoice } from './schema';

/** The order of IndexedDB's `invoiceNumbers` keys (./invoice-blocks.ts): by number key, then by debtor id. */
function byKey(a: readonly [string, string], b: readonly [string, string]): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
}

/** Every distinct [numberKey, debtorId] of the invoices under `key`, in key order. */
async function numbersUnder(records: Records, key: string): Promise<(readonly [string, string])[]> {
  const invoices = (await records.read(['invoices'], (tx) => tx.getAll('invoices'))) as StoredInvoice[];
  const unique = new Map<string, readonly [string, string]>();
  for (const { numberKey, debtorId } of invoices) {
    if (numberKey.startsWith(key)) unique.set(entryOf(numberKey, debtorId), [numberKey, debtorId]);
  }
  return [...unique.values()].sort(byKey);
}

/** The same entries as on IndexedDB, from every invoice at once: the records are in memory. */
async function scanInvoiceNumbers(records: Records, prefix: string, entries?: number): Promise<InvoiceNumberScan> {
  const key = toSearchKey(prefix);
  if (key === '' || entries === 0) return { key, entries: [], complete: key === '' };
  const all = await numbersUnder(records, key);
  return { key, entries: entries === undefined ? all : all.slice(0, entries), complete: entries === undefined || all.length < entries };
}

/** The numbers paged as the IndexedDB upgrade pages them, every time from the invoices. */
async function readNumberPages(records: Records, starts: readonly string[], pagesEach: number): Promise<NumberPagesRead> {
  const pages = pagesOf((await numbersUnder(records, '')).map(([n, d]) => entryOf(n, d)));
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
      scanInvoiceNumbers: (prefix, entries) => scanInvoiceNumbers(records, prefix, entries),
      readNumberPages: (starts, pagesEach) => readNumberPages(records, starts, pagesEach),
      close: () => records.close(),
    },
    options,
  );
}
