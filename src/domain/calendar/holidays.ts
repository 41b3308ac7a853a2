/**
 * French public holidays (jours fériés, Code du travail L3133-1) for any Gregorian year.
 * Alsace-Moselle's two extra days (Good Friday, 26 December) are not included: the creditor's calendar
 * is national here.
 */
import { addDays, isoDate } from './isoDate';

export const HOLIDAY_CODES = [
  'new_year',
  'easter_monday',
  'labour_day',
  'victory_1945',
  'ascension',
  'whit_monday',
  'bastille_day',
  'assumption',
  'all_saints',
  'armistice_1918',
  'christmas',
] as const;
export type HolidayCode = (typeof HOLIDAY_CODES)[number];

export interface Holiday {
  date: string;
  code: HolidayCode;
}

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

const cache = new Map<number, Holiday[]>();

/** The eleven holidays of `year`, sorted by date. Ascension and Whit Monday can fall in May or June. */
export function frenchHolidays(year: number): readonly Holiday[] {
  const hit = cache.get(year);
  if (hit) return hit;
  const easter = easterSunday(year);
  const list: Holiday[] = [
    { date: isoDate(year, 1, 1), code: 'new_year' },
    { date: addDays(easter, 1), code: 'easter_monday' },
    { date: isoDate(year, 5, 1), code: 'labour_day' },
    { date: isoDate(year, 5, 8), code: 'victory_1945' },
    { date: addDays(easter, 39), code: 'ascension' },
    { date: addDays(easter, 50), code: 'whit_monday' },
    { date: isoDate(year, 7, 14), code: 'bastille_day' },
    { date: isoDate(year, 8, 15), code: 'assumption' },
    { date: isoDate(year, 11, 1), code: 'all_saints' },
    { date: isoDate(year, 11, 11), code: 'armistice_1918' },
    { date: isoDate(year, 12, 25), code: 'christmas' },
  ];
  list.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  cache.set(year, list);
  return list;
}

/** The holiday falling on `date`, if any (several can coincide, e.g. 1 May and Ascension in 2008). */
export function holidayOn(date: string): HolidayCode | undefined {
  const day = date.slice(0, 10);
  return frenchHolidays(Number(day.slice(0, 4))).find((h) => h.date === day)?.code;
}

export function isFrenchHoliday(date: string): boolean {
  return holidayOn(date) !== undefined;
}
