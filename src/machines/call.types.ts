/**
 * The call machine's public vocabulary: its input, events, state values, tags and the persisted
 * envelope. Kept apart from the machine so the UI and the app shell can import types without it.
 */
import type { CallBack, CallContext, CaptureValue, ContactDetails, EndingType, Instalment, RightContact } from '../domain/call/context';
import type { DelayReasonCode } from '../domain/call/reasons';
import type { StepId } from '../domain/call/steps';
import type { PaymentPromise } from '../domain/entities';
import type { CallScript } from '../scripts/schema';

/**
 * Bumped whenever a persisted snapshot of the previous version no longer restores as-is (states renamed,
 * context reshaped). call.snapshot.ts then migrates it, or recovers its captures and notes.
 */
export const MACHINE_VERSION = 1;

/** Effects come in as data: ids and the clock are read by the app shell and passed at start. */
export interface CallInput {
  /** From the shell's id generator. */
  callId: string;
  debtorId: string;
  contactId: string | null;
  agentName: string;
  /** A script that passed `validateScript`. */
  script: CallScript;
  /** From the shell's clock: ISO instant the call started, and the agent's calendar date. */
  startedAt: string;
  today: string;
}

/**
 * `at` (ISO instant), stamped by the session on what the agent does: the machine times each step from it
 * (analytics per script version). Events without it (tests, replays) change no timing.
 */
export type CallEvent = CallEventBody & { at?: string };
type CallEventBody =
  | { type: 'NEXT' }
  | { type: 'BACK' }
  /** Jump to a step already done (or back forward to one, if every step in between still holds). */
  | { type: 'GOTO'; stepId: StepId }
  /** `value: null` clears the field. `stepId` is the current step or one already done. */
  | { type: 'CAPTURE'; stepId: StepId; fieldId: string; value: CaptureValue | null }
  | { type: 'SET_NOTES'; text: string }
  | { type: 'SET_REASON'; code: DelayReasonCode; detail?: string }
  | { type: 'SET_PROMISE'; amountCents: number; date: string; means: PaymentPromise['means']; invoiceIds: string[] }
  | { type: 'CONFIRM_RESTATED' }
  /** The agent emptied the promise's or the plan's fields: what is no longer on screen is no longer recorded. */
  | { type: 'CLEAR_COMMITMENT'; kind: 'promise' | 'plan' }
  | { type: 'PROPOSE_PLAN'; instalments: Instalment[]; note?: string }
  | { type: 'RAISE_DISPUTE'; invoiceIds: string[]; why: string }
  | { type: 'DECLARE_NO_COMMITMENT'; why: string }
  | { type: 'CONFIRM_CONTACT' }
  | { type: 'CORRECT_CONTACT'; contact: ContactDetails }
  | { type: 'END_NO_ANSWER' }
  | { type: 'END_VOICEMAIL'; messageLeft: boolean }
  | { type: 'END_WRONG_NUMBER' }
  | { type: 'WRONG_PERSON'; contact: RightContact; callBack: CallBack }
  | { type: 'REFUSE'; detail?: string }
  | { type: 'CUT_OFF' }
  | { type: 'RESUME' }
  | { type: 'RESCHEDULE'; callBack: CallBack }
  /** The debtor asks to be called back at another time (« Rappelez plus tard »). */
  | { type: 'REQUEST_CALL_BACK'; callBack: CallBack }
  | { type: 'FINISH' }
  /** The shell's clock moved to a new day (a call resumed the next morning): promises are checked against it. */
  | { type: 'SYNC_CLOCK'; today: string }
  /** Commit an ended call whose commit is not running: it failed, or the call was restored after it ended. */
  | { type: 'COMMIT' }
  /** The agent read answer `answer` (index) of the script's objection `objectionId` (analytics per answer). */
  | { type: 'USE_OBJECTION'; objectionId: string; answer: number };
export type CallEventType = CallEvent['type'];

/** `step`: one of the ten steps; `interrupted`: cut off, waiting; `ended`: any final state. */
export type CallTag = 'step' | 'interrupted' | 'ended';

/** Where a call can be stored: a step, cut off, or ended (committing its outcome). */
export type StoredCallStateValue = { steps: StepId } | 'interrupted' | EndingType;

/**
 * Where the running machine can be: a stored value, or past the end — `uncommitted` (no commit running:
 * it failed, or the call was restored after it ended) and `committed`. Those two are never stored: an
 * ended call is stored under its ending, and a committed one leaves the calls in progress.
 */
export type CallStateValue = StoredCallStateValue | 'uncommitted' | 'committed';

/** What the `commitOutcome` actor is given: the ended call. */
export interface CommitInput {
  context: CallContext;
}

/**
 * A call as stored: the shape of XState's persisted snapshot (no children, no history states), built from
 * context alone. `done` marks an ended call (the running machine is then still committing its outcome).
 */
export interface PersistedCallSnapshot {
  status: 'active' | 'done';
  /** Always undefined (no output, never errors); present so the type is an XState `Snapshot`. JSON drops them. */
  output: undefined;
  error: undefined;
  value: StoredCallStateValue;
  historyValue: Record<string, never>;
  context: CallContext;
  children: Record<string, never>;
}

/** What `createActor(machine, { snapshot })` is given to resume a stored call (see `resumableSnapshot`). */
export interface ResumableCallSnapshot extends Omit<PersistedCallSnapshot, 'status' | 'value'> {
  status: 'active';
  value: CallStateValue;
}

/** What the `persist` effect receives on every transition, and what `serializeCallSnapshot` returns. */
export interface CallPersistEnvelope {
  machineVersion: number;
  snapshot: PersistedCallSnapshot;
}

/** The state value a context stands for: the machine keeps `step`, `interrupted` and `ending` in step with it. */
export function stateValueOf(context: Pick<CallContext, 'ending' | 'interrupted' | 'step'>): StoredCallStateValue {
  if (context.ending) return context.ending.type;
  if (context.interrupted) return 'interrupted';
  return { steps: context.step };
}

export function persistEnvelope(context: CallContext): CallPersistEnvelope {
  return {
    machineVersion: MACHINE_VERSION,
    snapshot: {
      status: context.ending ? 'done' : 'active',
      output: undefined,
      error: undefined,
      value: stateValueOf(context),
      historyValue: {},
      context,
      children: {},
    },
  };
}
