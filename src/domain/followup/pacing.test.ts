import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isBusinessDay } from '../calendar/businessDays';
import { toWallTime } from '../calendar/zonedTime';
import { DEFAULT_PACING, mayCallNow, nextAttempt } from './pacing';

// July 2025 in Paris is UTC+2: 09:00 local = 07:00Z, 18:00 local = 16:00Z.
describe('nextAttempt', () => {
  it('allows a first call right now during office hours', () => {
    expect(nextAttempt([], '2025-07-15T08:00:00Z')).toEqual({ at: '2025-07-15T08:00:00.000Z', constrainedBy: [] });
    expect(mayCallNow([], '2025-07-15T08:00:00Z')).toBe(true);
  });

  it('waits the minimum gap after the last attempt', () => {
    const r = nextAttempt(['2025-07-15T08:00:00Z'], '2025-07-15T08:05:00Z');
    expect(r).toEqual({ at: '2025-07-15T12:00:00.000Z', constrainedBy: ['min_gap'] });
  });

  it('moves to the next business day when the gap ends after office hours (skipping 14 July)', () => {
    // Friday 11 July, last try at 15:00 local; +4 h = 19:00 → closed; Mon 14 July is a holiday → Tue 09:00.
    const r = nextAttempt(['2025-07-11T13:00:00Z'], '2025-07-11T13:10:00Z');
    expect(r.at).toBe('2025-07-15T07:00:00.000Z');
    expect(r.constrainedBy).toEqual(['min_gap', 'office_hours']);
  });

  it('waits for opening time before 09:00 and skips weekends', () => {
    expect(nextAttempt([], '2025-07-15T05:30:00Z').at).toBe('2025-07-15T07:00:00.000Z');
    expect(nextAttempt([], '2025-07-12T10:00:00Z')).toEqual({ at: '2025-07-15T07:00:00.000Z', constrainedBy: ['office_hours'] });
  });

  it('caps attempts per day', () => {
    const r = nextAttempt(['2025-07-15T07:00:00Z', '2025-07-15T11:00:00Z'], '2025-07-15T15:30:00Z');
    expect(r).toEqual({ at: '2025-07-16T07:00:00.000Z', constrainedBy: ['daily_cap'] });
  });

  it('caps attempts in any rolling 7 days and says so', () => {
    // Tue 15, Wed 16, Thu 17 July at 10:00 local: the Tue call ages out on Tue 22 July at 10:00 local.
    const attempts = ['2025-07-15T08:00:00Z', '2025-07-16T08:00:00Z', '2025-07-17T08:00:00Z'];
    const r = nextAttempt(attempts, '2025-07-17T14:00:00Z');
    expect(r).toEqual({ at: '2025-07-22T08:00:00.000Z', constrainedBy: ['weekly_cap'] });
    expect(mayCallNow(attempts, '2025-07-21T08:00:00Z')).toBe(false);
  });

  it('uses winter time in January (09:00 local = 08:00Z)', () => {
    expect(nextAttempt([], '2026-01-05T06:00:00Z').at).toBe('2026-01-05T08:00:00.000Z');
  });

  it('always returns a slot that satisfies every rule', () => {
    const start = Date.parse('2025-03-01T00:00:00Z');
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 60 * 24 * 40 }), { maxLength: 8 }),
        fc.integer({ min: 0, max: 60 * 24 * 45 }),
        (attemptMinutes, nowMinutes) => {
          const attempts = attemptMinutes.map((m) => new Date(start + m * 60_000).toISOString());
          const now = new Date(start + nowMinutes * 60_000).toISOString();
          const { at } = nextAttempt(attempts, now);
          const t = Date.parse(at);
          const wall = toWallTime(at);
          expect(t).toBeGreaterThanOrEqual(Date.parse(now));
          expect(isBusinessDay(wall.date)).toBe(true);
          expect(wall.minutes).toBeGreaterThanOrEqual(DEFAULT_PACING.officeStartMinutes);
          expect(wall.minutes).toBeLessThan(DEFAULT_PACING.officeEndMinutes);
          const times = attempts.map(Date.parse);
          for (const a of times) expect(Math.abs(t - a)).toBeGreaterThanOrEqual(4 * 3_600_000);
          expect(times.filter((a) => a > t - 7 * 86_400_000 && a <= t).length).toBeLessThan(3);
          expect(times.filter((a) => a <= t && toWallTime(a).date === wall.date).length).toBeLessThan(2);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('refuses a policy that can never be met', () => {
    expect(() => nextAttempt([], '2025-07-15T08:00:00Z', { ...DEFAULT_PACING, maxPerDay: 0 })).toThrow(RangeError);
  });
});
