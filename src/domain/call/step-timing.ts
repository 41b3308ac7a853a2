/**
 * Seconds per step, for analytics per script version: when the agent leaves a step (or ends the call), the
 * time since the step was entered is added to it. Times come with the agent's events (`at`); a step entered
 * again (BACK, GOTO) adds up. Without a time nothing changes, so replays and old calls stay as they were.
 */
import type { CallContext } from './context';

type Timed = Pick<CallContext, 'step' | 'startedAt' | 'stepSince' | 'stepSeconds'>;

export function leaveStep(context: Timed, at: string | undefined): Pick<CallContext, 'stepSeconds' | 'stepSince'> | Record<string, never> {
  const now = at === undefined ? NaN : Date.parse(at);
  const since = Date.parse(context.stepSince ?? context.startedAt);
  if (!Number.isFinite(now) || !Number.isFinite(since)) return {};
  const seconds = Math.max(0, (now - since) / 1000);
  const total = (context.stepSeconds?.[context.step] ?? 0) + seconds;
  return { stepSeconds: { ...context.stepSeconds, [context.step]: Math.round(total * 10) / 10 }, stepSince: new Date(now).toISOString() };
}
