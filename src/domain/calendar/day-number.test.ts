import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDayNumber } from './day-number';
import { toDayNumber } from './isoDate';

describe('isoDayNumber', () => {
  it('agrees with the Date-based toDayNumber on every date from 1900 to 2200', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2200, 11, 31)), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        expect(isoDayNumber(iso)).toBe(toDayNumber(iso));
      }),
    );
  });

  it('is NaN for a text that does not start with a date', () => {
    for (const bad of ['', '2026-1-01', '2026-13-01', '2026-00-10', '2026-11-32', 'yesterday']) expect(isoDayNumber(bad)).toBeNaN();
  });
});
