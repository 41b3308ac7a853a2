import { describe, expect, it } from 'vitest';
import { missingSemesterRate, withSemesterRate } from './missing-rate';
import { DEFAULT_ECB_SEMESTER_RATES } from './rates';

describe('missingSemesterRate', () => {
  it('names 2026-S2 when the table stops at 2026-S1 and today is in December 2026', () => {
    expect(missingSemesterRate(DEFAULT_ECB_SEMESTER_RATES, '2026-12-03')).toEqual({
      from: '2026-07-01',
      semester: '2026-S2',
      carried: { from: '2026-01-01', bp: 215 },
    });
  });

  it('asks for the first missing semester when several are', () => {
    expect(missingSemesterRate(DEFAULT_ECB_SEMESTER_RATES, '2027-03-01')?.semester).toBe('2026-S2');
  });

  it('is quiet when the current semester is known, or before the table starts', () => {
    expect(missingSemesterRate(DEFAULT_ECB_SEMESTER_RATES, '2026-06-30')).toBeNull();
    expect(missingSemesterRate(withSemesterRate(DEFAULT_ECB_SEMESTER_RATES, { from: '2026-07-01', bp: 200 }), '2026-12-03')).toBeNull();
    expect(missingSemesterRate(DEFAULT_ECB_SEMESTER_RATES, '2019-05-01')).toBeNull();
  });

  it('adds the rate in date order, replacing one for the same semester', () => {
    const table = withSemesterRate([{ from: '2026-07-01', bp: 1 }, { from: '2026-01-01', bp: 215 }], { from: '2026-07-01', bp: 200 });
    expect(table).toEqual([
      { from: '2026-01-01', bp: 215 },
      { from: '2026-07-01', bp: 200 },
    ]);
  });
});
