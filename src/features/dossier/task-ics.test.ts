import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { makeTask } from '../../../tests/fixtures/db/builders';
import { taskIcs, taskIcsFileName } from './task-ics';

function firstEvent(text: string) {
  const component = new ICAL.Component(ICAL.parse(text));
  const event = component.getFirstSubcomponent('vevent');
  if (!event) throw new Error('no VEVENT');
  return new ICAL.Event(event);
}

describe('taskIcs (parsed by ical.js)', () => {
  it('a timed call-back: 14:30 Paris is 13:30 UTC in November, 15 minutes, with a reminder', () => {
    const task = makeTask({ dueDate: '2026-11-26', dueTime: '14:30', note: 'Rappeler la comptable; facture FA-1' });
    const text = taskIcs(task, { summary: 'Rappeler — Boulangerie Dupont', description: task.note }, '2026-11-23T10:00:00.000Z');
    const event = firstEvent(text);
    expect(event.uid).toBe('t1@cadence.app');
    expect(event.summary).toBe('Rappeler — Boulangerie Dupont');
    expect(event.description).toBe('Rappeler la comptable; facture FA-1');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-11-26T13:30:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-11-26T13:45:00.000Z');
    expect(text).toContain('TRIGGER:-PT10M');
    expect(text.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
  });

  it('a day-only task is an all-day event on its day', () => {
    const event = firstEvent(taskIcs(makeTask({ dueDate: '2026-12-01' }), { summary: 'Vérifier la promesse' }, '2026-11-23T10:00:00.000Z'));
    expect(event.startDate.isDate).toBe(true);
    expect(event.startDate.toString()).toBe('2026-12-01');
    expect(event.endDate.toString()).toBe('2026-12-02');
  });

  it('names the file after the day and the task', () => {
    expect(taskIcsFileName(makeTask({ id: 't/9', dueDate: '2026-12-01' }))).toBe('suivi-2026-12-01-t-9.ics');
  });
});
