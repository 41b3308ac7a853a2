/**
 * A promise to pay on a Saturday, a Sunday or a French public holiday is not refused — the debtor said it —
 * but banks do not move money that day, so the agent is told and offered the next business day.
 */
import { isBusinessDay, nextBusinessDay } from '../calendar/businessDays';
import { holidayOn, type HolidayCode } from '../calendar/holidays';
import { IsoDate } from '../entities';

export type PromiseDayNotice = { kind: 'weekend'; next: string } | { kind: 'holiday'; holiday: HolidayCode; next: string };

export function promiseDayNotice(date: string): PromiseDayNotice | null {
  if (!IsoDate.safeParse(date).success || isBusinessDay(date)) return null;
  const next = nextBusinessDay(date);
  const holiday = holidayOn(date);
  return holiday ? { kind: 'holiday', holiday, next } : { kind: 'weekend', next };
}
