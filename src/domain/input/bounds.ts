/**
 * Plausible bounds for what agents type. Each is a business judgement, kept here so the forms, the call
 * machine's guards and the tests read the same numbers:
 * - dates of promises and call-backs at most one year ahead, plan instalments at most three (24 monthly
 *   payments starting within the year): a debtor who "will pay on 31/12/2999" has not committed to anything, and the reminder
 *   ladder would wait for that date;
 * - a payment's value date between the issue date of the invoices it settles and today;
 * - rates (in basis points) within what the ECB, the legal rate and a contract have ever plausibly been;
 * - instalment counts whole numbers from 1 to 24 (two years of monthly payments);
 * - a promise above what is owed is possible (penalties, fees) but asks the agent to confirm.
 */
import { isoDate } from '../calendar/isoDate';

/** How far ahead a promise or a call-back may fall. */
export const HORIZON_YEARS = 1;
/** How far ahead a plan's instalments may run: 24 monthly instalments from a first one within the year. */
export const PLAN_HORIZON_YEARS = 3;

/** The same day `years` later (29 February gives 28 February). */
export function horizonEnd(today: string, years: number = HORIZON_YEARS): string {
  const year = Number(today.slice(0, 4)) + years;
  const month = Number(today.slice(5, 7));
  const day = Number(today.slice(8, 10));
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return isoDate(year, month, Math.min(day, lastDay));
}

/** Whether an ISO date falls after the horizon (dates before today are each form's own rule). */
export const isBeyondHorizon = (date: string, today: string, years: number = HORIZON_YEARS): boolean => date > horizonEnd(today, years);

export type RateKind = 'ecb' | 'legal' | 'contractual';

/**
 * Bounds in basis points. The ECB main refinancing rate has stayed within 0–4.75 % since 1999 and the
 * French legal rate within 0–9 %; 15 % and 20 % leave room without letting 99 999 % through. A contractual
 * late-payment rate above 50 % a year is a typing slip, not a contract.
 */
export const RATE_BOUNDS_BP: Record<RateKind, { min: number; max: number }> = {
  ecb: { min: 0, max: 1500 },
  legal: { min: 0, max: 2000 },
  contractual: { min: 0, max: 5000 },
};

export const isRateWithinBounds = (kind: RateKind, bp: number): boolean =>
  Number.isSafeInteger(bp) && bp >= RATE_BOUNDS_BP[kind].min && bp <= RATE_BOUNDS_BP[kind].max;

export const INSTALMENT_COUNT_BOUNDS = { min: 1, max: 24 } as const;

/** "3" → 3; "-5", "0", "12.5", "12,5", "trois", "" → null: a count is a whole number within the bounds. */
export function parseInstalmentCount(raw: string): number | null {
  const text = raw.trim();
  if (!/^\d+$/.test(text)) return null;
  const count = Number(text);
  return count >= INSTALMENT_COUNT_BOUNDS.min && count <= INSTALMENT_COUNT_BOUNDS.max ? count : null;
}

export type PaymentDateProblem = 'before_issue' | 'future';

/** A payment cannot be received before the invoice it settles was issued, nor after today. */
export function paymentDateProblem(date: string, ctx: { today: string; issueDates: readonly string[] }): PaymentDateProblem | null {
  if (date > ctx.today) return 'future';
  const earliest = earliestIssueDate(ctx.issueDates);
  return earliest !== null && date < earliest ? 'before_issue' : null;
}

export function earliestIssueDate(issueDates: readonly string[]): string | null {
  return issueDates.length === 0 ? null : issueDates.reduce((a, b) => (b < a ? b : a));
}

/** A promise for more than what is owed needs the agent's explicit confirmation (a slip of a few zeros is common). */
export const promiseExceedsOwed = (amountCents: number, owedCents: number): boolean => amountCents > owedCents;
