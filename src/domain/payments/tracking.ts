/**
 * Which payment went to which promise, and so each promise's status today (rule in ../promises/status.ts).
 *
 * Several promises can cover the same invoices at once (the instalments of a payment plan), so a payment must
 * be counted once, not for every promise whose window it falls in. Payments are therefore spread, oldest
 * first, over the promises they can serve, earliest promised date first:
 * - a payment serves a promise when it falls between the promise's creation day and its deadline (promised
 *   date + grace business days), and they share an invoice (or either names none);
 * - each promise takes at most its own amount; what is left goes to the next one.
 * A promise stored as kept stays kept (money received is not un-received), and one whose stored `paidCents`
 * exceeds what the timeline explains keeps that amount (payments recorded outside this timeline).
 */
import type { PaymentPromise } from '../entities';
import { DEFAULT_GRACE_BUSINESS_DAYS, countBroken, promiseDay, promiseDeadline, promiseStatus, type PromiseStatus } from '../promises/status';
import type { DatedPayment } from '../penalties/penalties';
import type { ReceivedPayment } from './allocation';

export type TrackablePromise = Pick<PaymentPromise, 'id' | 'createdAt' | 'dueDate' | 'amountCents' | 'invoiceIds' | 'status' | 'paidCents'>;

export interface PromiseTrack {
  status: PromiseStatus;
  /** Cents received for this promise by its deadline. */
  paidCents: number;
  /** Last day a payment counts for it. */
  deadline: string;
}

const shareInvoice = (a: readonly string[], b: readonly string[]): boolean => a.length === 0 || b.length === 0 || a.some((id) => b.includes(id));

function promiseOrder(a: TrackablePromise, b: TrackablePromise): number {
  return a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1;
}

export function trackPromises(
  promises: readonly TrackablePromise[],
  payments: readonly ReceivedPayment[],
  today: string,
  graceDays = DEFAULT_GRACE_BUSINESS_DAYS,
): Map<string, PromiseTrack> {
  const ordered = [...promises].sort(promiseOrder);
  const deadlines = new Map(ordered.map((p) => [p.id, promiseDeadline(p.dueDate, graceDays)]));
  const received = new Map<string, DatedPayment[]>(ordered.map((p) => [p.id, []]));
  const taken = new Map<string, number>(ordered.map((p) => [p.id, 0]));

  for (const payment of [...payments].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    let left = payment.cents;
    for (const p of ordered) {
      if (left <= 0) break;
      const deadline = deadlines.get(p.id) ?? p.dueDate;
      if (payment.date < promiseDay(p.createdAt) || payment.date > deadline) continue;
      if (!shareInvoice(p.invoiceIds, payment.invoiceIds)) continue;
      const need = p.amountCents - (taken.get(p.id) ?? 0);
      if (need <= 0) continue;
      const cents = Math.min(need, left);
      taken.set(p.id, (taken.get(p.id) ?? 0) + cents);
      received.get(p.id)?.push({ date: payment.date, cents });
      left -= cents;
    }
  }

  const out = new Map<string, PromiseTrack>();
  for (const p of ordered) {
    const deadline = deadlines.get(p.id) ?? p.dueDate;
    const dated = received.get(p.id) ?? [];
    const fromTimeline = taken.get(p.id) ?? 0;
    // Money the promise already records beyond the timeline counts as received within its window.
    if (p.paidCents > fromTimeline) dated.push({ date: promiseDay(p.createdAt), cents: p.paidCents - fromTimeline });
    const paidCents = Math.min(p.amountCents, Math.max(p.paidCents, fromTimeline));
    const status = p.status === 'kept' ? 'kept' : promiseStatus(p, dated, today, graceDays);
    out.set(p.id, { status, paidCents, deadline });
  }
  return out;
}

/** The promises with their status and paid amount as of `today`, in the input order. */
export function withTrackedStatus<P extends TrackablePromise>(
  promises: readonly P[],
  payments: readonly ReceivedPayment[],
  today: string,
  graceDays = DEFAULT_GRACE_BUSINESS_DAYS,
): P[] {
  const tracks = trackPromises(promises, payments, today, graceDays);
  return promises.map((p) => {
    const t = tracks.get(p.id);
    return t ? { ...p, status: t.status, paidCents: t.paidCents } : p;
  });
}

/** Commitments missed so far (broken, and partial ones): the seed's "how many times" (Astuces, conseil 4). */
export function brokenSoFar(promises: readonly Pick<PaymentPromise, 'status'>[]): number {
  return countBroken(promises.map((p) => p.status));
}
