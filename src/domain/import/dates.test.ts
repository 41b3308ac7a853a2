import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseImportDate } from './dates';

describe('parseImportDate', () => {
  it('reads the three written forms', () => {
    expect(parseImportDate('15/01/2026')).toBe('2026-01-15');
    expect(parseImportDate('5/1/2026')).toBe('2026-01-05');
    expect(parseImportDate('15-01-2026')).toBe('2026-01-15');
    expect(parseImportDate('15.01.26')).toBe('2026-01-15');
    expect(parseImportDate('2026-01-15')).toBe('2026-01-15');
    expect(parseImportDate('2026-01-15 00:00:00')).toBe('2026-01-15');
    expect(parseImportDate('20260115')).toBe('2026-01-15');
    expect(parseImportDate(' 29/02/2028 ')).toBe('2028-02-29');
  });

  it('refuses impossible and unknown dates', () => {
    for (const raw of ['31/02/2026', '29/02/2026', '2026-13-01', '20260230', '00/01/2026', '15/01', '01/15/2026', 'demain', '', '2026/01/15']) {
      expect(parseImportDate(raw), raw).toBeUndefined();
    }
  });

  it('agrees with the calendar for every day', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2150-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const [y, m, day] = iso.split('-');
        expect(parseImportDate(`${day}/${m}/${y}`)).toBe(iso);
        expect(parseImportDate(`${y}${m}${day}`)).toBe(iso);
      }),
    );
  });
});
