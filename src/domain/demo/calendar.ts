/**
 * Calendar arithmetic on ISO dates, in UTC so a timezone never shifts a demo date by one day.
 * Every demo date is an offset from `today`, which keeps the portfolio current whenever it is generated.
 */
const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Validates `today` and returns its UTC midnight in ms; throws on anything but a real `YYYY-MM-DD` date. */
export function parseIsoDate(iso: string): number {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${iso}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== iso) throw new RangeError(`not a calendar date: ${iso}`);
  return ms;
}

export function addDays(iso: string, days: number): string {
  return new Date(parseIsoDate(iso) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseIsoDate(to) - parseIsoDate(from)) / DAY_MS);
}

/** An instant on a given day; `time` is `HH:MM` in UTC (working hours in Paris are 07:00–17:00 UTC). */
export function instant(isoDate: string, time: string): string {
  return `${isoDate}T${time}:00.000Z`;
}

/**
 * Dates at offsets from one origin, computed once: the large generator asks for hundreds of thousands of
 * dates, and a table lookup is far cheaper than building a Date each time.
 */
export class DayTable {
  private readonly days: string[] = [];

  constructor(
    private readonly origin: string,
    private readonly minOffset: number,
    maxOffset: number,
  ) {
    const base = parseIsoDate(origin);
    for (let d = minOffset; d <= maxOffset; d++) {
      this.days.push(new Date(base + d * DAY_MS).toISOString().slice(0, 10));
    }
  }

  at(offset: number): string {
    return this.days[offset - this.minOffset] ?? addDays(this.origin, offset);
  }
}
