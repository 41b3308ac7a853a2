/**
 * Payment plans (échéanciers): the debtor's offer from the call, checked before the team lead decides, and
 * turned into one payment promise per instalment once approved (each then tracked like any promise).
 *
 * Rules of a sound plan:
 * - at least one instalment, each of a positive amount;
 * - dates strictly increasing, none before today (a plan cannot start in the past) and none more than three
 *   years ahead (24 monthly instalments from a first one within the year; see ../input/bounds.ts);
 * - instalments sum to what the plan settles: the balance, plus the late-payment penalties when the plan
 *   includes them (when waived, the creditor gives them up in exchange for the schedule being kept).
 * Issue codes are for the UI to translate.
 */
import { isoDate } from '../calendar/isoDate';
import { isBeyondHorizon, PLAN_HORIZON_YEARS } from '../input/bounds';
import { PROMISE_SCHEMA_VERSION, type PaymentPlan, type PaymentPromise } from '../entities';

export interface Instalment {
  dueDate: string;
  amountCents: number;
}

export const PLAN_ISSUE_CODES = ['no_instalments', 'amount_not_positive', 'date_in_past', 'date_too_far', 'date_not_increasing', 'sum_mismatch'] as const;
export type PlanIssueCode = (typeof PLAN_ISSUE_CODES)[number];

export interface PlanIssue {
  code: PlanIssueCode;
  /** The instalment concerned, when the issue is about one. */
  index?: number;
}

export interface PlanCheckContext {
  /** What the instalments must add up to. */
  expectedTotalCents: number;
  today: string;
}

export function planIssues(instalments: readonly Instalment[], ctx: PlanCheckContext): PlanIssue[] {
  if (instalments.length === 0) return [{ code: 'no_instalments' }];
  const issues: PlanIssue[] = [];
  instalments.forEach((i, index) => {
    if (!Number.isSafeInteger(i.amountCents) || i.amountCents <= 0) issues.push({ code: 'amount_not_positive', index });
    if (i.dueDate < ctx.today) issues.push({ code: 'date_in_past', index });
    else if (isBeyondHorizon(i.dueDate, ctx.today, PLAN_HORIZON_YEARS)) issues.push({ code: 'date_too_far', index });
    const previous = instalments[index - 1];
    if (previous && i.dueDate <= previous.dueDate) issues.push({ code: 'date_not_increasing', index });
  });
  const sum = instalments.reduce((s, i) => s + i.amountCents, 0);
  if (sum !== ctx.expectedTotalCents) issues.push({ code: 'sum_mismatch' });
  return issues;
}

/** What the plan must settle. */
export function planTotal(balanceCents: number, penaltiesCents: number, penalties: PaymentPlan['penalties']): number {
  return balanceCents + (penalties === 'included' ? penaltiesCents : 0);
}

/** The same day `months` later, on the month's last day when it is shorter (31 January + 1 month = 28/29 February). */
export function addMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const year = y + Math.floor(m / 12);
  const month = (((m % 12) + 12) % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return isoDate(year, month, Math.min(Number(date.slice(8, 10)), lastDay));
}

/**
 * `count` monthly instalments from `firstDate`, equal to the cent; the first one takes the remainder, so the
 * debtor pays the odd cents at once rather than at the end.
 */
export function evenInstalments(totalCents: number, count: number, firstDate: string): Instalment[] {
  if (count < 1 || totalCents <= 0) return [];
  const base = Math.floor(totalCents / count);
  const remainder = totalCents - base * count;
  return Array.from({ length: count }, (_, k) => ({ dueDate: addMonths(firstDate, k), amountCents: base + (k === 0 ? remainder : 0) }));
}

export const instalmentPromiseId = (planId: string, index: number): string => `${planId}-i${index + 1}`;

/**
 * One pending promise per instalment. The debtor committed when the plan was proposed, so that is the
 * promises' date: an instalment paid while the team lead was still deciding counts for it.
 */
export function planPromises(plan: PaymentPlan): PaymentPromise[] {
  return plan.instalments.map((i, index) => ({
    schemaVersion: PROMISE_SCHEMA_VERSION,
    id: instalmentPromiseId(plan.id, index),
    debtorId: plan.debtorId,
    ...(plan.contactId ? { contactId: plan.contactId } : {}),
    createdAt: plan.createdAt,
    amountCents: i.amountCents,
    dueDate: i.dueDate,
    means: plan.means,
    invoiceIds: [...plan.invoiceIds],
    status: 'pending',
    paidCents: 0,
  }));
}
