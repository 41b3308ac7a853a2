/**
 * A debtor's payment history as the segmentation rule reads it (./history-segment.ts), taken from its records.
 *
 * An invoice fully paid counts as paid on the day of the latest payment in the timeline that names it (its
 * `allocations` when stored, else its `invoiceIds`; the payment's value `date`, else the day of the record).
 * Paid with no payment naming it (an imported balance, a payment entered before Cadence): paid on its due date,
 * so an unknown date never makes a debtor look late.
 *
 * This reads the payment details with plain checks rather than through ../payments/allocation.ts: every
 * worklist summary is built with it, and the summary code loads with the first screen (the database upgrade
 * needs it synchronously), where the allocation module and its time-zone code would add 1.5 KB gzip.
 */
import type { DebtorBundle } from '../bundle';
import { digestHistory, type SegmentDigest, type SegmentHistory, type SegmentInvoice } from './history-segment';

/** The fields read, so the KPI worker's light bundles (domain/kpis/dataset.ts `KpiBundle`) qualify too. */
interface HistorySource {
  invoices: readonly Pick<DebtorBundle['invoices'][number], 'id' | 'number' | 'dueDate' | 'amountInclVatCents' | 'amountPaidCents' | 'status'>[];
  activities: readonly Pick<DebtorBundle['activities'][number], 'type' | 'at' | 'details'>[];
  promises: readonly Pick<DebtorBundle['promises'][number], 'dueDate' | 'status'>[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The ids a payment activity names, from its details as ../payments/allocation.ts writes them. */
function namedInvoices(details: Record<string, unknown>): string[] {
  const allocations = details.allocations;
  if (Array.isArray(allocations)) {
    return allocations.flatMap((a) => (typeof a === 'object' && a !== null && typeof (a as { invoiceId?: unknown }).invoiceId === 'string' ? [(a as { invoiceId: string }).invoiceId] : []));
  }
  const ids = details.invoiceIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

/** The latest payment day per invoice id. */
function lastPaymentDays(activities: HistorySource['activities']): Map<string, string> {
  const last = new Map<string, string>();
  for (const a of activities) {
    if (a.type !== 'payment' || !a.details) continue;
    const day = typeof a.details.date === 'string' && ISO_DATE.test(a.details.date) ? a.details.date : a.at.slice(0, 10);
    for (const id of namedInvoices(a.details)) {
      const seen = last.get(id);
      if (seen === undefined || day > seen) last.set(id, day);
    }
  }
  return last;
}

export function segmentHistoryOf(bundle: HistorySource): SegmentHistory {
  const paidDays = lastPaymentDays(bundle.activities);
  // In due-date order (then number, id), so the digest stored in a summary does not depend on read order.
  const ordered = [...bundle.invoices].sort((a, b) =>
    a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.number < b.number ? -1 : a.number > b.number ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  const invoices: SegmentInvoice[] = ordered.map((inv) => {
    const out: SegmentInvoice = { dueDate: inv.dueDate, amountCents: inv.amountInclVatCents, disputed: inv.status === 'disputed' };
    if (inv.status === 'paid' || inv.amountPaidCents >= inv.amountInclVatCents) out.paidOn = paidDays.get(inv.id) ?? inv.dueDate;
    return out;
  });
  const promises = bundle.promises.map((p) => ({ dueDate: p.dueDate, status: p.status })).sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
  return { invoices, promises };
}

export function segmentDigestOf(bundle: HistorySource): SegmentDigest {
  return digestHistory(segmentHistoryOf(bundle));
}
