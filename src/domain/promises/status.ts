/**
 * Whether a payment promise was kept, from the payments received and the promised date plus a grace period.
 *
 * - deadline = promised date + `graceDays` business days (a transfer sent on the promised day can take a
 *   working day or two to be credited; weekends and holidays do not count).
 * - Only payments dated between the promise's creation day and the deadline count: money received earlier
 *   was not paid "on" this promise, and money received after the deadline does not un-break it (seed
 *   "Astuces", conseil 4: how many times, on which dates and for which amounts commitments were missed).
 * - kept: received ≥ amount by the deadline (known as soon as it happens, even before the promised date).
 * - pending: not yet kept and today ≤ deadline.
 * - partial: today > deadline and 0 < received < amount.
 * - broken: today > deadline and nothing received.
 */
import { addBusinessDays } from '../calendar/businessDays';
import { toWallTime } from '../calendar/zonedTime';
import type { DatedPayment } from '../penalties/penalties';

export type PromiseStatus = 'pending' | 'kept' | 'partial' | 'broken';

export interface PromiseTerms {
  amountCents: number;
  /** Promised payment date. */
  dueDate: string;
  /** When the promise was made (date or instant); payments before that day do not count. */
  createdAt: string;
}

export const DEFAULT_GRACE_BUSINESS_DAYS = 2;

/** Last day a payment counts as on time for this promise. */
export function promiseDeadline(dueDate: string, graceDays = DEFAULT_GRACE_BUSINESS_DAYS): string {
  return addBusinessDays(dueDate, graceDays);
}

/**
 * The calendar day a promise was made, in Europe/Paris: an instant's UTC day is the day before in Paris after
 * 23:00 (22:00 in summer), which once let a payment of the evening before count towards the promise.
 */
export function promiseDay(createdAt: string): string {
  return createdAt.length > 10 ? toWallTime(createdAt).date : createdAt;
}

/** Cents received for the promise between its creation day and its deadline, both inclusive. */
export function paidTowardsPromise(promise: PromiseTerms, payments: readonly DatedPayment[], graceDays = DEFAULT_GRACE_BUSINESS_DAYS): number {
  const from = promiseDay(promise.createdAt);
  const to = promiseDeadline(promise.dueDate, graceDays);
  return payments.reduce((s, p) => (p.date >= from && p.date <= to && p.cents > 0 ? s + p.cents : s), 0);
}

export function promiseStatus(
  promise: PromiseTerms,
  payments: readonly DatedPayment[],
  today: string,
  graceDays = DEFAULT_GRACE_BUSINESS_DAYS,
): PromiseStatus {
  const paid = paidTowardsPromise(promise, payments, graceDays);
  if (paid >= promise.amountCents) return 'kept';
  if (today.slice(0, 10) <= promiseDeadline(promise.dueDate, graceDays)) return 'pending';
  return paid > 0 ? 'partial' : 'broken';
}

export type PromiseTally = Record<PromiseStatus, number>;

export function tallyPromises(statuses: readonly PromiseStatus[]): PromiseTally {
  const tally: PromiseTally = { pending: 0, kept: 0, partial: 0, broken: 0 };
  for (const s of statuses) tally[s]++;
  return tally;
}

/**
 * Commitments not honoured so far: broken ones, and by default partial ones too (a promise of 5 000 €
 * met with 500 € was not kept). The dossier shows this count; the worklist lifts debtors with any.
 */
export function countBroken(statuses: readonly PromiseStatus[], options: { includePartial?: boolean } = {}): number {
  const tally = tallyPromises(statuses);
  return tally.broken + (options.includePartial === false ? 0 : tally.partial);
}
