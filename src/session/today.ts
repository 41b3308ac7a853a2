import { toWallTime } from '../domain/calendar/zonedTime';

/** Today's calendar date where the collection team works (Europe/Paris), the reference for "days late". */
export function todayIso(now: number = Date.now()): string {
  return toWallTime(now).date;
}
