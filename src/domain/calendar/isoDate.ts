/**
 * Calendar arithmetic on `YYYY-MM-DD` strings. Every computation goes through a day number counted in UTC
 * (days since 1970-01-01), so the host's timezone and daylight-saving shifts can never move a date.
 */
const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of an ISO date (also accepts an ISO datetime, whose first 10 characters are the date). */
export function toDayNumber(isoDate: string): number {
  const m = ISO_DATE.exec(isoDate.slice(0, 10));
  if (!m) throw new RangeError(`Not an ISO date: ${isoDate}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  // Date.UTC silently rolls 2025-02-30 over to March: refuse it instead of computing on a wrong day.
  if (new Date(ms).getUTCDate() !== d) throw new RangeError(`Not a calendar date: ${isoDate}`);
  return Math.round(ms / MS_PER_DAY);
}

export function fromDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function isoDate(year: number, month: number, day: number): string {
  return fromDayNumber(Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY));
}

export function addDays(isoDate: string, days: number): string {
  return fromDayNumber(toDayNumber(isoDate) + days);
}

/** Whole days from `from` to `to`: positive when `to` is later, 0 on the same day. */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** 0 = Sunday … 6 = Saturday, as `Date#getUTCDay`. 1970-01-01 was a Thursday. */
export function dayOfWeek(isoDate: string): number {
  return (((toDayNumber(isoDate) + 4) % 7) + 7) % 7;
}

export function isWeekend(isoDate: string): boolean {
  const d = dayOfWeek(isoDate);
  return d === 0 || d === 6;
}

export function maxDate(a: string, b: string): string {
  return a >= b ? a : b;
}

export function minDate(a: string, b: string): string {
  return a <= b ? a : b;
}
