import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addBusinessDays,
  businessDayOnOrAfter,
  businessDaysBetween,
  isBusinessDay,
  nextBusinessDay,
  previousBusinessDay,
} from './businessDays';
import { fromDayNumber } from './isoDate';

describe('business days', () => {
  it('excludes weekends and holidays', () => {
    expect(isBusinessDay('2025-07-11')).toBe(true); // Friday
    expect(isBusinessDay('2025-07-12')).toBe(false); // Saturday
    expect(isBusinessDay('2025-07-14')).toBe(false); // Bastille Day, a Monday
    expect(isBusinessDay('2025-06-09')).toBe(false); // Whit Monday
  });

  it('finds the next and previous business day over long weekends', () => {
    expect(nextBusinessDay('2025-07-11')).toBe('2025-07-15'); // Fri → Tue after 14 July
    expect(nextBusinessDay('2025-04-18')).toBe('2025-04-22'); // Fri → Tue after Easter Monday
    expect(nextBusinessDay('2025-12-24')).toBe('2025-12-26');
    expect(previousBusinessDay('2025-07-15')).toBe('2025-07-11');
    expect(previousBusinessDay('2026-01-02')).toBe('2025-12-31');
  });

  it('rolls a non-working day forward but leaves a working day alone', () => {
    expect(businessDayOnOrAfter('2025-05-01')).toBe('2025-05-02');
    expect(businessDayOnOrAfter('2025-05-02')).toBe('2025-05-02');
    expect(businessDayOnOrAfter('2025-05-03')).toBe('2025-05-05');
  });

  it('adds business days forwards and backwards', () => {
    // Thu 2025-05-08 is a holiday: from Wed 7 May, +1 is Fri 9 May, +2 is Mon 12 May.
    expect(addBusinessDays('2025-05-07', 1)).toBe('2025-05-09');
    expect(addBusinessDays('2025-05-07', 2)).toBe('2025-05-12');
    // Ascension Thu 2025-05-29: five business days after Mon 26 May is Tue 3 June.
    expect(addBusinessDays('2025-05-26', 5)).toBe('2025-06-03');
    expect(addBusinessDays('2025-05-12', -2)).toBe('2025-05-07');
    expect(addBusinessDays('2025-05-10', 0)).toBe('2025-05-10');
    expect(() => addBusinessDays('2025-05-10', 1.5)).toThrow(RangeError);
  });

  it('counts business days in a half-open interval', () => {
    expect(businessDaysBetween('2025-07-11', '2025-07-18')).toBe(4); // 15, 16, 17, 18
    expect(businessDaysBetween('2025-07-18', '2025-07-11')).toBe(-4);
    expect(businessDaysBetween('2025-07-11', '2025-07-11')).toBe(0);
  });

  it('always lands on a business day and inverts with the opposite move', () => {
    fc.assert(
      fc.property(fc.integer({ min: 18_000, max: 24_000 }), fc.integer({ min: 1, max: 40 }), (day, n) => {
        const start = businessDayOnOrAfter(fromDayNumber(day));
        const end = addBusinessDays(start, n);
        expect(isBusinessDay(end)).toBe(true);
        expect(businessDaysBetween(start, end)).toBe(n);
        expect(addBusinessDays(end, -n)).toBe(start);
      }),
      { numRuns: 200 },
    );
  });
});
