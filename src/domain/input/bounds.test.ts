import { describe, expect, it } from 'vitest';
import {
  earliestIssueDate,
  horizonEnd,
  isBeyondHorizon,
  isRateWithinBounds,
  parseInstalmentCount,
  paymentDateProblem,
  promiseExceedsOwed,
} from './bounds';

describe('horizon', () => {
  it('ends one year ahead, on 28 February after a 29', () => {
    expect(horizonEnd('2026-12-03')).toBe('2027-12-03');
    expect(horizonEnd('2028-02-29')).toBe('2029-02-28');
    expect(horizonEnd('2026-12-03', 2)).toBe('2028-12-03');
  });
  it('refuses 2999-12-31 and keeps next year', () => {
    expect(isBeyondHorizon('2999-12-31', '2026-12-03')).toBe(true);
    expect(isBeyondHorizon('2027-12-04', '2026-12-03')).toBe(true);
    expect(isBeyondHorizon('2027-12-03', '2026-12-03')).toBe(false);
    expect(isBeyondHorizon('2026-12-15', '2026-12-03')).toBe(false);
    expect(isBeyondHorizon('2028-11-03', '2026-12-03', 2)).toBe(false);
  });
});

describe('rates', () => {
  it('keeps real rates and refuses 99 999 %', () => {
    expect(isRateWithinBounds('ecb', 215)).toBe(true);
    expect(isRateWithinBounds('legal', 871)).toBe(true);
    expect(isRateWithinBounds('contractual', 1500)).toBe(true);
    expect(isRateWithinBounds('contractual', 9_999_900)).toBe(false);
    expect(isRateWithinBounds('ecb', 1501)).toBe(false);
    expect(isRateWithinBounds('ecb', -1)).toBe(false);
    expect(isRateWithinBounds('contractual', 5001)).toBe(false);
  });
});

describe('parseInstalmentCount', () => {
  it('accepts whole numbers from 1 to 24 only', () => {
    expect(parseInstalmentCount(' 3 ')).toBe(3);
    expect(parseInstalmentCount('24')).toBe(24);
    for (const bad of ['-5', '0', '12.5', '12,5', '25', '', 'trois', '1e1']) expect(parseInstalmentCount(bad), bad).toBeNull();
  });
});

describe('paymentDateProblem', () => {
  const ctx = { today: '2026-12-03', issueDates: ['2026-09-15', '2026-08-01'] };
  it('refuses a date before the earliest invoice or after today', () => {
    expect(paymentDateProblem('1900-01-01', ctx)).toBe('before_issue');
    expect(paymentDateProblem('2026-07-31', ctx)).toBe('before_issue');
    expect(paymentDateProblem('2026-12-04', ctx)).toBe('future');
    expect(paymentDateProblem('2026-08-01', ctx)).toBeNull();
    expect(paymentDateProblem('2026-12-03', ctx)).toBeNull();
    expect(earliestIssueDate([])).toBeNull();
  });
});

describe('promiseExceedsOwed', () => {
  it('flags 99 999 999 € against 6 890 €', () => {
    expect(promiseExceedsOwed(9_999_999_900, 689_000)).toBe(true);
    expect(promiseExceedsOwed(689_000, 689_000)).toBe(false);
  });
});
