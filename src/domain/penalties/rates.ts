/**
 * Dated rate tables for French late-payment interest (Code de commerce L441-10).
 *
 * Rates are integer basis points (1 % = 100 bp) so no float ever enters a money computation.
 * These are defaults: Settings holds an editable copy, because rates change every semester and a team
 * must be able to add the next one without a release.
 */
import { addDays, isoDate } from '../calendar/isoDate';

export interface DatedRate {
  /** First day the rate applies, `YYYY-MM-DD`. For semester tables: 1 January or 1 July. */
  from: string;
  bp: number;
}
export type RateTable = readonly DatedRate[];

/**
 * ECB main refinancing operations (MRO) rate, public decisions with the date each took effect
 * (ecb.europa.eu, "Key ECB interest rates"). 0.00 % had been in force since 2016-03-16.
 * Kept so the semester table below can be checked against the raw decisions.
 */
export const ECB_MRO_DECISIONS: RateTable = [
  { from: '2016-03-16', bp: 0 },
  { from: '2022-07-27', bp: 50 },
  { from: '2022-09-14', bp: 125 },
  { from: '2022-11-02', bp: 200 },
  { from: '2022-12-21', bp: 250 },
  { from: '2023-02-08', bp: 300 },
  { from: '2023-03-22', bp: 350 },
  { from: '2023-05-10', bp: 375 },
  { from: '2023-06-21', bp: 400 },
  { from: '2023-08-02', bp: 425 },
  { from: '2023-09-20', bp: 450 },
  { from: '2024-06-12', bp: 425 },
  { from: '2024-09-18', bp: 365 },
  { from: '2024-10-23', bp: 340 },
  { from: '2024-12-18', bp: 315 },
  { from: '2025-02-05', bp: 290 },
  { from: '2025-03-12', bp: 265 },
  { from: '2025-04-23', bp: 240 },
  { from: '2025-06-11', bp: 215 },
  // Held at 2.15 % in July, September, October and December 2025.
];

/**
 * L441-10: the reference rate for a semester is the ECB rate in force on its first day (1 January for
 * January–June, 1 July for July–December), whatever the ECB decides during the semester. Hence 2022-S2 is
 * 0.00 % although the ECB raised to 0.50 % on 27 July 2022. Penalty rate = this + 10 points.
 */
export const DEFAULT_ECB_SEMESTER_RATES: RateTable = [
  { from: '2020-01-01', bp: 0 },
  { from: '2020-07-01', bp: 0 },
  { from: '2021-01-01', bp: 0 },
  { from: '2021-07-01', bp: 0 },
  { from: '2022-01-01', bp: 0 },
  { from: '2022-07-01', bp: 0 },
  { from: '2023-01-01', bp: 250 },
  { from: '2023-07-01', bp: 400 },
  { from: '2024-01-01', bp: 450 },
  { from: '2024-07-01', bp: 425 },
  { from: '2025-01-01', bp: 315 },
  { from: '2025-07-01', bp: 215 },
  { from: '2026-01-01', bp: 215 },
];

/** The 10 points L441-10 adds to the ECB rate. */
export const STATUTORY_MARGIN_BP = 1000;

/**
 * Taux de l'intérêt légal, "tous les autres cas", set each semester by arrêté (Code monétaire et financier
 * L313-2). The arrêté's other column, "créances des personnes physiques n'agissant pas pour des besoins
 * professionnels", is for claims held BY private individuals; a company's claim on a consumer falls here.
 * Used for the floor of a contractual rate (never below 3 × this rate) and for a consumer debtor's interest
 * from the formal notice (Code civil 1231-6).
 */
export const DEFAULT_LEGAL_RATES: RateTable = [
  { from: '2020-01-01', bp: 87 },
  { from: '2020-07-01', bp: 84 },
  { from: '2021-01-01', bp: 79 },
  { from: '2021-07-01', bp: 76 },
  { from: '2022-01-01', bp: 76 },
  { from: '2022-07-01', bp: 77 },
  { from: '2023-01-01', bp: 206 },
  { from: '2023-07-01', bp: 422 },
  { from: '2024-01-01', bp: 507 },
  { from: '2024-07-01', bp: 492 },
  { from: '2025-01-01', bp: 371 },
  { from: '2025-07-01', bp: 276 },
  { from: '2026-01-01', bp: 262 },
];

export const CONTRACTUAL_FLOOR_MULTIPLIER = 3;

/** First day of the semester containing `date`. */
export function semesterStart(date: string): string {
  const y = Number(date.slice(0, 4));
  return isoDate(y, Number(date.slice(5, 7)) <= 6 ? 1 : 7, 1);
}

/** `2025-S2` style label, for breakdowns and warnings. */
export function semesterLabel(date: string): string {
  return `${date.slice(0, 4)}-S${Number(date.slice(5, 7)) <= 6 ? 1 : 2}`;
}

/** Semester starts in (after, upTo]: where a semester table may change rate. */
export function semesterStartsBetween(after: string, upTo: string): string[] {
  const out: string[] = [];
  for (let y = Number(after.slice(0, 4)); y <= Number(upTo.slice(0, 4)); y++) {
    for (const s of [isoDate(y, 1, 1), isoDate(y, 7, 1)]) if (s > after && s <= upTo) out.push(s);
  }
  return out;
}

export interface RateLookup {
  bp: number;
  /** false when `date` is past the table's last semester and its rate was carried forward. */
  known: boolean;
}

/** The entry in force on `date` (the last with `from` ≤ date), or undefined before the table starts. */
export function rateInForce(table: RateTable, date: string): DatedRate | undefined {
  let found: DatedRate | undefined;
  for (const r of table) if (r.from <= date && (!found || r.from >= found.from)) found = r;
  return found;
}

/**
 * The semester rate for `date` from a semester table. A date past the last entry reuses it but says so,
 * so the dossier can ask for the new rate in Settings instead of silently using a stale one.
 */
export function semesterRate(table: RateTable, date: string): RateLookup | undefined {
  const entry = rateInForce(table, date);
  if (!entry) return undefined;
  return { bp: entry.bp, known: entry.from >= semesterStart(date) };
}

/** Derives a semester table from raw decisions by the 1 January / 1 July rule. */
export function semesterRatesFromDecisions(decisions: RateTable, firstYear: number, lastSemester: string): DatedRate[] {
  return semesterStartsBetween(addDays(isoDate(firstYear, 1, 1), -1), lastSemester).map((from) => ({
    from,
    bp: rateInForce(decisions, from)?.bp ?? 0,
  }));
}

export const RATE_TABLE_ISSUES = ['not_semester_start', 'duplicate', 'negative', 'not_integer', 'bad_date'] as const;
export type RateTableIssue = (typeof RATE_TABLE_ISSUES)[number];

/** Checks a table edited in Settings; returns the index and kind of each problem, empty when sound. */
export function validateSemesterTable(table: RateTable): { index: number; issue: RateTableIssue }[] {
  const issues: { index: number; issue: RateTableIssue }[] = [];
  const seen = new Set<string>();
  table.forEach((r, index) => {
    if (!/^\d{4}-(01|07)-01$/.test(r.from)) {
      issues.push({ index, issue: /^\d{4}-\d{2}-\d{2}$/.test(r.from) ? 'not_semester_start' : 'bad_date' });
    }
    if (seen.has(r.from)) issues.push({ index, issue: 'duplicate' });
    seen.add(r.from);
    if (!Number.isInteger(r.bp)) issues.push({ index, issue: 'not_integer' });
    else if (r.bp < 0) issues.push({ index, issue: 'negative' });
  });
  return issues;
}

export interface ContractualFloorCheck {
  /** 3 × legal rate of the semester, in bp. */
  floorBp: number;
  belowFloor: boolean;
  /** false when the legal rate of that semester is not in the table (carried forward). */
  known: boolean;
  semester: string;
}

/** L441-10: a contractual penalty rate may not be below three times the legal interest rate. */
export function checkContractualRate(
  contractualBp: number,
  date: string,
  legalTable: RateTable = DEFAULT_LEGAL_RATES,
): ContractualFloorCheck | undefined {
  const legal = semesterRate(legalTable, date);
  if (!legal) return undefined;
  const floorBp = legal.bp * CONTRACTUAL_FLOOR_MULTIPLIER;
  return { floorBp, belowFloor: contractualBp < floorBp, known: legal.known, semester: semesterLabel(date) };
}
