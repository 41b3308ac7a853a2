/**
 * The call machine's actor as a session runs it: the machine given this session's effects (or none, in a
 * tab that only reads), started from a new call or a stored snapshot.
 */
import { createActor, fromPromise, getNextSnapshot, type Actor } from 'xstate';
import type { CallContext } from '../domain/call/context';
import type { CallOutcome } from '../domain/call/outcome';
import { callMachine, type CallMachine } from '../machines/call.machine';
import type { CallSnapshot } from '../machines/call.selectors';
import type { CallInput, CallPersistEnvelope, ResumableCallSnapshot } from '../machines/call.types';
import type { CallScript } from '../scripts/schema';

export type CallActor = Actor<CallMachine>;

/** A new call, or a stored snapshot with the time it was last written (and whether it came from the copy aside). */
export type CallStart = { input: CallInput } | { snapshot: ResumableCallSnapshot; updatedAt: string; aside?: boolean };

/** What a mode gives the machine: where each transition is persisted, and how an ended call is committed. */
export interface CallEffects {
  persist(envelope: CallPersistEnvelope): void;
  commit(context: CallContext): Promise<CallOutcome>;
}

/** The machine with `effects` provided; without, it writes nothing and commits nothing (a reading tab). */
export function callMachineWith(effects: CallEffects | null): CallMachine {
  if (!effects) return callMachine;
  return callMachine.provide({
    actions: { persist: (_, envelope) => effects.persist(envelope) },
    actors: { commitOutcome: fromPromise(({ input }) => effects.commit(input.context)) },
  });
}

function inputOf(c: CallContext, script: CallScript): CallInput {
  return { callId: c.callId, debtorId: c.debtorId, contactId: c.contactId, agentName: c.agentName, script, startedAt: c.startedAt, today: c.today };
}

export const isResumed = (start: CallStart): start is Extract<CallStart, { snapshot: unknown }> => 'snapshot' in start;

/**
 * Creates and starts the actor, `onChange` told after every snapshot. A writer (`today` given) checks a
 * resumed call against today's date.
 */
export function startCallActor(machine: CallMachine, start: CallStart, script: CallScript, onChange: () => void, today: (() => string) | null): CallActor {
  const actor = isResumed(start)
    ? // XState ignores `input` when given a snapshot; the types still ask for one.
      createActor(machine, { snapshot: start.snapshot, input: inputOf(start.snapshot.context, script) })
    : createActor(machine, { input: start.input });
  actor.subscribe(onChange);
  actor.start();
  if (today && isResumed(start)) {
    // A call resumed on a later day checks promises and call-backs against the new date.
    actor.send({ type: 'SYNC_CLOCK', today: today() });
  }
  return actor;
}

/**
 * Works out, and drops, where Next and Back would take `snapshot`: pure (an inert actor scope executes no
 * action, so nothing is persisted or committed, and the call's actor is not touched). Run once while the
 * screen is idle, it compiles the machine's transition code before the agent's first key, which otherwise
 * paid for it (a trace at 4×: the first key's task 80 ms of CPU, later ones about 40).
 */
export function rehearseStepMoves(snapshot: CallSnapshot): void {
  if (snapshot.status !== 'active') return;
  for (const type of ['NEXT', 'BACK'] as const) getNextSnapshot(callMachine, snapshot, { type, at: new Date(0).toISOString() });
}
