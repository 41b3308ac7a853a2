/**
 * Months in the interface's language, for the KPI table and chart: "janv. 2026" rather than "2026-01",
 * and uPlot's month and weekday names (its defaults are English). Computed in UTC: a month is a calendar
 * month, not an instant in the device's time zone.
 */
import type uPlot from 'uplot';

// Building an Intl formatter costs far more than formatting with it: the table and the chart ask for dozens.
const monthFormats = new Map<string, Intl.DateTimeFormat>();

/** "2026-01" → "janv. 2026" (fr) / "Jan 2026" (en). */
export function monthLabel(month: string, locale: string): string {
  let format = monthFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
    monthFormats.set(locale, format);
  }
  return format.format(new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1)));
}

/** The names uPlot's date templates ({MMM}, {WWW}…) print, in `locale`. */
export function chartDateNames(locale: string): uPlot.DateNames {
  const month = (style: 'long' | 'short') => {
    const f = new Intl.DateTimeFormat(locale, { month: style, timeZone: 'UTC' });
    return Array.from({ length: 12 }, (_, m) => f.format(new Date(Date.UTC(2026, m, 1))));
  };
  const weekday = (style: 'long' | 'short') => {
    const f = new Intl.DateTimeFormat(locale, { weekday: style, timeZone: 'UTC' });
    // 2026-02-01 is a Sunday: uPlot's weekday 0.
    return Array.from({ length: 7 }, (_, d) => f.format(new Date(Date.UTC(2026, 1, 1 + d))));
  };
  return { MMMM: month('long'), MMM: month('short'), WWWW: weekday('long'), WWW: weekday('short') };
}
