/**
 * Late-payment penalties on one invoice (Code de commerce L441-10, D441-5).
 *
 * - Simple interest per calendar day from the day after the due date up to `until` inclusive (the payment
 *   date, or today), on the amount incl. VAT still unpaid that day. A payment dated D still leaves day D
 *   accruing on the balance before it; the lower balance starts the next day.
 * - Day count actual/365: each day is 1/365 of the annual rate, leap years included.
 * - Rate of each day: the contractual rate when given, else the ECB rate of that day's semester + 10 points. A
 *   contract cannot set a rate below three times the legal interest rate (L441-10 II): in a semester where it
 *   does, that floor is the rate applied (and a warning says so).
 * - Rounding: every day's interest is summed exactly as an integer numerator over 365 × 10 000 (BigInt, so
 *   no float and no overflow) and rounded half-up to the cent once, at the end. Per-period amounts in the
 *   breakdown are rounded on their own for display and may differ from the total by a cent.
 * - Fixed 40 € recovery indemnity per late invoice, for business debtors only (never for a consumer).
 * - Consumers are outside L441-10 and D441-5: no ECB + 10 points, no indemnity, and no contractual penalty
 *   rate either. Their only interest is the legal interest rate, running from the formal notice (Code civil
 *   art. 1231-6), counted here from the day after the notice's date (never before the day after the due
 *   date). The legal rate is the "tous les autres cas" column of the semester's arrêté: that column applies
 *   whenever the creditor is not a private individual, which a company using Cadence never is (the
 *   "particuliers" column is for claims held by private individuals, whoever the debtor).
 */
import { addDays, daysBetween } from '../calendar/isoDate';
import {
  DEFAULT_ECB_SEMESTER_RATES,
  DEFAULT_LEGAL_RATES,
  STATUTORY_MARGIN_BP,
  checkContractualRate,
  semesterLabel,
  semesterRate,
  semesterStartsBetween,
  type RateTable,
} from './rates';

export const RECOVERY_INDEMNITY_CENTS = 4000;
const DAY_COUNT_BASIS = 365n;
const BP_PER_UNIT = 10_000n;

export interface DatedPayment {
  date: string;
  cents: number;
}

export type DebtorKind = 'business' | 'consumer';

export interface LatePenaltyInput {
  amountInclVatCents: number;
  dueDate: string;
  payments: readonly DatedPayment[];
  /** Last day counted: the payment date, or today. */
  until: string;
  /** Annual rate agreed in the contract/terms, in bp. Overrides the statutory ECB + 10 points, never the 3× legal floor. */
  contractualRateBp?: number;
  /** Semester table of ECB rates (without the 10 points); defaults to the built-in public values. */
  rateTable?: RateTable;
  /** Legal-rate table: the 3× floor of a contractual rate, and the rate of a consumer's interest. */
  legalRateTable?: RateTable;
  debtorKind: DebtorKind;
  /** Consumer: the date of the formal notice (mise en demeure) their interest runs from; none, no interest. */
  formalNoticeDate?: string;
}

export interface PenaltyPeriod {
  /** First and last day of the period, both inclusive. */
  from: string;
  to: string;
  days: number;
  balanceCents: number;
  /** Annual rate applied, in bp (ECB + 1000, the contractual rate, or the legal floor under a lower one). */
  rateBp: number;
  semester: string;
  interestCents: number;
}

export const PENALTY_WARNING_CODES = [
  'rate_not_in_table',
  'rate_before_table',
  'contractual_below_floor',
  'consumer_before_formal_notice',
  'legal_rate_not_in_table',
] as const satisfies readonly PenaltyWarning['code'][];

export type PenaltyWarning =
  | { code: 'rate_not_in_table'; semester: string }
  | { code: 'rate_before_table'; semester: string }
  | { code: 'contractual_below_floor'; semester: string; floorBp: number }
  | { code: 'consumer_before_formal_notice' }
  | { code: 'legal_rate_not_in_table'; semester: string };

export interface LatePenalty {
  interestCents: number;
  indemnityCents: number;
  /** Days with an unpaid balance after the due date. */
  days: number;
  breakdown: PenaltyPeriod[];
  warnings: PenaltyWarning[];
}

/** Half-up rounding of numerator / denominator for non-negative integers. */
function roundHalfUp(numerator: bigint, denominator: bigint): number {
  return Number((2n * numerator + denominator) / (2n * denominator));
}

function pushUnique(list: PenaltyWarning[], w: PenaltyWarning): void {
  const key = JSON.stringify(w);
  if (!list.some((x) => JSON.stringify(x) === key)) list.push(w);
}

function periodNumerator(balanceCents: number, rateBp: number, days: number): bigint {
  return BigInt(balanceCents) * BigInt(rateBp) * BigInt(days);
}

export function latePenalty(input: LatePenaltyInput): LatePenalty {
  const { dueDate, until, debtorKind, contractualRateBp } = input;
  const none: LatePenalty = { interestCents: 0, indemnityCents: 0, days: 0, breakdown: [], warnings: [] };
  const consumer = debtorKind === 'consumer';
  if (consumer && !input.formalNoticeDate) return until > dueDate ? { ...none, warnings: [{ code: 'consumer_before_formal_notice' }] } : none;

  // A business owes from the day after the due date (L441-10); a consumer from the day after the notice.
  const afterDue = addDays(dueDate, 1);
  const first = consumer && input.formalNoticeDate && addDays(input.formalNoticeDate, 1) > afterDue ? addDays(input.formalNoticeDate, 1) : afterDue;
  if (until < first) return none;
  const payments = input.payments.filter((p) => p.cents > 0 && p.date <= until);
  const paidBefore = (day: string) => payments.reduce((s, p) => (p.date < day ? s + p.cents : s), 0);
  const balanceOn = (day: string) => Math.max(0, input.amountInclVatCents - paidBefore(day));

  // A period starts at the first late day, the day after each payment, and each semester start.
  const cuts = new Set<string>([first, ...semesterStartsBetween(first, until)]);
  for (const p of payments) if (addDays(p.date, 1) > first && p.date < until) cuts.add(addDays(p.date, 1));
  const starts = [...cuts].sort();

  const warnings: PenaltyWarning[] = [];
  const warn = (w: PenaltyWarning) => pushUnique(warnings, w);
  const rateOn = (from: string, semester: string): number => {
    if (consumer) {
      const legal = semesterRate(input.legalRateTable ?? DEFAULT_LEGAL_RATES, from);
      if (!legal?.known) warn({ code: 'legal_rate_not_in_table', semester });
      return legal?.bp ?? 0;
    }
    if (contractualRateBp !== undefined) {
      const floor = checkContractualRate(contractualRateBp, from, input.legalRateTable);
      if (floor?.belowFloor) {
        warn({ code: 'contractual_below_floor', semester, floorBp: floor.floorBp });
        return floor.floorBp;
      }
      return contractualRateBp;
    }
    const ecb = semesterRate(input.rateTable ?? DEFAULT_ECB_SEMESTER_RATES, from);
    if (!ecb) warn({ code: 'rate_before_table', semester });
    else if (!ecb.known) warn({ code: 'rate_not_in_table', semester });
    return (ecb?.bp ?? 0) + STATUTORY_MARGIN_BP;
  };

  const breakdown: PenaltyPeriod[] = [];
  let numerator = 0n;
  let lateDays = 0;
  starts.forEach((from, i) => {
    const next = starts[i + 1];
    const to = next ? addDays(next, -1) : until;
    const balanceCents = balanceOn(from);
    if (balanceCents === 0) return;
    const days = daysBetween(from, to) + 1;
    lateDays += days;
    const semester = semesterLabel(from);
    const rateBp = rateOn(from, semester);
    const n = periodNumerator(balanceCents, rateBp, days);
    numerator += n;
    breakdown.push({ from, to, days, balanceCents, rateBp, semester, interestCents: roundHalfUp(n, DAY_COUNT_BASIS * BP_PER_UNIT) });
  });

  return {
    interestCents: roundHalfUp(numerator, DAY_COUNT_BASIS * BP_PER_UNIT),
    indemnityCents: lateDays > 0 && debtorKind === 'business' ? RECOVERY_INDEMNITY_CENTS : 0,
    days: lateDays,
    breakdown,
    warnings,
  };
}

export interface LatePenaltyTotal {
  interestCents: number;
  indemnityCents: number;
  perInvoice: LatePenalty[];
  warnings: PenaltyWarning[];
}

/** Penalties over several invoices: each invoice is computed and rounded on its own, then summed. */
export function latePenalties(inputs: readonly LatePenaltyInput[]): LatePenaltyTotal {
  const perInvoice = inputs.map(latePenalty);
  const warnings: PenaltyWarning[] = [];
  for (const w of perInvoice.flatMap((p) => p.warnings)) pushUnique(warnings, w);
  return {
    interestCents: perInvoice.reduce((s, p) => s + p.interestCents, 0),
    indemnityCents: perInvoice.reduce((s, p) => s + p.indemnityCents, 0),
    perInvoice,
    warnings,
  };
}
