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
import { daysBetween } from '../calendar/isoDate';

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

export function segmentFacts(history: SegmentHistory, today: string): SegmentFacts {
  const inWindow = (date: string) => {
    const age = daysBetween(date, today);
    return age >= 0 && age < WINDOW_DAYS;
  };
  let weighted = 0;
  let amount = 0;
  let disputes = 0;
  for (const inv of history.invoices) {
    if (!inWindow(inv.dueDate)) continue;
    if (inv.disputed) {
      disputes++;
      continue;
    }
    const late = Math.max(0, daysBetween(inv.dueDate, inv.paidOn ?? today));
    weighted += inv.amountCents * late;
    amount += inv.amountCents;
  }
  const brokenPromises = history.promises.filter((p) => inWindow(p.dueDate) && (p.status === 'broken' || p.status === 'partial')).length;
  return { weightedDaysLate: amount > 0 ? weighted / amount : 0, brokenPromises, disputes };
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

/** A team lead's override wins over the computed segment. */
export function effectiveSegment(computed: HistorySegment, override?: HistorySegment): HistorySegment {
  return override ?? computed;
}
