/**
 * Amounts and rates typed by people, in French or English notation: "1 234,56", "1234.56", "1 234 €",
 * "2,15 %". Parsed to integers (cents, basis points) with no float ever touching the money.
 */
const SPACES = /[\s\u00a0\u202f]/g;

/** Whole and fractional digits of a decimal typed with a comma or a dot, or undefined when it is not one. */
function decimalParts(raw: string, maxDecimals: number, unit: RegExp): [string, string] | undefined {
  const text = raw.replace(SPACES, '').replace(unit, '').replace(',', '.');
  const match = new RegExp(`^(\\d+)(?:\\.(\\d{1,${maxDecimals}}))?$`).exec(text);
  if (!match) return undefined;
  return [match[1] ?? '0', (match[2] ?? '').padEnd(maxDecimals, '0')];
}

/** "1 234,56 €" → 123456; undefined when it is not an amount with at most two decimals. */
export function parseCents(raw: string): number | undefined {
  const parts = decimalParts(raw, 2, /€|eur$/i);
  if (!parts) return undefined;
  const cents = Number(parts[0]) * 100 + Number(parts[1]);
  return Number.isSafeInteger(cents) ? cents : undefined;
}

/** "2,15" or "2.15 %" → 215 bp; undefined when not a percentage with at most two decimals. */
export function parsePercentBp(raw: string): number | undefined {
  const parts = decimalParts(raw, 2, /%$/);
  if (!parts) return undefined;
  const bp = Number(parts[0]) * 100 + Number(parts[1]);
  return Number.isSafeInteger(bp) ? bp : undefined;
}

/** 123456 → "1234,56" (fr) or "1234.56" (en): an editable value, without grouping or currency sign. */
export function centsToInput(cents: number, lang: string): string {
  const text = (cents / 100).toFixed(2);
  return lang === 'fr' ? text.replace('.', ',') : text;
}

/** 215 bp → "2,15" (fr) or "2.15" (en). */
export const bpToInput = centsToInput;
