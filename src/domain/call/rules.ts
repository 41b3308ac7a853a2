/**
 * The call's business rules as pure checks. The machine's guards call these, and the UI calls them too
 * to say *why* a button is disabled (each problem is a code translated under `call:`).
 */
import { IsoDate } from '../entities';
import { isBeyondHorizon, PLAN_HORIZON_YEARS } from '../input/bounds';
import { contactFieldProblems } from '../input/contact-format';
import {
  CallBack,
  ContactValue,
  type CallContext,
  type CaptureValue,
  type Commitment,
  type FieldSpec,
  type Instalment,
  type PromiseCommitment,
} from './context';
import { reasonNeedsDetail, type DelayReasonCode } from './reasons';
import type { StepId } from './steps';

export type PromiseProblem = 'amount_not_positive' | 'date_in_past' | 'date_too_far';
export type PlanProblem = 'no_instalment' | 'amount_not_positive' | 'date_in_past' | 'date_too_far' | 'dates_not_increasing';
export type CallBackProblem = 'date_in_past' | 'date_too_far' | 'invalid';

export type StepBlocker =
  | { code: 'required_field'; fieldId: string }
  | { code: 'reason_required' }
  | { code: 'commitment_required' }
  | { code: 'promise_not_restated' }
  | { code: 'promise_invalid'; problems: PromiseProblem[] };

const isIsoDate = (value: string): boolean => IsoDate.safeParse(value).success;

export function promiseProblems(promise: Pick<PromiseCommitment, 'amountCents' | 'date'>, today: string): PromiseProblem[] {
  const problems: PromiseProblem[] = [];
  if (!Number.isSafeInteger(promise.amountCents) || promise.amountCents <= 0) problems.push('amount_not_positive');
  if (!isIsoDate(promise.date) || promise.date < today) problems.push('date_in_past');
  else if (isBeyondHorizon(promise.date, today)) problems.push('date_too_far');
  return problems;
}

export function planProblems(instalments: readonly Instalment[], today: string): PlanProblem[] {
  const problems = new Set<PlanProblem>();
  if (instalments.length === 0) problems.add('no_instalment');
  instalments.forEach((instalment, i) => {
    if (!Number.isSafeInteger(instalment.amountCents) || instalment.amountCents <= 0) problems.add('amount_not_positive');
    if (!isIsoDate(instalment.date) || instalment.date < today) problems.add('date_in_past');
    else if (isBeyondHorizon(instalment.date, today, PLAN_HORIZON_YEARS)) problems.add('date_too_far');
    const previous = instalments[i - 1];
    if (previous && instalment.date <= previous.date) problems.add('dates_not_increasing');
  });
  return [...problems];
}

export function isReasonValid(code: DelayReasonCode, detail: string): boolean {
  return !reasonNeedsDetail(code) || detail.trim() !== '';
}

/** A call-back from today up to the horizon (a year): "call me in 2999" books nothing. */
export function callBackProblems(callBack: unknown, today: string): CallBackProblem[] {
  const parsed = CallBack.safeParse(callBack);
  if (!parsed.success) return ['invalid'];
  if (parsed.data.date < today) return ['date_in_past'];
  return isBeyondHorizon(parsed.data.date, today) ? ['date_too_far'] : [];
}

export function isCallBackValid(callBack: unknown, today: string): boolean {
  return callBackProblems(callBack, today).length === 0;
}

/** A person's details as corrected or captured on the phone: a name, and a phone or e-mail only when well formed. */
export function isContactDetailsValid(contact: { name: string; phone?: string; email?: string }, requireName = true): boolean {
  return (!requireName || isNonEmpty(contact.name)) && contactFieldProblems(contact).length === 0;
}

export function isNonEmpty(text: unknown): boolean {
  return typeof text === 'string' && text.trim() !== '';
}

/** Whether `value` is acceptable for the field; `null` (clearing a capture) always is. */
export function isCaptureValid(spec: FieldSpec, value: CaptureValue | null): boolean {
  if (value === null) return true;
  switch (spec.type) {
    case 'text':
      return typeof value === 'string';
    case 'amount':
      return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
    case 'date':
      return typeof value === 'string' && isIsoDate(value);
    case 'choice':
      return typeof value === 'string' && (spec.options ?? []).includes(value);
    case 'contact':
      return typeof value === 'object' && ContactValue.safeParse(value).success && isContactDetailsValid(value, false);
  }
}

export function isCaptureFilled(value: CaptureValue | undefined): boolean {
  if (value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (typeof value === 'number') return true;
  return value.name.trim() !== '';
}

function commitmentBlockers(commitment: Commitment | null, today: string): StepBlocker[] {
  if (!commitment) return [{ code: 'commitment_required' }];
  if (commitment.kind !== 'promise') return [];
  const blockers: StepBlocker[] = [];
  const problems = promiseProblems(commitment, today);
  if (problems.length > 0) blockers.push({ code: 'promise_invalid', problems });
  if (!commitment.restatedConfirmed) blockers.push({ code: 'promise_not_restated' });
  return blockers;
}

/** What keeps the agent from leaving `stepId` forward; empty when NEXT (or FINISH) is allowed. */
export function stepBlockers(context: CallContext, stepId: StepId): StepBlocker[] {
  const blockers: StepBlocker[] = [];
  for (const field of context.scriptFields[stepId] ?? []) {
    if (field.required && !isCaptureFilled(context.captures[stepId]?.[field.id])) {
      blockers.push({ code: 'required_field', fieldId: field.id });
    }
  }
  if (stepId === 'delay_reason' && !context.reason) blockers.push({ code: 'reason_required' });
  if (stepId === 'commitments') blockers.push(...commitmentBlockers(context.commitment, context.today));
  return blockers;
}
