/**
 * Today's worklist: who to call first.
 *
 * Priority (quoted by the README):
 * 1. Tier 0: the debtor has an open follow-up task due today or earlier (an agreed call-back comes first).
 * 2. Tier 1: the debtor has a broken promise: status `broken`, or `partial` (the full amount did not
 *    arrive), or `pending` with its deadline before today and less paid than promised. The deadline is the
 *    one rule of ./promises/status.ts: promised date + grace business days (default 2), so the worklist, the
 *    dossier and the stored statuses never disagree on when a promise breaks. A broken/partial promise
 *    stops counting once the debtor makes a newer promise (see `actionablePromises` in ./summarize.ts).
 * 3. Tier 2: everyone else with an overdue balance.
 * Within a tier, rows are sorted by score, highest first: score = Σ over overdue, non-disputed open items of
 * outstanding cents × days late, × the weight of the debtor's history segment (fiable 1, à surveiller 1.5,
 * mauvais payeur 2: SEGMENT_PRIORITY_WEIGHT in ./segmentation/history-segment.ts; a team lead's override
 * counts instead of the computed segment). Ties are broken by name (French collation), then by debtor id.
 *
 * Disputed invoices are not chased while the dispute lasts: they add to `disputedCents`, never to the
 * overdue balance or the score. Days late count from the day after the due date: due today → 0 days,
 * not overdue; due yesterday → 1 day.
 * A debtor enters the worklist only with an overdue (non-disputed) balance, a task due today or earlier,
 * or a broken promise.
 */
import type { Activity, Debtor, Task } from './entities';
import { DEFAULT_GRACE_BUSINESS_DAYS, promiseDeadline } from './promises/status';
import { digestFacts, effectiveSegment, SEGMENT_PRIORITY_WEIGHT, segmentOf, type HistorySegment } from './segmentation/history-segment';
import { isoDayNumber } from './calendar/day-number';
import { OPEN_ITEM_NUMBERS, type DebtorSummary } from './summary';

const NONE: readonly never[] = [];

export type WorklistTier = 0 | 1 | 2;

export interface WorklistRow {
  debtorId: string;
  name: string;
  segment: Debtor['segment'];
  overdueCents: number;
  notYetDueCents: number;
  disputedCents: number;
  /** Days late of the oldest overdue, non-disputed item; 0 when nothing is overdue. */
  oldestDaysLate: number;
  brokenPromises: number;
  /** Earliest open task, whether or not it is due yet. */
  nextTask?: { id: string; dueDate: string; kind: Task['kind'] };
  lastAction?: { at: string; type: Activity['type']; outcome?: string };
  /** How the debtor paid over 12 months (override included); absent for a summary written before segments. */
  history?: { segment: HistorySegment; overridden: boolean };
  tier: WorklistTier;
  score: number;
}

export interface WorklistOptions {
  /** Business days a pending promise may run past its due date before it counts as broken. */
  promiseGraceDays?: number;
}

export const DEFAULT_PROMISE_GRACE_DAYS = DEFAULT_GRACE_BUSINESS_DAYS;

export { isoDayNumber } from './calendar/day-number';

/** Whole days from `from` to `to` (both `YYYY-MM-DD`), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return isoDayNumber(to) - isoDayNumber(from);
}

export function worklistRow(summary: DebtorSummary, today: string, opts: WorklistOptions = {}): WorklistRow {
  const grace = opts.promiseGraceDays ?? DEFAULT_PROMISE_GRACE_DAYS;
  let overdueCents = 0;
  let notYetDueCents = 0;
  let disputedCents = 0;
  let oldestDaysLate = 0;
  let score = 0;
  const todayNumber = isoDayNumber(today);
  const items = summary.openItems;
  for (let k = 0; k + OPEN_ITEM_NUMBERS <= items.length; k += OPEN_ITEM_NUMBERS) {
    const outstandingCents = items[k + 1] as number;
    if (items[k + 2] === 1) {
      disputedCents += outstandingCents;
      continue;
    }
    // NaN (a format 1 due date that was not a date) is never overdue.
    const daysLate = todayNumber - (items[k] as number);
    if (daysLate > 0) {
      overdueCents += outstandingCents;
      score += outstandingCents * daysLate;
      oldestDaysLate = Math.max(oldestDaysLate, daysLate);
    } else {
      notYetDueCents += outstandingCents;
    }
  }

  let brokenPromises = 0;
  for (const p of summary.promises ?? NONE) {
    const short = p.paidCents < p.amountCents;
    if (p.status === 'broken') brokenPromises += 1;
    else if (p.status === 'partial' && short) brokenPromises += 1;
    // The due-date test first: it is a string compare, and most pending promises are not due yet.
    else if (p.status === 'pending' && short && p.dueDate < today && promiseDeadline(p.dueDate, grace) < today) brokenPromises += 1;
  }

  let nextTask: WorklistRow['nextTask'];
  for (const t of summary.openTasks ?? NONE) {
    if (!nextTask || t.dueDate < nextTask.dueDate) nextTask = { id: t.id, dueDate: t.dueDate, kind: t.kind };
  }
  const taskDue = nextTask !== undefined && nextTask.dueDate <= today;
  const tier: WorklistTier = taskDue ? 0 : brokenPromises > 0 ? 1 : 2;

  let history: WorklistRow['history'];
  if (summary.history) {
    const computed = segmentOf(digestFacts(summary.history, todayNumber));
    history = { segment: effectiveSegment(computed, summary.history.override), overridden: summary.history.override !== undefined };
    score *= SEGMENT_PRIORITY_WEIGHT[history.segment];
  }

  const row: WorklistRow = {
    debtorId: summary.debtorId,
    name: summary.name,
    segment: summary.segment,
    overdueCents,
    notYetDueCents,
    disputedCents,
    oldestDaysLate,
    brokenPromises,
    tier,
    score,
  };
  if (nextTask) row.nextTask = nextTask;
  if (history) row.history = history;
  if (summary.lastAction) row.lastAction = summary.lastAction;
  return row;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

export function compareWorklistRows(a: WorklistRow, b: WorklistRow): number {
  return (
    a.tier - b.tier ||
    b.score - a.score ||
    collator.compare(a.name, b.name) ||
    (a.debtorId < b.debtorId ? -1 : a.debtorId > b.debtorId ? 1 : 0)
  );
}

/** A new array in priority order; the input is left untouched. */
export function sortWorklist(rows: readonly WorklistRow[]): WorklistRow[] {
  return [...rows].sort(compareWorklistRows);
}

/** Whether a row deserves a call today at all (see the priority rules above). */
export function needsAction(row: WorklistRow): boolean {
  return row.overdueCents > 0 || row.tier < 2;
}

export function buildWorklist(summaries: Iterable<DebtorSummary>, today: string, opts: WorklistOptions = {}): WorklistRow[] {
  const rows: WorklistRow[] = [];
  for (const s of summaries) {
    const row = worklistRow(s, today, opts);
    if (needsAction(row)) rows.push(row);
  }
  return rows.sort(compareWorklistRows);
}
