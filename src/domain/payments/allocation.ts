/**
 * Money received, as the rest of the domain needs it: how a payment is spread over the invoices it settles,
 * and the dated payments of each invoice (for penalties) read back from the timeline.
 *
 * - A payment settles the invoices it names, oldest due date first (then invoice number): the debt that has
 *   run longest stops accruing interest first, which is also how French creditors impute payments by default
 *   (Code civil 1342-10: the debt the debtor has most interest in paying, i.e. the oldest).
 * - A payment larger than what those invoices still owe is refused by the caller, not kept as a credit: the
 *   excess is reported so the form can say by how much.
 * - Payment activities carry `details` { amountCents, invoiceIds, means, date?, allocations? }. Older ones
 *   (the demo data) have no `date` (the activity's day in Paris is used) and no `allocations`: those are
 *   rebuilt once, in payment-date order, oldest invoice first, each invoice taking only what the payments
 *   before it left unpaid — never re-spread as if nothing had been paid (which once put 220 000 on a
 *   120 000 invoice and moved penalty periods off the real payment dates).
 */
import { z } from 'zod/mini';
import { toWallTime } from '../calendar/zonedTime';
import type { DatedPayment } from '../penalties/penalties';

export interface AllocatableInvoice {
  id: string;
  number: string;
  dueDate: string;
  amountInclVatCents: number;
  amountPaidCents: number;
}

export interface InvoiceAllocation {
  invoiceId: string;
  cents: number;
}

export interface AllocationResult {
  allocations: InvoiceAllocation[];
  /** Cents the invoices could not absorb: > 0 means the payment is more than they still owe. */
  excessCents: number;
}

export const outstandingCents = (i: AllocatableInvoice): number => Math.max(0, i.amountInclVatCents - i.amountPaidCents);

export function oldestFirst<T extends { dueDate: string; number: string }>(a: T, b: T): number {
  return a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.number < b.number ? -1 : a.number > b.number ? 1 : 0;
}

/** Spreads `amountCents` over `invoices`, oldest due first, each up to what it still owes. */
export function allocateToInvoices(amountCents: number, invoices: readonly AllocatableInvoice[]): AllocationResult {
  let left = Math.max(0, amountCents);
  const allocations: InvoiceAllocation[] = [];
  for (const invoice of [...invoices].sort(oldestFirst)) {
    if (left === 0) break;
    const cents = Math.min(left, outstandingCents(invoice));
    if (cents <= 0) continue;
    allocations.push({ invoiceId: invoice.id, cents });
    left -= cents;
  }
  return { allocations, excessCents: left };
}

/** The `details` of a payment activity, as this module writes them (older fields optional). */
export const PaymentDetails = z.object({
  amountCents: z.int().check(z.positive()),
  invoiceIds: z.array(z.string()),
  means: z.optional(z.string()),
  date: z.optional(z.iso.date()),
  allocations: z.optional(z.array(z.object({ invoiceId: z.string(), cents: z.int().check(z.positive()) }))),
});
export type PaymentDetails = z.infer<typeof PaymentDetails>;

export interface ReceivedPayment {
  /** The payment activity's id. */
  id: string;
  /** Value date of the payment. */
  date: string;
  cents: number;
  invoiceIds: string[];
  allocations: InvoiceAllocation[];
}

interface PaymentActivityLike {
  id: string;
  type: string;
  at: string;
  details?: Record<string, unknown> | undefined;
}

/**
 * Payments read from a timeline, oldest first. Activities of another type, or whose details are not a
 * payment's, are skipped: the timeline also holds notes typed by hand.
 */
export function paymentsFromActivities(
  activities: readonly PaymentActivityLike[],
  invoices: readonly AllocatableInvoice[],
  timeZone?: string,
): ReceivedPayment[] {
  const byId = new Map(invoices.map((i) => [i.id, i]));
  const read: (Omit<ReceivedPayment, 'allocations'> & { stored?: InvoiceAllocation[] })[] = [];
  for (const a of activities) {
    if (a.type !== 'payment') continue;
    const parsed = PaymentDetails.safeParse(a.details);
    if (!parsed.success) continue;
    const d = parsed.data;
    read.push({
      id: a.id,
      date: d.date ?? toWallTime(a.at, timeZone).date,
      cents: d.amountCents,
      invoiceIds: [...d.invoiceIds],
      ...(d.allocations ? { stored: d.allocations } : {}),
    });
  }
  read.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  // What the timeline has put on each invoice so far, so an older record only takes what is left.
  const taken = new Map<string, number>();
  const out: ReceivedPayment[] = [];
  for (const { stored, ...p } of read) {
    const named = p.invoiceIds.flatMap((id) => {
      const inv = byId.get(id);
      return inv ? [{ ...inv, amountPaidCents: taken.get(id) ?? 0 }] : [];
    });
    const allocations = stored ?? allocateToInvoices(p.cents, named).allocations;
    for (const x of allocations) taken.set(x.invoiceId, (taken.get(x.invoiceId) ?? 0) + x.cents);
    out.push({ ...p, allocations });
  }
  return out;
}

/**
 * The dated payments of one invoice, for the penalty computation. When the invoice records more paid than the
 * timeline explains (imported balances, payments entered before Cadence), the difference is dated on the due
 * date: an unknown date must never inflate the interest claimed.
 */
export function invoicePayments(invoice: AllocatableInvoice, payments: readonly ReceivedPayment[]): DatedPayment[] {
  const dated: DatedPayment[] = [];
  for (const p of payments) {
    for (const a of p.allocations) if (a.invoiceId === invoice.id) dated.push({ date: p.date, cents: a.cents });
  }
  const known = dated.reduce((s, p) => s + p.cents, 0);
  if (invoice.amountPaidCents > known) dated.push({ date: invoice.dueDate, cents: invoice.amountPaidCents - known });
  return dated.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
