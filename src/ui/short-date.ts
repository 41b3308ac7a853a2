import { calendarDay } from '../domain/format';

/** Compact dates for dense rows: "20 nov." this year, "20 nov. 2025" otherwise; the year is noise in a worklist. */
const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, withYear: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withYear}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'short',
      ...(withYear ? { year: 'numeric' } : {}),
      timeZone: 'UTC',
    });
    formats.set(key, f);
  }
  return f;
}

export function formatShortDate(isoDate: string, today: string, locale: string): string {
  const withYear = isoDate.slice(0, 4) !== today.slice(0, 4);
  return formatter(locale, withYear).format(new Date(`${calendarDay(isoDate)}T00:00:00Z`));
}
