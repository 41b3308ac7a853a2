/**
 * The rate tables as edited in Settings: rows of (first day, rate in %) for the ECB semester rates and the
 * legal interest rate. Checked by zod and by the domain's semester rule (validateSemesterTable); errors come
 * back per row as codes (`rateInvalid` for an unreadable percentage, the domain's codes otherwise).
 */
import { RATE_SETTINGS_SCHEMA_VERSION, RateSettings, type RateSettings as Rates } from '../../domain/entities';
import { isRateWithinBounds } from '../../domain/input/bounds';
import { validateSemesterTable, type DatedRate, type RateTableIssue } from '../../domain/penalties/rates';
import { bpToInput, readingValue, readPercentBp, type MoneyLocale } from '../../domain/money/parse';

export const RATE_TABLES = ['ecb', 'legal'] as const;
export type RateTableName = (typeof RATE_TABLES)[number];

export interface RateRow {
  from: string;
  rate: string;
}
export type RateRowError = RateTableIssue | 'rateInvalid' | 'rateOutOfBounds';

export type RateFormValues = Record<RateTableName, RateRow[]>;
export type RateFormResult = { ok: true; rates: Rates } | { ok: false; errors: Record<RateTableName, (RateRowError | undefined)[]> };

export function rowsOf(rates: Rates, lang: MoneyLocale): RateFormValues {
  const rows = (table: readonly DatedRate[]) => table.map((r) => ({ from: r.from, rate: bpToInput(r.bp, lang) }));
  return { ecb: rows(rates.ecb), legal: rows(rates.legal) };
}

function checkTable(name: RateTableName, rows: readonly RateRow[]): { table: DatedRate[]; errors: (RateRowError | undefined)[] } {
  const errors: (RateRowError | undefined)[] = rows.map(() => undefined);
  const table = rows.map((r, k) => {
    const bp = readingValue(readPercentBp(r.rate));
    if (bp === undefined) errors[k] = 'rateInvalid';
    // 99 999 % is readable but no ECB or legal rate ever was: it would put absurd sums in formal notices.
    else if (!isRateWithinBounds(name, bp)) errors[k] = 'rateOutOfBounds';
    return { from: r.from.trim(), bp: bp ?? 0 };
  });
  for (const { index, issue } of validateSemesterTable(table)) errors[index] ??= issue;
  return { table, errors };
}

/** The tables as typed, merged into the current settings (contractual rates untouched). */
export function validateRates(values: RateFormValues, current: Rates): RateFormResult {
  const ecb = checkTable('ecb', values.ecb);
  const legal = checkTable('legal', values.legal);
  if (ecb.errors.some(Boolean) || legal.errors.some(Boolean)) return { ok: false, errors: { ecb: ecb.errors, legal: legal.errors } };
  const byFrom = (a: DatedRate, b: DatedRate) => a.from.localeCompare(b.from);
  const parsed = RateSettings.safeParse({
    schemaVersion: RATE_SETTINGS_SCHEMA_VERSION,
    ecb: [...ecb.table].sort(byFrom),
    legal: [...legal.table].sort(byFrom),
    contractual: current.contractual,
  });
  if (!parsed.success) {
    // The domain check already covers every field; a zod refusal here can only be a malformed date.
    const errors = { ecb: ecb.errors, legal: legal.errors };
    for (const issue of parsed.error.issues) {
      const [table, index] = issue.path as [RateTableName, number];
      if (RATE_TABLES.includes(table) && typeof index === 'number') errors[table][index] ??= 'bad_date';
    }
    return { ok: false, errors };
  }
  return { ok: true, rates: parsed.data };
}

/** The next semester start after the table's last row: what "add a rate" proposes. */
export function nextSemesterStart(rows: readonly RateRow[], today: string): string {
  const last = rows.map((r) => r.from).filter((d) => /^\d{4}-(01|07)-01$/.test(d)).sort().at(-1);
  if (!last) return `${today.slice(0, 4)}-${Number(today.slice(5, 7)) <= 6 ? '01' : '07'}-01`;
  const year = Number(last.slice(0, 4));
  return last.slice(5, 7) === '01' ? `${year}-07-01` : `${year + 1}-01-01`;
}
