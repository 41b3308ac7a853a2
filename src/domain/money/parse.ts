/**
 * The one reader of amounts and rates typed by people, for every form of the app (call captures, promise,
 * plan, payment, penalties). Agents type what their keyboard and habit give them: "1 234,56", "1234,56",
 * "1.234,56", "1234.56", "1,234.56", with ordinary, no-break (U+00A0) or narrow no-break (U+202F) spaces
 * between thousands, often with "€" or "%". Everything is read to integers (cents, basis points); no float
 * ever touches the money.
 *
 * The UI language only settles the one ambiguous case, a single separator followed by exactly three digits:
 * in French "1.234" groups thousands and "1,234" has three decimals (refused); in English it is the reverse.
 * When both "," and "." appear, the last one is the decimal mark whatever the language, because nobody
 * groups after the decimals. Negative amounts and anything with letters are refused.
 */

export type MoneyLocale = 'fr' | 'en';

/** Integer cents (or basis points); `null` for an empty field; `'invalid'` when it is not a number we accept. */
export type Reading = number | null | 'invalid';

const SPACES = /[\s\u00a0\u202f]/g;
const DECIMAL_MARK: Record<MoneyLocale, ',' | '.'> = { fr: ',', en: '.' };

/** `1 234` with every group of three digits after the first group of one to three. */
function ungroup(whole: string, separator: string): string | undefined {
  if (!whole.includes(separator)) return /^\d+$/.test(whole) ? whole : undefined;
  const groups = whole.split(separator);
  const [first, ...rest] = groups;
  if (!first || !/^\d{1,3}$/.test(first) || !rest.every((g) => /^\d{3}$/.test(g))) return undefined;
  return groups.join('');
}

/**
 * The whole and fractional digits of a typed decimal: spaces removed after checking they group by three,
 * the decimal mark found as explained above. `grouping: false` refuses thousands separators (rates).
 */
function decimalDigits(text: string, locale: MoneyLocale, maxDecimals: number, grouping: boolean): [string, string] | undefined {
  const spaced = text.trim().replace(SPACES, ' ');
  if (!/^\d[\d., ]*$/.test(spaced) || !/\d$/.test(spaced)) return undefined;
  const lastComma = spaced.lastIndexOf(',');
  const lastDot = spaced.lastIndexOf('.');
  let decimalAt = Math.max(lastComma, lastDot);
  if (decimalAt !== -1) {
    const mark = spaced[decimalAt] as ',' | '.';
    const onlyOneKind = lastComma === -1 || lastDot === -1;
    const repeated = spaced.indexOf(mark) !== decimalAt;
    const threeAfter = spaced.length - decimalAt - 1 === 3;
    // "1.234.567" groups; "1.234" groups in French only; "1,234" groups in English only.
    if (grouping && onlyOneKind && (repeated || (threeAfter && mark !== DECIMAL_MARK[locale]))) decimalAt = -1;
  }
  const whole = decimalAt === -1 ? spaced : spaced.slice(0, decimalAt);
  const fraction = decimalAt === -1 ? '' : spaced.slice(decimalAt + 1);
  if (!/^\d*$/.test(fraction) || fraction.length > maxDecimals || (decimalAt !== -1 && fraction === '')) return undefined;
  const separators = new Set(whole.replace(/\d/g, ''));
  if (separators.size > 1 || (!grouping && separators.size > 0)) return undefined;
  const [separator] = separators;
  const digits = separator === undefined ? whole : ungroup(whole, separator);
  if (digits === undefined || digits === '') return undefined;
  return [digits, fraction.padEnd(maxDecimals, '0')];
}

function toHundredths(parts: [string, string] | undefined): number | 'invalid' {
  if (!parts) return 'invalid';
  const value = Number(parts[0]) * 100 + Number(parts[1]);
  return Number.isSafeInteger(value) ? value : 'invalid';
}

/** Strips one unit sign typed before or after the number ("€", "EUR", "%"). */
function withoutUnit(text: string, unit: RegExp): string {
  return text.trim().replace(unit, '').trim();
}

/** "1 234,56 €" → 123456 cents; at most two decimals. */
export function readAmountCents(text: string, locale: MoneyLocale): Reading {
  const bare = withoutUnit(text, /^(€|eur)\s*|\s*(€|eur)$/i);
  if (bare === '') return text.trim() === '' ? null : 'invalid';
  return toHundredths(decimalDigits(bare, locale, 2, true));
}

/**
 * "2,15" or "12.5 %" → 215 / 1250 basis points; at most two decimals. A rate never groups thousands, so a
 * lone comma or dot is always the decimal mark and the language does not matter.
 */
export function readPercentBp(text: string): Reading {
  const bare = withoutUnit(text, /\s*%$/);
  if (bare === '') return text.trim() === '' ? null : 'invalid';
  return toHundredths(decimalDigits(bare, 'fr', 2, false));
}

/** The number read, or undefined for an empty or refused field (forms where both mean "not a value"). */
export function readingValue(reading: Reading): number | undefined {
  return typeof reading === 'number' ? reading : undefined;
}

/** 123450 → "1234,50" (fr) or "1234.50" (en): an editable value, no grouping nor currency, read back exactly. */
export function centsToInput(cents: number, locale: MoneyLocale): string {
  const text = (cents / 100).toFixed(2);
  return locale === 'fr' ? text.replace('.', ',') : text;
}

/** 215 bp → "2,15" (fr) or "2.15" (en). */
export const bpToInput = centsToInput;
