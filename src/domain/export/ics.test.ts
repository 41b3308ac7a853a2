import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { escapeText, foldLine, writeIcs, type IcsItem } from './ics';

const callBack: IcsItem = {
  component: 'VEVENT',
  uid: 'task-42@cadence',
  stamp: '2025-07-07T08:45:12Z',
  summary: 'Rappeler Mme Roux — Dupont Bâtiment, factures F-2025-0142; F-2025-0157',
  description: 'Promesse : 1 740,60 € le 22/07/2025.\nVérifier la réception du virement.',
  date: '2025-07-15',
  time: '14:30',
  durationMinutes: 20,
  alarmMinutesBefore: 10,
};

const parse = (ics: string) => new ICAL.Component(ICAL.parse(ics));

describe('writeIcs', () => {
  const ics = writeIcs(callBack);

  it('uses CRLF and folds every line at 75 octets', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });

  it('parses with ical.js into the same event, at 14:30 Paris time', () => {
    const cal = parse(ics);
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    const event = new ICAL.Event(cal.getFirstSubcomponent('vevent') ?? undefined);
    expect(event.uid).toBe('task-42@cadence');
    expect(event.summary).toBe(callBack.summary);
    expect(event.description).toBe(callBack.description);
    expect(event.startDate.toJSDate().toISOString()).toBe('2025-07-15T12:30:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2025-07-15T12:50:00.000Z');
    const alarm = cal.getFirstSubcomponent('vevent')?.getFirstSubcomponent('valarm');
    expect(String(alarm?.getFirstPropertyValue('trigger'))).toBe('-PT10M');
    const stamp = cal.getFirstSubcomponent('vevent')?.getFirstPropertyValue('dtstamp') as ICAL.Time;
    expect(stamp.toJSDate().toISOString()).toBe('2025-07-07T08:45:12.000Z');
  });

  it('writes a day-long VTODO with a DATE due the next day', () => {
    const todo = parse(writeIcs({ component: 'VTODO', uid: 't-1', stamp: '2025-07-07T08:00:00Z', summary: 'Vérifier la promesse', date: '2025-07-24' }));
    const vtodo = todo.getFirstSubcomponent('vtodo');
    const start = vtodo?.getFirstPropertyValue('dtstart') as ICAL.Time;
    const due = vtodo?.getFirstPropertyValue('due') as ICAL.Time;
    expect(start.isDate).toBe(true);
    expect(start.toString()).toBe('2025-07-24');
    expect(due.toString()).toBe('2025-07-25');
    expect(vtodo?.getFirstPropertyValue('status')).toBe('NEEDS-ACTION');
  });

  it('puts several items in one calendar', () => {
    const cal = parse(writeIcs([callBack, { ...callBack, uid: 'task-43@cadence', time: '09:00' }]));
    expect(cal.getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('uid'))).toEqual(['task-42@cadence', 'task-43@cadence']);
  });
});

describe('escaping and folding', () => {
  it('escapes TEXT specials', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });

  it('folds without splitting a multi-byte character', () => {
    const folded = foldLine(`SUMMARY:${'é'.repeat(60)}`);
    const lines = folded.split('\r\n');
    expect(lines.length).toBe(2);
    expect(lines[1]?.startsWith(' ')).toBe(true);
    expect(lines.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(`SUMMARY:${'é'.repeat(60)}`);
    for (const l of lines) expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75);
  });
});
