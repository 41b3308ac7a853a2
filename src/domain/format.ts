/** Locale-aware formatting through Intl only; callers pass the active locale so this stays pure. */
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

/** `YYYY-MM-DD` shown as a calendar date, without the timezone shifting it a day. */
export function formatDate(isoDate: string, locale: string): string {
  let f = dates.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
    dates.set(locale, f);
  }
  return f.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

export function formatDateTime(isoDateTime: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(isoDateTime));
}
