/**
 * Amounts as exports write them, to integer cents, without ever going through a float.
 *
 * Accepted: `1234.56`, `1234,56`, `1 234,56` (space, no-break space U+00A0, narrow no-break space U+202F or
 * thin space as thousands separator), `1.234,56`, `1,234.56`, `-1 234,56`, `1 234,56-`, `(1 234,56)` (an
 * accountant's credit note), a leading `+`, and a currency sign or code (`€`, `EUR`) on either side.
 * - When both `,` and `.` appear, the last one is the decimal separator and the other groups thousands.
 * - A lone `,` is the decimal separator (French exports). A lone `.` is decimal too, except in `1.234.567`,
 *   where it repeats in groups of three; `1.234` alone is ambiguous and refused rather than read 1 000 times
 *   too small or too large.
 * - At most two decimals, unless the extra ones are zeros (`12,5000` from a spreadsheet is 12,50).
 * Anything else is refused: an amount the agent would chase must never be guessed.
 */
export type AmountResult = { ok: true; cents: number } | { ok: false };

const SPACES = /[\s\u00a0\u202f\u2009']/g;
const CURRENCY = /^(?:€|eur)|(?:€|eur)$/i;
const MAX_CENTS = Number.MAX_SAFE_INTEGER;

export function parseAmountCents(raw: string): AmountResult {
  let text = raw.trim();
  if (text === '') return { ok: false };
  let negative = false;
  if (text.startsWith('(') && text.endsWith(')')) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  text = text.replace(CURRENCY, '').trim();
  if (text.startsWith('-') || text.startsWith('+')) {
    if (text.startsWith('-')) negative = !negative;
    text = text.slice(1);
  } else if (text.endsWith('-')) {
    negative = !negative;
    text = text.slice(0, -1);
  }
  text = text.replace(CURRENCY, '').replace(SPACES, '');
  if (!/^[\d.,]+$/.test(text) || !/\d/.test(text)) return { ok: false };

  const split = splitDecimal(text);
  if (!split) return { ok: false };
  const [whole, fraction] = split;
  if (!/^\d+$/.test(whole || '0') || !/^\d*$/.test(fraction)) return { ok: false };
  if (fraction.length > 2 && !/^0+$/.test(fraction.slice(2))) return { ok: false };
  const cents = Number(whole || '0') * 100 + Number(fraction.slice(0, 2).padEnd(2, '0'));
  if (!Number.isSafeInteger(cents) || cents > MAX_CENTS) return { ok: false };
  return { ok: true, cents: negative && cents !== 0 ? -cents : cents };
}

/** Whole and fraction digits, thousands separators removed; undefined when the separators make no sense. */
function splitDecimal(text: string): [string, string] | undefined {
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  if (lastComma === -1 && lastDot === -1) return [text, ''];
  if (lastComma !== -1 && lastDot !== -1) {
    const decimalAt = Math.max(lastComma, lastDot);
    const group = lastComma > lastDot ? '.' : ',';
    const whole = text.slice(0, decimalAt);
    if (!isGrouped(whole, group)) return undefined;
    return [whole.split(group).join(''), text.slice(decimalAt + 1)];
  }
  const sep = lastComma !== -1 ? ',' : '.';
  const parts = text.split(sep);
  if (parts.length === 2) {
    const [whole, fraction] = parts as [string, string];
    // "1.234": a thousands dot or a three-decimal amount? Refuse rather than guess.
    if (sep === '.' && fraction.length === 3 && !/^0+$/.test(fraction)) return undefined;
    return [whole, fraction];
  }
  // Several of the same separator: thousands groups, no decimals ("1.234.567", "1,234,567").
  return isGrouped(text, sep) ? [parts.join(''), ''] : undefined;
}

/** `1.234.567`: a first group of 1 to 3 digits, then groups of exactly 3. */
function isGrouped(text: string, sep: string): boolean {
  if (!text.includes(sep)) return true;
  const parts = text.split(sep);
  return /^\d{1,3}$/.test(parts[0] ?? '') && parts.slice(1).every((p) => /^\d{3}$/.test(p));
}
