import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, dayOfWeek, daysBetween, fromDayNumber, isWeekend, toDayNumber } from './isoDate';

describe('isoDate', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('does not drift across daylight-saving changes', () => {
    // Paris switches to summer time on 2025-03-30 and back on 2025-10-26.
    expect(addDays('2025-03-29', 2)).toBe('2025-03-31');
    expect(addDays('2025-10-25', 2)).toBe('2025-10-27');
    expect(daysBetween('2025-03-01', '2025-11-01')).toBe(245);
  });

  it('counts days between dates, signed', () => {
    expect(daysBetween('2024-01-31', '2024-03-01')).toBe(30);
    expect(daysBetween('2024-03-01', '2024-01-31')).toBe(-30);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-05-05', '2025-05-05')).toBe(0);
  });

  it('knows the day of the week', () => {
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('2025-07-14')).toBe(1);
    expect(dayOfWeek('1969-12-31')).toBe(3);
    expect(isWeekend('2025-07-12')).toBe(true);
    expect(isWeekend('2025-07-11')).toBe(false);
  });

  it('accepts a datetime by its date part and refuses impossible dates', () => {
    expect(toDayNumber('2025-01-02T23:59:00Z')).toBe(toDayNumber('2025-01-02'));
    expect(() => toDayNumber('2025-02-30')).toThrow(RangeError);
    expect(() => toDayNumber('25-1-2')).toThrow(RangeError);
  });

  it('round-trips any day number and keeps addDays/daysBetween consistent', () => {
    fc.assert(
      fc.property(fc.integer({ min: -20_000, max: 60_000 }), fc.integer({ min: -800, max: 800 }), (day, n) => {
        const d = fromDayNumber(day);
        expect(toDayNumber(d)).toBe(day);
        expect(daysBetween(d, addDays(d, n))).toBe(n);
      }),
    );
  });
});
