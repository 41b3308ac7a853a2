/**
 * Keeps a debtor's worklist summary and KPI digest in step with its records, inside the caller's read-write
 * transaction (so the record, its summary and its digest are committed together or not at all).
 */
import {
  Activity as ActivitySchema,
  Debtor as DebtorSchema,
  Invoice as InvoiceSchema,
  PaymentPromise as PromiseSchema,
  Task as TaskSchema,
  type Debtor,
} from '../domain/entities';
import { kpiDigest, type DigestCorruptRecord } from '../domain/kpis/kpi-digest';
import { summarizeDebtor } from '../domain/summarize';
import { readRecords, readRequired, type CorruptHandler } from './codec';
import { StorageError } from './errors';
import type { Records, RecordTx } from './records';
import type { CadenceStoreName } from './schema';

/** The stores a summary is computed from, plus the summaries and KPI digests stores themselves. */
export const SUMMARY_SOURCES: readonly CadenceStoreName[] = ['debtors', 'invoices', 'activities', 'promises', 'tasks', 'summaries', 'kpiDigests'];

/** Reads a debtor that must exist: a write about an unknown debtor is refused rather than orphaned. */
export async function requireDebtor(tx: RecordTx, debtorId: string): Promise<Debtor> {
  const raw = await tx.get('debtors', debtorId);
  if (raw === undefined) throw new StorageError('not_found', `Unknown debtor ${debtorId}`, { store: 'debtors', key: debtorId });
  return readRequired<Debtor>(DebtorSchema, 'debtors', raw);
}

/**
 * Rebuilds one debtor's summary and KPI digest from what the transaction sees (its own pending writes
 * included). Records skipped as corrupt are noted in the digest, so the KPIs go on reporting them.
 */
export async function recomputeSummary(tx: RecordTx, debtorId: string, onCorrupt?: CorruptHandler): Promise<void> {
  const debtor = await requireDebtor(tx, debtorId);
  const [invoices, activities, promises, tasks] = await Promise.all([
    tx.byDebtor('invoices', debtorId),
    tx.byDebtor('activities', debtorId),
    tx.byDebtor('promises', debtorId),
    tx.byDebtor('tasks', debtorId),
  ]);
  const corrupt: DigestCorruptRecord[] = [];
  // Without a handler a corrupt record still throws, as before; with one, the KPI-relevant ones are kept too.
  const noted: CorruptHandler | undefined = onCorrupt && ((r) => (corrupt.push(r), onCorrupt(r)));
  const bundle = {
    debtor,
    contacts: [],
    invoices: readRecords(InvoiceSchema, 'invoices', invoices, noted),
    activities: readRecords(ActivitySchema, 'activities', activities, noted),
    promises: readRecords(PromiseSchema, 'promises', promises, noted),
    tasks: readRecords(TaskSchema, 'tasks', tasks, onCorrupt),
  };
  await Promise.all([tx.put('summaries', summarizeDebtor(bundle)), tx.put('kpiDigests', kpiDigest(bundle, corrupt))]);
}

export { listSummaries, type SummaryPaging } from './summary-list';

/**
 * Rebuilds the summaries of these debtors from their records, in short transactions of `chunk` debtors with
 * `pause` between them. For summaries written by an older version of the app, which lack a part the worklist
 * now reads (the payment-history digest): no database upgrade is needed, and the work is done once, for the
 * rows that show it. A debtor deleted meanwhile is skipped.
 */
export async function refreshSummaries(records: Records, debtorIds: readonly string[], pause: () => Promise<void>, onCorrupt?: CorruptHandler, chunk = 200): Promise<void> {
  for (let at = 0; at < debtorIds.length; at += chunk) {
    const ids = debtorIds.slice(at, at + chunk);
    await records.write(SUMMARY_SOURCES, async (tx) => {
      for (const id of ids) if (await tx.has('debtors', id)) await recomputeSummary(tx, id, onCorrupt);
    });
    if (at + chunk < debtorIds.length) await pause();
  }
}
