/**
 * The pure decisions behind the call machine's guards and assignments, over (context, event). Kept out of
 * call.machine.ts so that file reads as the state chart, and so each rule is testable on its own.
 */
import type { CallContext, CallEnding } from '../domain/call/context';
import {
  isCallBackValid,
  isCaptureValid,
  isContactDetailsValid,
  isNonEmpty,
  isReasonValid,
  planProblems,
  promiseProblems,
  stepBlockers,
} from '../domain/call/rules';
import { DELAY_REASONS } from '../domain/call/reasons';
import { STEP_IDS, stepIndex, type StepId } from '../domain/call/steps';
import { IsoDate, PAYMENT_MEANS } from '../domain/entities';
import type { CallEvent } from './call.types';

type EventOf<T extends CallEvent['type']> = Extract<CallEvent, { type: T }>;

export function canLeave(context: CallContext, stepId: StepId = context.step): boolean {
  return stepBlockers(context, stepId).length === 0;
}

/** The furthest step the agent has had on screen: the one after the last step left with NEXT. */
export function furthestStep(context: CallContext): StepId {
  const last = Math.max(-1, ...context.reached.map(stepIndex));
  return STEP_IDS[Math.min(last + 1, STEP_IDS.length - 1)] as StepId;
}

/** Back to any step already seen; forward again (up to the furthest seen) only over steps whose rules still hold. */
export function canGoTo(context: CallContext, target: StepId): boolean {
  const from = stepIndex(context.step);
  const to = stepIndex(target);
  if (to === from || to > stepIndex(furthestStep(context))) return false;
  return to < from || STEP_IDS.slice(from, to).every((id) => canLeave(context, id));
}

export function captureAllowed(context: CallContext, event: EventOf<'CAPTURE'>): boolean {
  if (event.stepId !== context.step && !context.reached.includes(event.stepId)) return false;
  const spec = context.scriptFields[event.stepId]?.find((f) => f.id === event.fieldId);
  return spec !== undefined && isCaptureValid(spec, event.value);
}

export function withCapture(context: CallContext, event: EventOf<'CAPTURE'>): CallContext['captures'] {
  const { [event.fieldId]: _previous, ...others } = context.captures[event.stepId] ?? {};
  const fields = event.value === null ? others : { ...others, [event.fieldId]: event.value };
  return { ...context.captures, [event.stepId]: fields };
}

/** A reason makes sense once the debt is on the table (step 3 onwards). */
export function reasonAllowed(context: CallContext, event: EventOf<'SET_REASON'>): boolean {
  return (
    stepIndex(context.step) >= stepIndex('explanation') &&
    (DELAY_REASONS as readonly string[]).includes(event.code) &&
    isReasonValid(event.code, event.detail ?? '')
  );
}

export function promiseAllowed(context: CallContext, event: EventOf<'SET_PROMISE'>): boolean {
  return (
    promiseProblems(event, context.today).length === 0 &&
    (PAYMENT_MEANS as readonly string[]).includes(event.means) &&
    Array.isArray(event.invoiceIds)
  );
}

export function planAllowed(context: CallContext, event: EventOf<'PROPOSE_PLAN'>): boolean {
  return Array.isArray(event.instalments) && planProblems(event.instalments, context.today).length === 0;
}

/** A dispute surfaces from the explanation to the commitments: the steps where the debt is discussed. */
export function disputeAllowed(context: CallContext, event: EventOf<'RAISE_DISPUTE'>): boolean {
  const at = stepIndex(context.step);
  return (
    at >= stepIndex('explanation') &&
    at <= stepIndex('commitments') &&
    event.invoiceIds.length > 0 &&
    event.invoiceIds.every(isNonEmpty) &&
    isNonEmpty(event.why)
  );
}

export function wrongPersonAllowed(context: CallContext, event: EventOf<'WRONG_PERSON'>): boolean {
  return isContactDetailsValid(event.contact) && isCallBackValid(event.callBack, context.today);
}

export function correctionAllowed(event: EventOf<'CORRECT_CONTACT'>): boolean {
  return isContactDetailsValid(event.contact);
}

export function clockMovesForward(context: CallContext, event: EventOf<'SYNC_CLOCK'>): boolean {
  return IsoDate.safeParse(event.today).success && event.today > context.today;
}

export type FinishKind = 'dispute' | 'plan' | 'other';

/** FINISH lands on the ending that names the commitment: a dispute or a plan request, else completed. */
export function finishesAs(context: CallContext, kind: FinishKind): boolean {
  if (!canLeave(context, 'formalisation')) return false;
  const commitment = context.commitment?.kind;
  if (kind === 'dispute') return commitment === 'dispute';
  if (kind === 'plan') return commitment === 'plan';
  return commitment !== 'dispute' && commitment !== 'plan';
}

/** The ending an event records; `null` for events that do not end the call. */
export function endingFor(context: CallContext, event: CallEvent): CallEnding | null {
  switch (event.type) {
    case 'END_NO_ANSWER':
      return { type: 'no_answer' };
    case 'END_VOICEMAIL':
      return { type: 'voicemail', messageLeft: event.messageLeft === true };
    case 'END_WRONG_NUMBER':
      return { type: 'wrong_number' };
    case 'WRONG_PERSON':
      return { type: 'wrong_person', contact: { ...event.contact, name: event.contact.name.trim() }, callBack: { ...event.callBack } };
    case 'REFUSE':
      return { type: 'refusal', detail: (event.detail ?? '').trim() };
    case 'RESCHEDULE':
      return { type: 'cut_off', callBack: { ...event.callBack } };
    case 'REQUEST_CALL_BACK':
      return { type: 'call_back_requested', callBack: { ...event.callBack } };
    case 'FINISH':
      if (context.commitment?.kind === 'dispute') return { type: 'dispute' };
      if (context.commitment?.kind === 'plan') return { type: 'plan_request' };
      return { type: 'completed' };
    default:
      return null;
  }
}
