/** Locale-aware formatting through Intl only; callers pass the active locale so this stays pure. */
import { DEFAULT_TIME_ZONE, toWallTime } from './calendar/zonedTime';

const money = new Map<string, Intl.NumberFormat>();
const dates = new Map<string, Intl.DateTimeFormat>();

export function formatMoney(cents: number, locale: string, currency = 'EUR'): string {
  const key = `${locale}|${currency}`;
  let f = money.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'currency', currency });
    money.set(key, f);
  }
  return f.format(cents / 100);
}

/** The calendar day of a `YYYY-MM-DD` date as is, or of an instant in Europe/Paris (never its UTC day). */
export function calendarDay(isoDateOrInstant: string): string {
  return isoDateOrInstant.length > 10 ? toWallTime(isoDateOrInstant).date : isoDateOrInstant;
}

/** `YYYY-MM-DD` shown as a calendar date, without the timezone shifting it a day; an instant shows its Paris day. */
export function formatDate(isoDate: string, locale: string): string {
  let f = dates.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
    dates.set(locale, f);
  }
  return f.format(new Date(`${calendarDay(isoDate)}T00:00:00Z`));
}

/** An instant on the Paris clock, whatever zone the device is set to: the team works on Paris time. */
export function formatDateTime(isoDateTime: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone: DEFAULT_TIME_ZONE }).format(new Date(isoDateTime));
}
