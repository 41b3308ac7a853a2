/**
 * Follow-up tasks from the outcome of a call (seed 001, "Le suivi des actions"; DESIGN "After the call").
 *
 * - pay_now: a check call one week later (7 calendar days, moved to the next business day if needed).
 * - pay_later (15 days, a month, any date): the recap email right away, and a check on the promise's
 *   deadline (promised date + grace business days). The seed asks for the recap at 15 days or a month;
 *   a shorter deferred commitment gets one too, since every commitment taken by phone is confirmed in
 *   writing (seed 001, step 3 of the amicable reminder).
 * - payment_plan_requested: the debtor made the first offer; the agent answers after the team lead
 *   decides, two business days later.
 * - call_back: a task at the date and time the person asked for, kept as asked.
 * - no_answer / voicemail / call_cut: a retry at the next slot contact pacing allows (./pacing.ts).
 * - wrong_number: find the right contact the next business day. dispute: verify the debt first.
 * - refusal: no task here; the reminder ladder moves on to the next written step.
 * Tasks carry a reason code; the UI turns it into the task's text.
 */
import type { TASK_KINDS } from '../entities';
import { addDays, addBusinessDays, businessDayOnOrAfter } from '../calendar/businessDays';
import { formatHhMm, toWallTime } from '../calendar/zonedTime';
import { DEFAULT_GRACE_BUSINESS_DAYS, promiseDeadline } from '../promises/status';
import { DEFAULT_PACING, nextAttempt, type PacingConstraint, type PacingPolicy } from './pacing';

export const CALL_OUTCOME_KINDS = [
  'pay_now',
  'pay_later',
  'payment_plan_requested',
  'call_back',
  'no_answer',
  'voicemail',
  'call_cut',
  'wrong_number',
  'dispute',
  'refusal',
] as const;
export type CallOutcomeKind = (typeof CALL_OUTCOME_KINDS)[number];

export type CallOutcome =
  | { kind: 'pay_now' }
  | { kind: 'pay_later'; promisedDate: string }
  | { kind: 'payment_plan_requested' }
  | { kind: 'call_back'; date: string; time?: string }
  | { kind: 'no_answer' | 'voicemail' | 'call_cut' | 'wrong_number' | 'dispute' | 'refusal' };

export const FOLLOW_UP_REASONS = [
  'check_immediate_payment',
  'send_recap',
  'check_promise',
  'answer_payment_plan',
  'requested_call_back',
  'retry_unanswered_call',
  'find_right_contact',
  'verify_dispute',
] as const;
export type FollowUpReason = (typeof FOLLOW_UP_REASONS)[number];

export interface FollowUpTask {
  kind: (typeof TASK_KINDS)[number];
  dueDate: string;
  /** Local `HH:MM` when the task has a time. */
  dueTime?: string;
  reason: FollowUpReason;
  /** Why a retry could not be sooner (pacing), for the agent to see. */
  pacing?: PacingConstraint[];
}

export interface FollowUpPlan {
  tasks: FollowUpTask[];
  /** Open the recap email draft as soon as the call ends. */
  recapNow: boolean;
}

export interface FollowUpContext {
  /** ISO instant the call ended. */
  callAt: string;
  /** Previous call attempts to this debtor's contact (ISO instants), this call included. */
  attempts: readonly string[];
  graceDays?: number;
  pacing?: PacingPolicy;
}

export const PAY_NOW_CHECK_AFTER_DAYS = 7;
export const PLAN_ANSWER_AFTER_BUSINESS_DAYS = 2;

export function followUpsFor(outcome: CallOutcome, ctx: FollowUpContext): FollowUpPlan {
  const pacing = ctx.pacing ?? DEFAULT_PACING;
  const today = toWallTime(ctx.callAt, pacing.timeZone).date;
  const nextWorkingDay = addBusinessDays(today, 1);
  switch (outcome.kind) {
    case 'pay_now':
      return plan([{ kind: 'call_back', dueDate: businessDayOnOrAfter(addDays(today, PAY_NOW_CHECK_AFTER_DAYS)), reason: 'check_immediate_payment' }]);
    case 'pay_later': {
      const deadline = promiseDeadline(outcome.promisedDate, ctx.graceDays ?? DEFAULT_GRACE_BUSINESS_DAYS);
      return plan(
        [
          { kind: 'send_recap', dueDate: today, reason: 'send_recap' },
          { kind: 'check_promise', dueDate: businessDayOnOrAfter(deadline), reason: 'check_promise' },
        ],
        true,
      );
    }
    case 'payment_plan_requested':
      return plan([
        { kind: 'call_back', dueDate: addBusinessDays(today, PLAN_ANSWER_AFTER_BUSINESS_DAYS), reason: 'answer_payment_plan' },
      ]);
    case 'call_back':
      return plan([
        {
          kind: 'call_back',
          dueDate: outcome.date,
          ...(outcome.time ? { dueTime: outcome.time } : {}),
          reason: 'requested_call_back',
        },
      ]);
    case 'no_answer':
    case 'voicemail':
    case 'call_cut': {
      const next = nextAttempt(ctx.attempts, ctx.callAt, pacing);
      const wall = toWallTime(next.at, pacing.timeZone);
      return plan([
        { kind: 'retry_call', dueDate: wall.date, dueTime: formatHhMm(wall.minutes), reason: 'retry_unanswered_call', pacing: next.constrainedBy },
      ]);
    }
    case 'wrong_number':
      return plan([{ kind: 'reminder', dueDate: nextWorkingDay, reason: 'find_right_contact' }]);
    case 'dispute':
      return plan([{ kind: 'reminder', dueDate: nextWorkingDay, reason: 'verify_dispute' }]);
    case 'refusal':
      return plan([]);
  }
}

function plan(tasks: FollowUpTask[], recapNow = false): FollowUpPlan {
  return { tasks, recapNow };
}
