/**
 * The follow-up tasks of an ended call. There is one rule set, domain/followup/rules.ts (seed 001, "Le suivi
 * des actions"): this file only says which rule each way of ending a call falls under, and turns the rules'
 * tasks into Task records. Pure: the debtor's previous call attempts come in as data (read from the dossier
 * by the app shell), so contact pacing counts them without this code touching storage.
 *
 * - A promise restated and confirmed: for today, "pay now" (a check call one week later); for a later date,
 *   "pay later" (the recap email at once, and a check at the promised date plus the grace days).
 * - The other ends of a call map one to one: no answer and voicemail retry with contact pacing; a call-back
 *   asked for (or agreed after a cut line, or with the right person) is booked as asked; a plan request gets
 *   the answer call; a dispute gets its verification; a wrong number, the search for the right contact.
 */
import { TASK_SCHEMA_VERSION, type Task } from '../entities';
import type { PacingConstraint, PacingPolicy } from '../followup/pacing';
import { followUpsFor, type CallOutcome as FollowUpOutcome, type FollowUpReason } from '../followup/rules';
import type { CallContext, CallEnding } from './context';

/** A task written by the call, with the rule's reason (the Task record has no room for it; the activity keeps it). */
export interface CallFollowUp {
  taskId: string;
  kind: Task['kind'];
  dueDate: string;
  dueTime?: string;
  reason: FollowUpReason;
  pacing?: PacingConstraint[];
}

export interface FollowUpHistory {
  /** When the debtor was called before this call (ISO instants), for contact pacing. */
  previousAttempts?: readonly string[];
  /** Business days a promise may run past its date before it is checked (default: the promise rule's). */
  graceDays?: number;
  pacing?: PacingPolicy;
}

export interface CallFollowUps {
  tasks: Task[];
  followUps: CallFollowUp[];
  /** The rules ask for the recap email right after the call (a deferred promise). */
  recapNow: boolean;
}

function endingRule(ending: CallEnding): FollowUpOutcome | null {
  switch (ending.type) {
    case 'completed':
      return null;
    case 'no_answer':
    case 'voicemail':
    case 'wrong_number':
    case 'refusal':
    case 'dispute':
      return { kind: ending.type };
    case 'wrong_person':
    case 'cut_off':
    case 'call_back_requested':
      return { kind: 'call_back', date: ending.callBack.date, ...(ending.callBack.time ? { time: ending.callBack.time } : {}) };
    case 'plan_request':
      return { kind: 'payment_plan_requested' };
  }
}

/** The rules that apply, the ending's first: a call-back agreed after a cut line comes before the promise's check. */
export function followUpRules(ending: CallEnding, promisedDate: string | null, today: string): FollowUpOutcome[] {
  const rules: FollowUpOutcome[] = [];
  const fromEnding = endingRule(ending);
  if (fromEnding) rules.push(fromEnding);
  if (promisedDate !== null) rules.push(promisedDate <= today ? { kind: 'pay_now' } : { kind: 'pay_later', promisedDate });
  return rules;
}

/** The instants a debtor was called, from the dossier's call activities (when dialled, else when recorded). */
export function callAttempts(activities: readonly { type: string; at: string; details?: Record<string, unknown> | undefined }[]): string[] {
  return activities
    .filter((a) => a.type === 'call')
    .map((a) => {
      const started = a.details?.['startedAt'];
      return typeof started === 'string' && !Number.isNaN(Date.parse(started)) ? started : a.at;
    });
}

export function callFollowUps(
  context: CallContext,
  ending: CallEnding,
  promisedDate: string | null,
  endedAt: string,
  newId: () => string,
  history: FollowUpHistory = {},
): CallFollowUps {
  const ctx = {
    callAt: endedAt,
    // This call is an attempt too: the next one is paced from when it was dialled.
    attempts: [...(history.previousAttempts ?? []), context.startedAt],
    ...(history.graceDays !== undefined ? { graceDays: history.graceDays } : {}),
    ...(history.pacing ? { pacing: history.pacing } : {}),
  };
  // The right person's name and number go with the call-back, so whoever calls knows whom to ask for.
  const note = ending.type === 'wrong_person' ? [ending.contact.name, ending.contact.phone].filter(Boolean).join(' · ') : '';
  const tasks: Task[] = [];
  const followUps: CallFollowUp[] = [];
  let recapNow = false;
  for (const rule of followUpRules(ending, promisedDate, context.today)) {
    const plan = followUpsFor(rule, ctx);
    recapNow ||= plan.recapNow;
    for (const f of plan.tasks) {
      const id = newId();
      const base: Task = {
        schemaVersion: TASK_SCHEMA_VERSION,
        id,
        debtorId: context.debtorId,
        kind: f.kind,
        dueDate: f.dueDate,
        note: f.reason === 'requested_call_back' ? note : '',
        done: false,
      };
      tasks.push(f.dueTime ? { ...base, dueTime: f.dueTime } : base);
      followUps.push({
        taskId: id,
        kind: f.kind,
        dueDate: f.dueDate,
        ...(f.dueTime ? { dueTime: f.dueTime } : {}),
        reason: f.reason,
        ...(f.pacing?.length ? { pacing: f.pacing } : {}),
      });
    }
  }
  return { tasks, followUps, recapNow };
}
