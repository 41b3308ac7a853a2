/**
 * Wall-clock time in the agent's time zone (Europe/Paris by default) from and to UTC instants, using Intl
 * only. Office hours and "call back at 14:30" are wall-clock facts; instants at rest stay in UTC.
 */
export const DEFAULT_TIME_ZONE = 'Europe/Paris';

export interface WallTime {
  /** `YYYY-MM-DD` in the zone. */
  date: string;
  /** Minutes since local midnight, 0–1439. */
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function parts(ms: number, timeZone: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return out;
}

/** Offset of the zone from UTC at that instant, in minutes (Paris: +60 in winter, +120 in summer). */
export function zoneOffsetMinutes(ms: number, timeZone = DEFAULT_TIME_ZONE): number {
  const p = parts(ms, timeZone);
  const asUtc = Date.UTC(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

export function toWallTime(instant: string | number, timeZone = DEFAULT_TIME_ZONE): WallTime {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  const local = ms + zoneOffsetMinutes(ms, timeZone) * 60_000;
  const iso = new Date(local).toISOString();
  return { date: iso.slice(0, 10), minutes: Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16)) };
}

/**
 * The UTC instant (epoch ms) of a wall-clock time. In the spring-forward gap (02:00–03:00 in Paris) the
 * result lands one hour later; in the autumn overlap the earlier instant wins. Office hours never touch either.
 */
export function fromWallTime(date: string, minutes: number, timeZone = DEFAULT_TIME_ZONE): number {
  const naive = Date.parse(`${date.slice(0, 10)}T00:00:00Z`) + minutes * 60_000;
  // Offsets a day either side bracket any transition; try both and keep the earliest that reads back right.
  const before = zoneOffsetMinutes(naive - 86_400_000, timeZone);
  const after = zoneOffsetMinutes(naive + 86_400_000, timeZone);
  const valid = [before, after]
    .map((off) => naive - off * 60_000)
    .filter((t) => {
      const w = toWallTime(t, timeZone);
      return w.date === date.slice(0, 10) && w.minutes === minutes;
    });
  return valid.length > 0 ? Math.min(...valid) : naive - before * 60_000;
}

/** `HH:MM` ↔ minutes since midnight. */
export function parseHhMm(hhmm: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) throw new RangeError(`Not a time of day: ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

export function formatHhMm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
