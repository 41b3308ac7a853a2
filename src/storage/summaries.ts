/**
 * Keeps a debtor's worklist summary in step with its records, inside the caller's read-write transaction
 * (so the record and its summary are committed together or not at all).
 */
import type { IDBPTransaction } from 'idb';
import {
  Activity as ActivitySchema,
  Debtor as DebtorSchema,
  Invoice as InvoiceSchema,
  PaymentPromise as PromiseSchema,
  Task as TaskSchema,
  type Debtor,
} from '../domain/entities';
import { summarizeDebtor } from '../domain/summarize';
import { readRecords, readRequired, type CorruptHandler } from './codec';
import { StorageError } from './errors';
import type { CadenceDB, CadenceStoreName } from './schema';

/** The stores a summary is computed from, plus the summaries store itself. */
export const SUMMARY_SOURCES: readonly CadenceStoreName[] = ['debtors', 'invoices', 'activities', 'promises', 'tasks', 'summaries'];

/** A read-write transaction that must include every store of SUMMARY_SOURCES. */
export type SummaryTransaction = IDBPTransaction<CadenceDB, CadenceStoreName[], 'readwrite'>;

/** Reads a debtor that must exist: a write about an unknown debtor is refused rather than orphaned. */
export async function requireDebtor(tx: SummaryTransaction, debtorId: string): Promise<Debtor> {
  const raw = await tx.objectStore('debtors').get(debtorId);
  if (raw === undefined) throw new StorageError('not_found', `Unknown debtor ${debtorId}`, { store: 'debtors', key: debtorId });
  return readRequired<Debtor>(DebtorSchema, 'debtors', raw);
}

/** Rebuilds one debtor's summary from what the transaction sees (its own pending writes included). */
export async function recomputeSummary(tx: SummaryTransaction, debtorId: string, onCorrupt?: CorruptHandler): Promise<void> {
  const debtor = await requireDebtor(tx, debtorId);
  const [invoices, activities, promises, tasks] = await Promise.all([
    tx.objectStore('invoices').index('debtorId').getAll(debtorId),
    tx.objectStore('activities').index('debtorId').getAll(debtorId),
    tx.objectStore('promises').index('debtorId').getAll(debtorId),
    tx.objectStore('tasks').index('debtorId').getAll(debtorId),
  ]);
  const summary = summarizeDebtor({
    debtor,
    contacts: [],
    invoices: readRecords(InvoiceSchema, 'invoices', invoices, onCorrupt),
    activities: readRecords(ActivitySchema, 'activities', activities, onCorrupt),
    promises: readRecords(PromiseSchema, 'promises', promises, onCorrupt),
    tasks: readRecords(TaskSchema, 'tasks', tasks, onCorrupt),
  });
  await tx.objectStore('summaries').put(summary);
}
