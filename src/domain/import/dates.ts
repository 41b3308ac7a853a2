/**
 * Dates as exports write them, to ISO `YYYY-MM-DD`: `dd/mm/yyyy` (also with `-` or `.`, and `dd/mm/yy` read
 * as 20yy), `yyyy-mm-dd` (a spreadsheet's `yyyy-mm-dd hh:mm:ss` keeps its date), and the FEC's `YYYYMMDD`.
 * Day-first only: a French file never writes the month first, and 03/04 read the American way would move a due
 * date by a month. Impossible dates (31/02, 29/02 of a common year) are refused, never rolled over.
 */
const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function parseImportDate(raw: string): string | undefined {
  const text = raw.trim();
  let m = DAY_FIRST.exec(text);
  if (m) {
    const year = (m[3] as string).length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return calendarDate(year, Number(m[2]), Number(m[1]));
  }
  m = ISO.exec(text) ?? COMPACT.exec(text);
  if (m) return calendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return undefined;
}

function calendarDate(year: number, month: number, day: number): string | undefined {
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return undefined;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = month === 2 ? (leap ? 29 : 28) : (DAYS_IN_MONTH[month - 1] as number);
  if (day > daysInMonth) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
