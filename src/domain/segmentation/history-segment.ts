/**
 * How a debtor has paid over the last 12 months: fiable (reliable), à surveiller (watch) or mauvais payeur
 * (bad payer). The worklist and the dossier show it; a team lead can override it per debtor.
 *
 * The rule (window: the 12 months up to today, i.e. due dates and promised dates in (today − 365 days, today]):
 * - weighted days late = Σ (amount × days late) ÷ Σ amount over the invoices that fell due in the window,
 *   where days late = (day fully paid, or today while unpaid) − due date, never below 0. Big invoices weigh
 *   more than small ones: 90 days late on 10 000 € says more than 90 days late on 50 €. Disputed invoices are
 *   left out (a dispute pauses the debt until it is settled) and counted as disputes instead.
 * - broken promises = promises whose date fell in the window and that were broken or only partly kept.
 * - disputes = invoices disputed in the window.
 * Then, first match wins:
 * 1. mauvais payeur: weighted days late > 60, or ≥ 3 broken promises, or (> 30 days late and ≥ 1 broken promise).
 * 2. à surveiller: weighted days late > 15, or ≥ 1 broken promise, or ≥ 2 disputes.
 * 3. fiable: otherwise — a debtor with no history in the window is fiable until it shows otherwise.
 */
import { toDayNumber } from '../calendar/isoDate';

export const HISTORY_SEGMENTS = ['reliable', 'watch', 'bad_payer'] as const;
export type HistorySegment = (typeof HISTORY_SEGMENTS)[number];

export interface SegmentInvoice {
  dueDate: string;
  amountCents: number;
  /** The day the invoice was fully paid; absent while something is owed. */
  paidOn?: string;
  disputed: boolean;
}

export interface SegmentPromise {
  dueDate: string;
  status: 'pending' | 'kept' | 'partial' | 'broken';
}

export interface SegmentHistory {
  invoices: readonly SegmentInvoice[];
  promises: readonly SegmentPromise[];
}

export interface SegmentFacts {
  weightedDaysLate: number;
  brokenPromises: number;
  disputes: number;
}

export const WINDOW_DAYS = 365;

/**
 * The history as the worklist summary stores it (domain/summary.ts): plain day numbers in flat arrays, so
 * 50,000 of them cross to the worklist worker and back without cost, and today is applied at read time (a
 * summary written last month still gives today's segment).
 * - `invoices`: 4 numbers per invoice — due day, amount in cents, the day it was fully paid (−1 while
 *   something is owed), 1 when disputed else 0.
 * - `failedPromiseDays`: the promised day of every broken or partly kept promise.
 */
export interface SegmentDigest {
  invoices: number[];
  failedPromiseDays: number[];
}

export function digestHistory(history: SegmentHistory): SegmentDigest {
  const invoices: number[] = [];
  for (const inv of history.invoices) {
    invoices.push(toDayNumber(inv.dueDate), inv.amountCents, inv.paidOn === undefined ? -1 : toDayNumber(inv.paidOn), inv.disputed ? 1 : 0);
  }
  const failedPromiseDays = history.promises.filter((p) => p.status === 'broken' || p.status === 'partial').map((p) => toDayNumber(p.dueDate));
  return { invoices, failedPromiseDays };
}

/** The rule's three facts from a digest, `todayDay` being today's day number. */
export function digestFacts(digest: SegmentDigest, todayDay: number): SegmentFacts {
  const inWindow = (day: number) => {
    const age = todayDay - day;
    return age >= 0 && age < WINDOW_DAYS;
  };
  let weighted = 0;
  let amount = 0;
  let disputes = 0;
  const inv = digest.invoices;
  for (let i = 0; i + 3 < inv.length; i += 4) {
    const due = inv[i]!;
    if (!inWindow(due)) continue;
    if (inv[i + 3] === 1) {
      disputes++;
      continue;
    }
    const cents = inv[i + 1]!;
    const paid = inv[i + 2]!;
    const late = Math.max(0, (paid < 0 ? todayDay : paid) - due);
    weighted += cents * late;
    amount += cents;
  }
  let brokenPromises = 0;
  for (const day of digest.failedPromiseDays) if (inWindow(day)) brokenPromises++;
  return { weightedDaysLate: amount > 0 ? weighted / amount : 0, brokenPromises, disputes };
}

export function segmentFacts(history: SegmentHistory, today: string): SegmentFacts {
  return digestFacts(digestHistory(history), toDayNumber(today));
}

export function segmentOf(facts: SegmentFacts): HistorySegment {
  const { weightedDaysLate: late, brokenPromises: broken, disputes } = facts;
  if (late > 60 || broken >= 3 || (late > 30 && broken >= 1)) return 'bad_payer';
  if (late > 15 || broken >= 1 || disputes >= 2) return 'watch';
  return 'reliable';
}

export function historySegment(history: SegmentHistory, today: string): HistorySegment {
  return segmentOf(segmentFacts(history, today));
}

/**
 * How much a segment weighs in the worklist priority (domain/worklist.ts): the score of a debtor (overdue
 * cents × days late) is multiplied by it, so between two debtors owing the same for as long, the one whose
 * history is worse is called first; the tiers (task due, broken promise) still come before any score.
 */
export const SEGMENT_PRIORITY_WEIGHT: Readonly<Record<HistorySegment, number>> = { reliable: 1, watch: 1.5, bad_payer: 2 };

/** A team lead's override wins over the computed segment. */
export function effectiveSegment(computed: HistorySegment, override?: HistorySegment): HistorySegment {
  return override ?? computed;
}
