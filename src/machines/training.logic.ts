/**
 * A simulated call: the real call machine and a persona machine stepped together, purely (XState's
 * `transition`), so the screen and the model-based tests run exactly the same code. The trainee speaks at the
 * call's current step; the persona hears it and answers; then the call machine is given what a real agent
 * would record at that step (captures, the reason, the commitment the persona settled) and moves on, or ends
 * the way the persona ended it (hang-up → refusal, referral → wrong person, step 10 → finish).
 *
 * Nothing here touches storage: the call machine's `persist` action is returned by `transition`, not run.
 */
import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import type { CaptureValue, FieldSpec } from '../domain/call/context';
import type { StepId } from '../domain/call/steps';
import type { TraineeBehaviour } from '../domain/coach/turn';
import { addDays } from '../domain/demo/calendar';
import type { PersonaOutcome } from '../domain/training/outcomes';
import type { TrainingDossier } from '../scripts/persona-dossier';
import type { ResolvedPersona } from '../scripts/persona-validate';
import { callMachine } from './call.machine';
import type { CallEvent, CallInput } from './call.types';
import { personaMachine } from './persona.machine';

export type CallSnapshot = SnapshotFrom<typeof callMachine>;
export type PersonaSnapshot = SnapshotFrom<typeof personaMachine>;

export interface TrainingSetup {
  persona: ResolvedPersona;
  dossier: TrainingDossier;
  call: CallInput;
}

export interface TrainingRun {
  call: CallSnapshot;
  persona: PersonaSnapshot;
}

export type TraineeAction = { type: 'SAY'; behaviour: TraineeBehaviour } | { type: 'SKIP' };

/** The call ending each persona outcome is recorded as. */
export const CALL_ENDING_OF: Record<PersonaOutcome, string> = {
  promise: 'completed',
  promise_without_date: 'completed',
  plan_request: 'plan_request',
  dispute_noted: 'dispute',
  referred: 'wrong_person',
  collection_stopped: 'completed',
  no_commitment: 'completed',
  hung_up: 'refusal',
};

export function startTraining(setup: TrainingSetup): TrainingRun {
  const [call] = initialTransition(callMachine, setup.call);
  const [persona] = initialTransition(personaMachine, { persona: setup.persona });
  return { call, persona };
}

/**
 * Whether the call has ended. Its ending state then waits for the `commitOutcome` actor, which a pure
 * `transition` never starts: the simulation commits to its own sandbox store instead (features/training).
 */
export function callEnded(run: TrainingRun): boolean {
  return run.call.hasTag('ended');
}

/** The step the trainee speaks at, or null once the call has ended. */
export function currentStep(run: TrainingRun): StepId | null {
  return callEnded(run) ? null : run.call.context.step;
}

export function isOver(run: TrainingRun): boolean {
  return callEnded(run) && run.persona.status === 'done';
}

function note(setup: TrainingSetup, outcome: PersonaOutcome | null): string {
  return (outcome && setup.persona.outcomeNotes[outcome]) || setup.persona.reason.detail;
}

function captureFor(setup: TrainingSetup, field: FieldSpec): CaptureValue {
  switch (field.type) {
    case 'text':
      return setup.persona.reason.detail;
    case 'amount':
      return setup.dossier.promise.amountCents;
    case 'date':
      return setup.call.today;
    case 'choice':
      return field.options?.[0] ?? '';
    case 'contact':
      return { name: setup.dossier.bundle.contacts[0]?.name ?? '' };
  }
}

function commitmentEvents(setup: TrainingSetup, pending: PersonaOutcome | null): CallEvent[] {
  const { dossier } = setup;
  switch (pending) {
    case 'promise': {
      const { amountCents, date, means, invoiceIds } = dossier.promise;
      return [{ type: 'SET_PROMISE', amountCents, date, means, invoiceIds }, { type: 'CONFIRM_RESTATED' }];
    }
    case 'plan_request':
      if (dossier.plan) return [{ type: 'PROPOSE_PLAN', instalments: dossier.plan, note: note(setup, pending) }];
      break;
    case 'dispute_noted':
      if (dossier.disputed.length > 0) return [{ type: 'RAISE_DISPUTE', invoiceIds: dossier.disputed.map((i) => i.id), why: setup.persona.reason.detail }];
      break;
    default:
      break;
  }
  return [{ type: 'DECLARE_NO_COMMITMENT', why: note(setup, pending) }];
}

/** What the agent records at `step` to be allowed to leave it. */
function recordEvents(setup: TrainingSetup, call: CallSnapshot, step: StepId, pending: PersonaOutcome | null): CallEvent[] {
  const events: CallEvent[] = [];
  for (const field of call.context.scriptFields[step] ?? []) {
    if (field.required && call.context.captures[step]?.[field.id] === undefined) {
      events.push({ type: 'CAPTURE', stepId: step, fieldId: field.id, value: captureFor(setup, field) });
    }
  }
  if (step === 'identification' || step === 'contact_details') events.push({ type: 'CONFIRM_CONTACT' });
  if (step === 'delay_reason') events.push({ type: 'SET_REASON', code: setup.persona.reason.code, detail: setup.persona.reason.detail });
  if (step === 'commitments') events.push(...commitmentEvents(setup, pending));
  return events;
}

/** The call events that follow the persona's reaction at `step`. */
export function callEventsFor(setup: TrainingSetup, call: CallSnapshot, step: StepId, persona: PersonaSnapshot): CallEvent[] {
  const { outcome, pending } = persona.context;
  if (persona.status === 'done' && outcome === 'hung_up') return [{ type: 'REFUSE', detail: note(setup, outcome) }];
  if (persona.status === 'done' && outcome === 'referred') {
    const right = setup.dossier.rightContact ?? setup.dossier.bundle.contacts[0]!;
    return [{ type: 'WRONG_PERSON', contact: { name: right.name, role: right.role, phone: right.phone }, callBack: { date: addDays(setup.call.today, 1), time: '10:00' } }];
  }
  const record = recordEvents(setup, call, step, pending);
  return step === 'formalisation' ? [...record, { type: 'FINISH' }] : [...record, { type: 'NEXT' }];
}

export class TrainingStuckError extends Error {
  constructor(readonly event: CallEvent, readonly step: StepId) {
    super(`The call machine refused ${event.type} at ${step}`);
  }
}

/** One trainee action: the persona reacts, then the call records and moves on (or ends). */
export function trainingStep(setup: TrainingSetup, run: TrainingRun, action: TraineeAction): TrainingRun {
  const step = currentStep(run);
  if (step === null || run.persona.status === 'done') return run;
  const [persona] = transition(
    personaMachine,
    run.persona,
    action.type === 'SAY' ? { type: 'TURN', step, behaviour: action.behaviour } : { type: 'SKIP', step },
  );
  let call = run.call;
  for (const event of callEventsFor(setup, call, step, persona)) {
    // A refusal here is a bug in the bridge, never the trainee's doing: fail loudly (the graph test proves it unreachable).
    if (!call.can(event)) throw new TrainingStuckError(event, step);
    [call] = transition(callMachine, call, event);
  }
  return { call, persona };
}
