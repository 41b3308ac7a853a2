/**
 * Recording money received, in one transaction: the payment activity, the invoices it settles (oldest due
 * first), the promises it keeps (status and paid amount recomputed from the whole timeline, see
 * domain/payments/tracking.ts) and the debtor's summary. All of it, or nothing: a payment that lands on the
 * invoices but not on the promise would put a paying debtor at the top of the worklist.
 *
 * Loaded on demand by the store: only the payment screen needs it.
 */
import { z } from 'zod/mini';
import {
  Activity as ActivitySchema,
  ACTIVITY_SCHEMA_VERSION,
  Id,
  Invoice as InvoiceSchema,
  IsoDate,
  IsoDateTime,
  PaymentMeans,
  PaymentPromise as PromiseSchema,
  type Activity,
  type Invoice,
  type PaymentPromise,
} from '../domain/entities';
import { allocateToInvoices, paymentsFromActivities, type InvoiceAllocation, type PaymentDetails } from '../domain/payments/allocation';
import { trackPromises } from '../domain/payments/tracking';
import type { PromiseStatus } from '../domain/promises/status';
import { toStoredInvoice } from './bundles';
import { readRecords, readRequired, validateForWrite, type CorruptHandler } from './codec';
import { StorageError } from './errors';
import type { Records, RecordTx } from './records';
import { DURABLE } from './tx';
import { recomputeSummary, requireDebtor, SUMMARY_SOURCES } from './summaries';

export const PaymentEntry = z.object({
  /** Id of the payment activity written to the timeline. */
  id: Id,
  debtorId: Id,
  amountCents: z.int().check(z.positive()),
  /** Value date: the day the money was received. */
  date: IsoDate,
  means: PaymentMeans,
  /** Invoices it settles; the amount is spread over them oldest due first. */
  invoiceIds: z.array(Id).check(z.minLength(1)),
  /** Instant the agent recorded it. */
  at: IsoDateTime,
  agent: z.string(),
  /** Timeline text, in the agent's language. */
  summary: z.string(),
});
export type PaymentEntry = z.infer<typeof PaymentEntry>;

export interface PromiseUpdate {
  id: string;
  status: PromiseStatus;
  paidCents: number;
}

export interface RecordedPayment {
  allocations: InvoiceAllocation[];
  /** Promises whose status or paid amount changed. */
  promises: PromiseUpdate[];
}

function invalid(key: string, path: string, message: string): StorageError {
  return new StorageError('invalid', `Payment ${key}: ${message}`, { store: 'activities', key, issues: [{ path, message }] });
}

async function readInvoices(tx: RecordTx, entry: PaymentEntry): Promise<Invoice[]> {
  const out: Invoice[] = [];
  for (const id of new Set(entry.invoiceIds)) {
    const raw = await tx.get('invoices', id);
    if (raw === undefined) throw new StorageError('not_found', `Unknown invoice ${id}`, { store: 'invoices', key: id });
    const invoice = readRequired<Invoice>(InvoiceSchema, 'invoices', raw);
    if (invoice.debtorId !== entry.debtorId) throw invalid(entry.id, 'invoiceIds', `invoice ${id} belongs to another debtor`);
    out.push(invoice);
  }
  return out;
}

/**
 * The debtor's promises whose status or paid amount the timeline changes, recomputed from its promises,
 * activities and invoices (domain/payments/tracking.ts): the records to write, already validated.
 */
export function changedPromises(promises: readonly PaymentPromise[], activities: readonly Activity[], invoices: readonly Invoice[], today: string): PaymentPromise[] {
  const tracks = trackPromises(promises, paymentsFromActivities(activities, invoices), today);
  const changed: PaymentPromise[] = [];
  for (const p of promises) {
    const track = tracks.get(p.id);
    if (!track || (track.status === p.status && track.paidCents === p.paidCents)) continue;
    changed.push(validateForWrite(PromiseSchema, 'promises', { ...p, status: track.status, paidCents: track.paidCents }));
  }
  return changed;
}

/** Recomputes every promise of the debtor from the timeline as it stands inside `tx`; writes the changed ones. */
export async function refreshPromises(tx: RecordTx, debtorId: string, today: string, onCorrupt?: CorruptHandler): Promise<PromiseUpdate[]> {
  const [rawPromises, rawActivities, rawInvoices] = await Promise.all([
    tx.byDebtor('promises', debtorId),
    tx.byDebtor('activities', debtorId),
    tx.byDebtor('invoices', debtorId),
  ]);
  const changed = changedPromises(
    readRecords<PaymentPromise>(PromiseSchema, 'promises', rawPromises, onCorrupt),
    readRecords<Activity>(ActivitySchema, 'activities', rawActivities, onCorrupt),
    readRecords<Invoice>(InvoiceSchema, 'invoices', rawInvoices, onCorrupt),
    today,
  );
  for (const p of changed) await tx.put('promises', p);
  return changed.map((p) => ({ id: p.id, status: p.status, paidCents: p.paidCents }));
}

/**
 * Writes a payment. Refused (`invalid`, nothing written) when the amount is more than the named invoices still
 * owe, when an invoice is already paid or belongs to another debtor, or when the value date is after `today`;
 * `not_found` for an unknown debtor or invoice.
 */
export async function recordPayment(records: Records, input: PaymentEntry, today: string, onCorrupt?: CorruptHandler): Promise<RecordedPayment> {
  const entry = validateForWrite(PaymentEntry, 'activities', input);
  if (entry.date > today) throw invalid(entry.id, 'date', 'value date is in the future');
  // Money the agent was told is recorded must survive a browser crash, not only a closed tab.
  return records.write(SUMMARY_SOURCES, (tx) => writePayment(tx, entry, today, onCorrupt), DURABLE);
}

export interface RecordedPayments {
  /** Ids written now. */
  recorded: string[];
  /** Ids already in the timeline, left as they were: an imported bank line seen twice is recorded once. */
  alreadyRecorded: string[];
}

/**
 * Writes many payments in ONE transaction (a payments file's confirmed lines): each one exactly as
 * `recordPayment` writes it (invoices settled oldest first, promises recomputed, summary), in order, so a
 * later payment sees what the earlier ones settled. A payment whose id is already recorded is skipped, not
 * refused: ids of imported payments are derived from the bank line, so importing a file again writes nothing.
 * Any other refusal (more than the invoices owe, an invoice paid meanwhile, a future date) writes none of them.
 */
export async function recordPayments(records: Records, inputs: readonly PaymentEntry[], today: string, onCorrupt?: CorruptHandler): Promise<RecordedPayments> {
  const entries = inputs.map((input) => validateForWrite(PaymentEntry, 'activities', input));
  for (const entry of entries) if (entry.date > today) throw invalid(entry.id, 'date', 'value date is in the future');
  if (entries.length === 0) return { recorded: [], alreadyRecorded: [] };
  return records.write(
    SUMMARY_SOURCES,
    async (tx) => {
      const out: RecordedPayments = { recorded: [], alreadyRecorded: [] };
      for (const entry of entries) {
        if (await tx.has('activities', entry.id)) {
          out.alreadyRecorded.push(entry.id);
          continue;
        }
        await writePayment(tx, entry, today, onCorrupt);
        out.recorded.push(entry.id);
      }
      return out;
    },
    DURABLE,
  );
}

async function writePayment(tx: RecordTx, entry: PaymentEntry, today: string, onCorrupt?: CorruptHandler): Promise<RecordedPayment> {
  await requireDebtor(tx, entry.debtorId);
  if (await tx.has('activities', entry.id)) throw invalid(entry.id, 'id', 'already recorded');
  const invoices = await readInvoices(tx, entry);
  if (invoices.some((i) => i.status === 'paid')) throw invalid(entry.id, 'invoiceIds', 'an invoice is already paid');
  const { allocations, excessCents } = allocateToInvoices(entry.amountCents, invoices);
  if (excessCents > 0) throw invalid(entry.id, 'amountCents', `exceeds what the invoices owe by ${excessCents} cents`);

  for (const a of allocations) {
    const invoice = invoices.find((i) => i.id === a.invoiceId);
    if (!invoice) continue;
    const amountPaidCents = invoice.amountPaidCents + a.cents;
    const status = amountPaidCents >= invoice.amountInclVatCents ? 'paid' : invoice.status;
    await tx.put('invoices', toStoredInvoice(validateForWrite(InvoiceSchema, 'invoices', { ...invoice, amountPaidCents, status })));
  }
  const details: PaymentDetails = { amountCents: entry.amountCents, invoiceIds: entry.invoiceIds, means: entry.means, date: entry.date, allocations };
  const activity: Activity = {
    schemaVersion: ACTIVITY_SCHEMA_VERSION,
    id: entry.id,
    debtorId: entry.debtorId,
    type: 'payment',
    at: entry.at,
    outcome: 'received',
    summary: entry.summary,
    agent: entry.agent,
    details,
  };
  await tx.put('activities', validateForWrite(ActivitySchema, 'activities', activity));
  const promises = await refreshPromises(tx, entry.debtorId, today, onCorrupt);
  await recomputeSummary(tx, entry.debtorId, onCorrupt);
  return { allocations, promises };
}
