/**
 * Business days in France: Monday to Friday, minus public holidays. Follow-up tasks, reminder dates and
 * promise grace periods are all counted with these, so an agent is never asked to call on 14 July.
 */
import { isFrenchHoliday } from './holidays';
import { addDays, isWeekend } from './isoDate';

export { addDays, daysBetween } from './isoDate';

export function isBusinessDay(date: string): boolean {
  return !isWeekend(date) && !isFrenchHoliday(date);
}

/** The first business day strictly after `date`. */
export function nextBusinessDay(date: string): string {
  let d = addDays(date, 1);
  while (!isBusinessDay(d)) d = addDays(d, 1);
  return d;
}

/** The first business day strictly before `date`. */
export function previousBusinessDay(date: string): string {
  let d = addDays(date, -1);
  while (!isBusinessDay(d)) d = addDays(d, -1);
  return d;
}

/** `date` itself when it is a business day, else the next one ("modified following" without the month rule). */
export function businessDayOnOrAfter(date: string): string {
  return isBusinessDay(date) ? date.slice(0, 10) : nextBusinessDay(date);
}

/**
 * Moves `n` business days from `date` (backwards when `n` is negative). `n = 0` returns `date` unchanged,
 * even on a weekend: callers that need a working day ask for `businessDayOnOrAfter`.
 */
export function addBusinessDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Business days must be whole: ${n}`);
  let d = date.slice(0, 10);
  for (let left = Math.abs(n); left > 0; left--) d = n > 0 ? nextBusinessDay(d) : previousBusinessDay(d);
  return d;
}

/** Business days in (from, to]: how many working days a debtor really had. Negative when `to` < `from`. */
export function businessDaysBetween(from: string, to: string): number {
  if (to < from) return -businessDaysBetween(to, from);
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isBusinessDay(d)) count++;
  return count;
}
