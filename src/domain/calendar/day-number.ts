/**
 * Day numbers of ISO dates, without Date: the worklist computes one for every open item of 50,000 debtors,
 * and summaries store them (domain/summary.ts). Apart from ../worklist.ts so that writing a summary, which
 * the page's storage code does, does not bring the worklist's sorting (and its Intl.Collator, built when the
 * module loads) into the first screen's chunk.
 */

/** The number the 2 (or 4) characters at `at` spell in decimal, NaN when one is not a digit. */
function digitsAt(text: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number.NaN;
    n = n * 10 + d;
  }
  return n;
}

/**
 * Days since 1970-01-01 of the `YYYY-MM-DD` a text starts with (proleptic Gregorian, H. Hinnant's
 * days_from_civil), NaN when it does not start with one. Arithmetic rather than Date.parse on a built string:
 * the worklist calls this for every open item of 50,000 debtors, and that parse was its costliest line.
 */
export function isoDayNumber(iso: string): number {
  if (iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return Number.NaN;
  const y = digitsAt(iso, 0, 4);
  const m = digitsAt(iso, 5, 2);
  const d = digitsAt(iso, 8, 2);
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31)) return Number.NaN;
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yearOfEra = yy - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}
