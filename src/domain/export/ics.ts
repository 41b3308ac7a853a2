/**
 * An RFC 5545 calendar file for a follow-up task, so the agent can put "call Dupont back at 14:30" in
 * their own calendar. Timed tasks are written in UTC (converted from the agent's wall clock), which needs
 * no VTIMEZONE block; day-only tasks use DATE values. CRLF line endings, lines folded at 75 octets
 * without splitting a UTF-8 character, TEXT values escaped.
 */
import { addDays } from '../calendar/isoDate';
import { DEFAULT_TIME_ZONE, fromWallTime, parseHhMm } from '../calendar/zonedTime';
import { chunkByBytes, utf8Length } from './encoding';

export interface IcsItem {
  component: 'VEVENT' | 'VTODO';
  /** Globally unique, stable across re-exports of the same task so calendars update instead of duplicating. */
  uid: string;
  /** ISO instant the file is produced (DTSTAMP). */
  stamp: string;
  summary: string;
  description?: string;
  date: string;
  /** Local `HH:MM` in `timeZone`; without it the item lasts the whole day. */
  time?: string;
  durationMinutes?: number;
  timeZone?: string;
  /** Minutes before the start to show a reminder. */
  alarmMinutesBefore?: number;
}

export interface IcsOptions {
  prodId?: string;
}

const CRLF = '\r\n';
export const DEFAULT_PROD_ID = '-//Cadence//Follow-ups//EN';
const DEFAULT_DURATION_MINUTES = 15;

export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n?|\n/g, '\\n');
}

/** RFC 5545 §3.1: at most 75 octets per line; continuation lines start with one space. */
export function foldLine(line: string): string {
  if (utf8Length(line) <= 75) return line;
  const [first = '', ...rest] = chunkByBytes(line, 75);
  const tail = chunkByBytes(rest.join(''), 74);
  return [first, ...tail.filter(Boolean).map((c) => ` ${c}`)].join(CRLF);
}

const basicUtc = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
const basicDate = (iso: string) => iso.slice(0, 10).replace(/-/g, '');

function itemLines(item: IcsItem): string[] {
  const tz = item.timeZone ?? DEFAULT_TIME_ZONE;
  const lines = [`BEGIN:${item.component}`, `UID:${item.uid}`, `DTSTAMP:${basicUtc(Date.parse(item.stamp))}`];
  const todo = item.component === 'VTODO';
  if (item.time) {
    const start = fromWallTime(item.date, parseHhMm(item.time), tz);
    const end = start + (item.durationMinutes ?? DEFAULT_DURATION_MINUTES) * 60_000;
    lines.push(`DTSTART:${basicUtc(start)}`, todo ? `DUE:${basicUtc(end)}` : `DTEND:${basicUtc(end)}`);
  } else {
    lines.push(`DTSTART;VALUE=DATE:${basicDate(item.date)}`);
    lines.push(`${todo ? 'DUE' : 'DTEND'};VALUE=DATE:${basicDate(addDays(item.date, 1))}`);
  }
  lines.push(`SUMMARY:${escapeText(item.summary)}`);
  if (item.description) lines.push(`DESCRIPTION:${escapeText(item.description)}`);
  if (todo) lines.push('STATUS:NEEDS-ACTION');
  if (item.alarmMinutesBefore !== undefined) {
    lines.push(
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `TRIGGER:-PT${Math.max(0, Math.round(item.alarmMinutesBefore))}M`,
      `DESCRIPTION:${escapeText(item.summary)}`,
      'END:VALARM',
    );
  }
  lines.push(`END:${item.component}`);
  return lines;
}

export function writeIcs(items: IcsItem | readonly IcsItem[], options: IcsOptions = {}): string {
  const list = Array.isArray(items) ? items : [items as IcsItem];
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${options.prodId ?? DEFAULT_PROD_ID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...list.flatMap(itemLines),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join(CRLF)}${CRLF}`;
}
