/**
 * The semester rate a team still has to enter. L441-10 fixes the ECB rate each 1 January and 1 July; until
 * someone types the new one into Settings, penalties are computed on the last rate known and say so. This
 * names the first semester missing up to today, once, so it is asked for in one place with its action,
 * rather than as an alarm on every dossier.
 */
import { rateInForce, semesterLabel, semesterStart, semesterStartsBetween, type DatedRate, type RateTable } from './rates';

export interface MissingSemesterRate {
  /** First day of the missing semester (1 January or 1 July). */
  from: string;
  /** `2026-S2`. */
  semester: string;
  /** The rate used meanwhile: the table's last entry. */
  carried: DatedRate;
}

export function missingSemesterRate(table: RateTable, today: string): MissingSemesterRate | null {
  const carried = rateInForce(table, today);
  if (!carried || carried.from >= semesterStart(today)) return null;
  const from = semesterStartsBetween(carried.from, today)[0] ?? semesterStart(today);
  return { from, semester: semesterLabel(from), carried };
}

/** The table with the missing semester's rate added, in date order. */
export function withSemesterRate(table: RateTable, rate: DatedRate): DatedRate[] {
  return [...table.filter((r) => r.from !== rate.from), rate].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}
