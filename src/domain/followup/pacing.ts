/**
 * Contact pacing for call retries. Seed 001: once the amicable reminder has no effect, multiplying calls
 * "voire le harcèlement" achieves nothing — and repeated calls to the same person are harassment. So a
 * retry is only offered when all of these hold:
 * - on a business day, within office hours in the agent's zone (default 09:00–18:00 Europe/Paris);
 * - at least `minHoursBetween` hours after the previous attempt (default 4: one morning and one afternoon
 *   try at most, never a redial loop);
 * - at most `maxPerDay` attempts on the same local day (default 2);
 * - at most `maxPerWeek` attempts in any rolling 7 days (default 3; rolling rather than calendar week, so
 *   three calls on Friday cannot be followed by three more on Monday).
 * When the weekly cap is reached the next slot simply falls in a later week: `constrainedBy` says why.
 */
import { isBusinessDay, nextBusinessDay } from '../calendar/businessDays';
import { DEFAULT_TIME_ZONE, fromWallTime, toWallTime } from '../calendar/zonedTime';

export interface PacingPolicy {
  minHoursBetween: number;
  maxPerDay: number;
  maxPerWeek: number;
  /** Office hours as minutes since local midnight: attempts start in [start, end). */
  officeStartMinutes: number;
  officeEndMinutes: number;
  timeZone: string;
}

export const DEFAULT_PACING: PacingPolicy = {
  minHoursBetween: 4,
  maxPerDay: 2,
  maxPerWeek: 3,
  officeStartMinutes: 9 * 60,
  officeEndMinutes: 18 * 60,
  timeZone: DEFAULT_TIME_ZONE,
};

export const PACING_CONSTRAINTS = ['office_hours', 'min_gap', 'daily_cap', 'weekly_cap'] as const;
export type PacingConstraint = (typeof PACING_CONSTRAINTS)[number];

export interface NextAttempt {
  /** ISO instant (UTC) of the earliest allowed attempt at or after `now`. */
  at: string;
  /** What pushed it past `now`, in the order met; empty when calling now is fine. */
  constrainedBy: PacingConstraint[];
}

const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;

export function nextAttempt(attempts: readonly string[], now: string, policy: PacingPolicy = DEFAULT_PACING): NextAttempt {
  const { timeZone } = policy;
  const times = attempts.map((a) => Date.parse(a)).sort((a, b) => a - b);
  const constrainedBy: PacingConstraint[] = [];
  const push = (c: PacingConstraint) => {
    if (!constrainedBy.includes(c)) constrainedBy.push(c);
  };
  const openingOf = (date: string) => fromWallTime(date, policy.officeStartMinutes, timeZone);
  // Whole minutes: a task shows HH:MM, so never suggest a time that is seconds too early.
  let t = Math.ceil(Date.parse(now) / 60_000) * 60_000;

  // Each step only moves t forward; the bound guards against a policy that can never be met (maxPerDay 0).
  for (let guard = 0; guard < 500; guard++) {
    const wall = toWallTime(t, timeZone);
    if (!isBusinessDay(wall.date) || wall.minutes >= policy.officeEndMinutes) {
      t = openingOf(nextBusinessDay(wall.date));
      push('office_hours');
      continue;
    }
    if (wall.minutes < policy.officeStartMinutes) {
      t = openingOf(wall.date);
      push('office_hours');
      continue;
    }
    const sameDay = times.filter((a) => a <= t && toWallTime(a, timeZone).date === wall.date).length;
    if (sameDay >= policy.maxPerDay) {
      t = openingOf(nextBusinessDay(wall.date));
      push('daily_cap');
      continue;
    }
    const inWeek = times.filter((a) => a > t - WEEK && a <= t);
    if (inWeek.length >= policy.maxPerWeek) {
      // The window frees a slot when its oldest surplus attempt is exactly 7 days old.
      t = (inWeek[inWeek.length - policy.maxPerWeek] ?? t) + WEEK;
      push('weekly_cap');
      continue;
    }
    const tooClose = times.filter((a) => Math.abs(t - a) < policy.minHoursBetween * HOUR);
    if (tooClose.length > 0) {
      t = Math.max(...tooClose) + policy.minHoursBetween * HOUR;
      push('min_gap');
      continue;
    }
    return { at: new Date(t).toISOString(), constrainedBy };
  }
  throw new RangeError('Pacing policy allows no attempt');
}

/** Whether an attempt right now respects the policy. */
export function mayCallNow(attempts: readonly string[], now: string, policy: PacingPolicy = DEFAULT_PACING): boolean {
  return nextAttempt(attempts, now, policy).constrainedBy.length === 0;
}
