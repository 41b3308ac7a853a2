/**
 * The pure decisions behind the persona machine: how a debtor's mood and patience move with what the trainee
 * does, which outcome a turn settles, and which line of the persona's data answers it. Kept apart from
 * persona.machine.ts so that file reads as the state chart and each rule is testable on its own.
 *
 * The rules, all parameters coming from the persona's data:
 * - a good turn warms the debtor by one point (up to 5); a fault costs `sensitivity[fault]` points (1 by
 *   default) and one point of patience;
 * - the debtor hangs up when the mood falls to `mood.floor` or patience runs out;
 * - a `decision` of the persona matching the step and the trainee's behaviour (the exact fault first, then
 *   `fault`/`good`) settles the outcome; a decision marked `ends` ends the call there (a referral);
 * - the turn at the formalisation closes the call on the settled outcome, or `no_commitment`;
 * - skipping the commitments step leaves no commitment.
 */
import type { StepId } from '../domain/call/steps';
import type { TraineeBehaviour } from '../domain/coach/turn';
import type { PersonaOutcome } from '../domain/training/outcomes';
import type { StepReplies } from '../scripts/persona-schema';
import type { ResolvedPersona } from '../scripts/persona-validate';

export const MOOD_MAX = 5;

export interface PersonaState {
  mood: number;
  patience: number;
  /** The outcome a decisive turn settled, until the call closes on it. */
  pending: PersonaOutcome | null;
  turns: number;
}

/** Where the debtor's last line comes from in the persona data; the screen fills its `{variables}`. */
export type ReplyRef =
  | { source: 'step'; step: StepId; key: keyof StepReplies; index: number }
  | { source: 'reaction'; key: string; index: number }
  | { source: 'hang_up'; index: number };

export type PersonaEvent = { type: 'TURN'; step: StepId; behaviour: TraineeBehaviour } | { type: 'SKIP'; step: StepId };

export interface TurnResult {
  state: PersonaState;
  reply: ReplyRef | null;
  /** The outcome the call ends on after this event, or null while it goes on. */
  ends: PersonaOutcome | null;
}

export function initialPersonaState(persona: ResolvedPersona): PersonaState {
  return { mood: persona.mood.start, patience: persona.patience, pending: null, turns: 0 };
}

function decisionFor(persona: ResolvedPersona, step: StepId, behaviour: TraineeBehaviour) {
  const atStep = persona.decisions.filter((d) => d.step === step);
  return atStep.find((d) => d.on === behaviour) ?? atStep.find((d) => d.on === (behaviour === 'good' ? 'good' : 'fault'));
}

function replyFor(persona: ResolvedPersona, step: StepId, behaviour: TraineeBehaviour, turns: number): ReplyRef {
  const replies = persona.replies[step];
  if (behaviour === 'good') return { source: 'step', step, key: 'good', index: turns % replies.good.length };
  const stepKey = (replies[behaviour] ? behaviour : replies.fault ? 'fault' : null) as keyof StepReplies | null;
  if (stepKey) return { source: 'step', step, key: stepKey, index: turns % (replies[stepKey]?.length ?? 1) };
  const reactionKey = persona.reactions[behaviour] ? behaviour : 'fault';
  return { source: 'reaction', key: reactionKey, index: turns % (persona.reactions[reactionKey as 'fault']?.length ?? 1) };
}

export function personaTurn(persona: ResolvedPersona, state: PersonaState, event: PersonaEvent): TurnResult {
  const turns = state.turns + 1;
  if (event.type === 'SKIP') {
    const pending = event.step === 'commitments' && state.pending === null ? 'no_commitment' : state.pending;
    const next = { ...state, pending, turns };
    return { state: next, reply: null, ends: event.step === 'formalisation' ? (pending ?? 'no_commitment') : null };
  }
  const { step, behaviour } = event;
  const fault = behaviour !== 'good';
  const mood = fault ? state.mood - (persona.sensitivity[behaviour] ?? 1) : Math.min(MOOD_MAX, state.mood + 1);
  const patience = fault ? state.patience - 1 : state.patience;
  if (mood <= persona.mood.floor || patience <= 0) {
    return {
      state: { mood: Math.max(mood, persona.mood.floor), patience: Math.max(patience, 0), pending: state.pending, turns },
      reply: { source: 'hang_up', index: turns % persona.hangUp.length },
      ends: 'hung_up',
    };
  }
  const decision = decisionFor(persona, step, behaviour);
  const pending = decision ? decision.outcome : state.pending;
  const next: PersonaState = { mood, patience, pending, turns };
  const reply = replyFor(persona, step, behaviour, turns);
  if (decision?.ends) return { state: next, reply, ends: decision.outcome };
  return { state: next, reply, ends: step === 'formalisation' ? (pending ?? 'no_commitment') : null };
}

/** The raw line (with `{variables}`) a reply points at. */
export function replyText(persona: ResolvedPersona, ref: ReplyRef): string {
  if (ref.source === 'hang_up') return persona.hangUp[ref.index % persona.hangUp.length] ?? '';
  if (ref.source === 'reaction') {
    const lines = persona.reactions[ref.key as keyof typeof persona.reactions] ?? persona.reactions.fault;
    return lines[ref.index % lines.length] ?? '';
  }
  const lines = persona.replies[ref.step][ref.key] ?? persona.replies[ref.step].good;
  return lines[ref.index % lines.length] ?? '';
}
