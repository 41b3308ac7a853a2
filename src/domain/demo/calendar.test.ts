import { describe, expect, it } from 'vitest';
import { addDays, DayTable, daysBetween, instant, parseIsoDate } from './calendar';

describe('calendar', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-11-23', 8)).toBe('2026-12-01');
    expect(addDays('2026-01-05', -6)).toBe('2025-12-30');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
  });

  it('counts days between dates, both ways', () => {
    expect(daysBetween('2026-11-17', '2026-11-23')).toBe(6);
    expect(daysBetween('2026-11-23', '2026-03-29')).toBe(-239);
  });

  it('rejects what is not a calendar date', () => {
    expect(() => parseIsoDate('2026-02-29')).toThrow(RangeError);
    expect(() => parseIsoDate('2026-1-5')).toThrow(RangeError);
    expect(parseIsoDate('2026-01-01')).toBe(Date.UTC(2026, 0, 1));
  });

  it('builds instants and a day table that agrees with addDays, even outside its range', () => {
    expect(instant('2026-11-23', '09:30')).toBe('2026-11-23T09:30:00.000Z');
    const table = new DayTable('2026-11-23', -400, 90);
    for (const offset of [-400, -123, 0, 37, 90, 500, -900]) expect(table.at(offset)).toBe(addDays('2026-11-23', offset));
  });
});
