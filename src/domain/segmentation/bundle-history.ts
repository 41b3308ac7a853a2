/**
 * A debtor's payment history as the segmentation rule reads it (./history-segment.ts), taken from its records.
 * The day an invoice was fully paid comes from the payments in its timeline (the same allocation the penalties
 * use); money the invoice shows as paid without a dated payment behind it (an imported balance, a payment
 * entered before Cadence) counts as paid on the due date, so an unknown date never makes a debtor look late.
 */
import type { DebtorBundle } from '../bundle';
import { invoicePayments, oldestFirst, paymentsFromActivities } from '../payments/allocation';
import { digestHistory, type SegmentDigest, type SegmentHistory, type SegmentInvoice } from './history-segment';

export function segmentHistoryOf(bundle: Pick<DebtorBundle, 'invoices' | 'activities' | 'promises'>, timeZone?: string): SegmentHistory {
  const hasPayments = bundle.activities.some((a) => a.type === 'payment');
  const payments = hasPayments ? paymentsFromActivities(bundle.activities, bundle.invoices, timeZone) : [];
  // In due-date order (then number, id), so the digest stored in a summary does not depend on read order.
  const ordered = [...bundle.invoices].sort((a, b) => oldestFirst(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const invoices: SegmentInvoice[] = ordered.map((inv) => {
    const out: SegmentInvoice = { dueDate: inv.dueDate, amountCents: inv.amountInclVatCents, disputed: inv.status === 'disputed' };
    const settled = inv.status === 'paid' || inv.amountPaidCents >= inv.amountInclVatCents;
    if (settled) {
      const dated = invoicePayments(inv, payments);
      out.paidOn = dated.length > 0 ? dated[dated.length - 1]!.date : inv.dueDate;
    }
    return out;
  });
  const promises = bundle.promises.map((p) => ({ dueDate: p.dueDate, status: p.status })).sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
  return { invoices, promises };
}

export function segmentDigestOf(bundle: Pick<DebtorBundle, 'invoices' | 'activities' | 'promises'>, timeZone?: string): SegmentDigest {
  return digestHistory(segmentHistoryOf(bundle, timeZone));
}
