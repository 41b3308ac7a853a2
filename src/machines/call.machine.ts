/**
 * The guided call: the ten steps of seed 001 as states, and the other ways a call ends.
 * No DOM, no IndexedDB: the two effects are declared by name and provided by the session (or another mode:
 * a script preview, training) with `callMachine.provide({ actions: { persist }, actors: { commitOutcome } })`;
 * ids and the clock come in `input` (and SYNC_CLOCK).
 *
 * - `persist` (an action): every transition persists. Entering a step or the interruption persists (entry),
 *   every transition that stays in its state (captures, notes, commitments…) persists in its own actions,
 *   and every transition that ends the call persists the ended call. Context keeps `step`, `interrupted`
 *   and `ending` in step with the state value, so the envelope is built from context alone.
 * - `commitOutcome` (an invoked actor): each ending state invokes it with the ended call's context; it
 *   lands the outcome in the dossier. Done: `committed`, the final state. Failed: `uncommitted`, where
 *   COMMIT starts it again. A call restored from storage after it ended also waits in `uncommitted` (no
 *   commit runs in a restored snapshot), and the session sends COMMIT when it is the writer.
 */
import { assertEvent, assign, fromPromise, setup } from 'xstate';
import { ENDING_TYPES, type CallContext, type EndingType } from '../domain/call/context';
import type { CallOutcome } from '../domain/call/outcome';
import { isCallBackValid, isNonEmpty } from '../domain/call/rules';
import { STEP_IDS, type StepId } from '../domain/call/steps';
import { leaveStep } from '../domain/call/step-timing';
import { MAX_OBJECTIONS_USED } from '../domain/call/context';
import { scriptFields } from '../scripts/fill';
import {
  canGoTo,
  canLeave,
  captureAllowed,
  clockMovesForward,
  correctionAllowed,
  disputeAllowed,
  endingFor,
  finishesAs,
  planAllowed,
  promiseAllowed,
  reasonAllowed,
  withCapture,
  wrongPersonAllowed,
  type FinishKind,
} from './call.logic';
import { MACHINE_VERSION, persistEnvelope, type CallEvent, type CallInput, type CallPersistEnvelope, type CallTag, type CommitInput } from './call.types';

// XState resolves params after the transition's assigns, so the envelope always holds the new context.
const persist = { type: 'persist', params: ({ context }: { context: CallContext }) => persistEnvelope(context) } as const;

function initialContext(input: CallInput): CallContext {
  return {
    machineVersion: MACHINE_VERSION,
    callId: input.callId,
    debtorId: input.debtorId,
    contactId: input.contactId,
    agentName: input.agentName,
    scriptId: input.script.id,
    scriptVersion: input.script.version,
    scriptFields: scriptFields(input.script),
    startedAt: input.startedAt,
    today: input.today,
    captures: {},
    notes: '',
    reason: null,
    commitment: null,
    contactCheck: null,
    step: 'presentation',
    reached: [],
    interrupted: false,
    ending: null,
  };
}

/** Every ending state: the call is over and its outcome is being committed. */
const committing = {
  tags: ['ended'],
  invoke: {
    src: 'commitOutcome',
    input: ({ context }: { context: CallContext }): CommitInput => ({ context }),
    onDone: { target: '#call.committed' },
    onError: { target: '#call.uncommitted' },
  },
} as const;

export const callMachine = setup({
  types: {
    context: {} as CallContext,
    events: {} as CallEvent,
    input: {} as CallInput,
    tags: {} as CallTag,
  },
  actors: {
    /**
     * Effect, provided by the session: commit the ended call's outcome (activity, promise, follow-ups…) to
     * the dossier and close the call in progress. Nobody provided one (a tab that only reads the call): it
     * never settles, so the call waits in its ending state rather than claiming a commit that did not happen.
     */
    commitOutcome: fromPromise<CallOutcome, CommitInput>(() => new Promise<never>(() => {})),
  },
  actions: {
    /** Effect, provided by the session: store the envelope (debounce note keystrokes, flush on pagehide). */
    persist: (_args, _envelope: CallPersistEnvelope) => {},
    enterStep: assign(({ context, event }, params: { stepId: StepId }) => ({ ...leaveStep(context, event.at), step: params.stepId })),
    markReached: assign(({ context }) => ({
      reached: context.reached.includes(context.step) ? context.reached : [...context.reached, context.step],
    })),
    recordCapture: assign(({ context, event }) => {
      assertEvent(event, 'CAPTURE');
      return { captures: withCapture(context, event) };
    }),
    setNotes: assign(({ event }) => {
      assertEvent(event, 'SET_NOTES');
      return { notes: event.text };
    }),
    setReason: assign(({ event }) => {
      assertEvent(event, 'SET_REASON');
      return { reason: { code: event.code, detail: (event.detail ?? '').trim() } };
    }),
    setPromise: assign(({ event }) => {
      assertEvent(event, 'SET_PROMISE');
      const { amountCents, date, means, invoiceIds } = event;
      // Any change to the promise has to be read back to the debtor again.
      return { commitment: { kind: 'promise' as const, amountCents, date, means, invoiceIds: [...invoiceIds], restatedConfirmed: false } };
    }),
    clearCommitment: assign({ commitment: null }),
    confirmRestated: assign(({ context }) => ({
      commitment: context.commitment?.kind === 'promise' ? { ...context.commitment, restatedConfirmed: true } : context.commitment,
    })),
    setPlan: assign(({ event }) => {
      assertEvent(event, 'PROPOSE_PLAN');
      return { commitment: { kind: 'plan' as const, instalments: event.instalments.map((i) => ({ ...i })), note: (event.note ?? '').trim() } };
    }),
    setDispute: assign(({ context, event }) => {
      assertEvent(event, 'RAISE_DISPUTE');
      const why = event.why.trim();
      return {
        commitment: { kind: 'dispute' as const, invoiceIds: [...event.invoiceIds], why },
        reason: context.reason ?? { code: 'dispute' as const, detail: why },
      };
    }),
    setNoCommitment: assign(({ event }) => {
      assertEvent(event, 'DECLARE_NO_COMMITMENT');
      return { commitment: { kind: 'none' as const, why: event.why.trim() } };
    }),
    confirmContact: assign({ contactCheck: { status: 'confirmed' as const } }),
    correctContact: assign(({ event }) => {
      assertEvent(event, 'CORRECT_CONTACT');
      const c = event.contact;
      return { contactCheck: { status: 'corrected' as const, contact: { name: c.name.trim(), role: c.role, phone: c.phone.trim(), email: c.email.trim() } } };
    }),
    interrupt: assign({ interrupted: true }),
    resume: assign({ interrupted: false }),
    end: assign(({ context, event }) => ({ ...leaveStep(context, event.at), ending: endingFor(context, event), interrupted: false })),
    useObjection: assign(({ context, event }) => {
      assertEvent(event, 'USE_OBJECTION');
      const used = [...(context.objectionsUsed ?? []), { objectionId: event.objectionId, answer: event.answer }];
      return { objectionsUsed: used.slice(-MAX_OBJECTIONS_USED) };
    }),
    syncClock: assign(({ event }) => {
      assertEvent(event, 'SYNC_CLOCK');
      return { today: event.today };
    }),
  },
  guards: {
    objectionUseValid: ({ event }) =>
      event.type === 'USE_OBJECTION' && Number.isInteger(event.answer) && event.answer >= 0 && event.objectionId.length > 0 && event.objectionId.length <= 64,
    canLeave: ({ context }) => canLeave(context),
    canGoTo: ({ context, event }, params: { stepId: StepId }) => event.type === 'GOTO' && event.stepId === params.stepId && canGoTo(context, params.stepId),
    isStep: ({ context }, params: { stepId: StepId }) => context.step === params.stepId,
    captureAllowed: ({ context, event }) => event.type === 'CAPTURE' && captureAllowed(context, event),
    reasonAllowed: ({ context, event }) => event.type === 'SET_REASON' && reasonAllowed(context, event),
    promiseAllowed: ({ context, event }) => event.type === 'SET_PROMISE' && promiseAllowed(context, event),
    hasPromise: ({ context }) => context.commitment?.kind === 'promise',
    holdsCommitment: ({ context, event }) => event.type === 'CLEAR_COMMITMENT' && context.commitment?.kind === event.kind,
    planAllowed: ({ context, event }) => event.type === 'PROPOSE_PLAN' && planAllowed(context, event),
    disputeAllowed: ({ context, event }) => event.type === 'RAISE_DISPUTE' && disputeAllowed(context, event),
    noCommitmentAllowed: ({ event }) => event.type === 'DECLARE_NO_COMMITMENT' && isNonEmpty(event.why),
    correctionAllowed: ({ event }) => event.type === 'CORRECT_CONTACT' && correctionAllowed(event),
    wrongPersonAllowed: ({ context, event }) => event.type === 'WRONG_PERSON' && wrongPersonAllowed(context, event),
    callBackAllowed: ({ context, event }) =>
      (event.type === 'RESCHEDULE' || event.type === 'REQUEST_CALL_BACK') && isCallBackValid(event.callBack, context.today),
    clockMovesForward: ({ context, event }) => event.type === 'SYNC_CLOCK' && context.ending === null && clockMovesForward(context, event),
    /** Notes are the agent's while the call lasts; an ended call is what gets committed. */
    isLive: ({ context }) => context.ending === null,
    endedAs: ({ context }, params: { type: EndingType }) => context.ending?.type === params.type,
    finishesAs: ({ context }, params: { kind: FinishKind }) => finishesAs(context, params.kind),
  },
}).createMachine({
  id: 'call',
  context: ({ input }) => initialContext(input),
  initial: 'steps',
  on: {
    SET_NOTES: { guard: 'isLive', actions: ['setNotes', persist] },
    SYNC_CLOCK: { guard: 'clockMovesForward', actions: ['syncClock', persist] },
  },
  states: {
    steps: {
      tags: ['step'],
      initial: 'presentation',
      on: {
        GOTO: STEP_IDS.map((stepId) => ({ guard: { type: 'canGoTo' as const, params: { stepId } }, target: `.${stepId}` })),
        CAPTURE: { guard: 'captureAllowed', actions: ['recordCapture', persist] },
        SET_REASON: { guard: 'reasonAllowed', actions: ['setReason', persist] },
        RAISE_DISPUTE: { guard: 'disputeAllowed', actions: ['setDispute', persist] },
        USE_OBJECTION: { guard: 'objectionUseValid', actions: ['useObjection', persist] },
        CUT_OFF: { target: '#call.interrupted', actions: 'interrupt' },
        REFUSE: { target: '#call.refusal', actions: ['end', persist] },
        REQUEST_CALL_BACK: { guard: 'callBackAllowed', target: '#call.call_back_requested', actions: ['end', persist] },
      },
      states: {
        presentation: {
          entry: [{ type: 'enterStep', params: { stepId: 'presentation' } }, persist],
          on: {
            NEXT: { guard: 'canLeave', target: 'identification', actions: 'markReached' },
            END_NO_ANSWER: { target: '#call.no_answer', actions: ['end', persist] },
            END_VOICEMAIL: { target: '#call.voicemail', actions: ['end', persist] },
            END_WRONG_NUMBER: { target: '#call.wrong_number', actions: ['end', persist] },
            WRONG_PERSON: { guard: 'wrongPersonAllowed', target: '#call.wrong_person', actions: ['end', persist] },
          },
        },
        identification: {
          entry: [{ type: 'enterStep', params: { stepId: 'identification' } }, persist],
          on: {
            NEXT: { guard: 'canLeave', target: 'explanation', actions: 'markReached' },
            BACK: { target: 'presentation' },
            END_WRONG_NUMBER: { target: '#call.wrong_number', actions: ['end', persist] },
            WRONG_PERSON: { guard: 'wrongPersonAllowed', target: '#call.wrong_person', actions: ['end', persist] },
            CONFIRM_CONTACT: { actions: ['confirmContact', persist] },
            CORRECT_CONTACT: { guard: 'correctionAllowed', actions: ['correctContact', persist] },
          },
        },
        explanation: {
          entry: [{ type: 'enterStep', params: { stepId: 'explanation' } }, persist],
          on: {
            NEXT: { guard: 'canLeave', target: 'listening', actions: 'markReached' },
            BACK: { target: 'identification' },
          },
        },
        listening: {
          entry: [{ type: 'enterStep', params: { stepId: 'listening' } }, persist],
          on: {
            NEXT: { guard: 'canLeave', target: 'delay_reason', actions: 'markReached' },
            BACK: { target: 'explanation' },
          },
        },
        delay_reason: {
          entry: [{ type: 'enterStep', params: { stepId: 'delay_reason' } }, persist],
          on: {
            NEXT: { guard: 'canLeave', target: 'commitments', actions: 'markReached' },
            BACK: { target: 'listening' },
          },
        },
        commitments: {
          entry: [{ type: 'enterStep', params: { stepId: 'commitments' } }, persist],
          on: {
            NEXT: { guard: 'canLeave', target: 'anticipation', actions: 'markReached' },
            BACK: { target: 'delay_reason' },
            SET_PROMISE: { guard: 'promiseAllowed', actions: ['setPromise', persist] },
            CONFIRM_RESTATED: { guard: 'hasPromise', actions: ['confirmRestated', persist] },
            CLEAR_COMMITMENT: { guard: 'holdsCommitment', actions: ['clearCommitment', persist] },
            PROPOSE_PLAN: { guard: 'planAllowed', actions: ['setPlan', persist] },
            DECLARE_NO_COMMITMENT: { guard: 'noCommitmentAllowed', actions: ['setNoCommitment', persist] },
          },
        },
        anticipation: {
          entry: [{ type: 'enterStep', params: { stepId: 'anticipation' } }, persist],
          on: {
            NEXT: { guard: 'canLeave', target: 'contact_details', actions: 'markReached' },
            BACK: { target: 'commitments' },
          },
        },
        contact_details: {
          entry: [{ type: 'enterStep', params: { stepId: 'contact_details' } }, persist],
          on: {
            NEXT: { guard: 'canLeave', target: 'conclusion', actions: 'markReached' },
            BACK: { target: 'anticipation' },
            CONFIRM_CONTACT: { actions: ['confirmContact', persist] },
            CORRECT_CONTACT: { guard: 'correctionAllowed', actions: ['correctContact', persist] },
          },
        },
        conclusion: {
          entry: [{ type: 'enterStep', params: { stepId: 'conclusion' } }, persist],
          on: {
            NEXT: { guard: 'canLeave', target: 'formalisation', actions: 'markReached' },
            BACK: { target: 'contact_details' },
          },
        },
        formalisation: {
          entry: [{ type: 'enterStep', params: { stepId: 'formalisation' } }, persist],
          on: {
            BACK: { target: 'conclusion' },
            FINISH: [
              { guard: { type: 'finishesAs', params: { kind: 'dispute' } }, target: '#call.dispute', actions: ['markReached', 'end', persist] },
              { guard: { type: 'finishesAs', params: { kind: 'plan' } }, target: '#call.plan_request', actions: ['markReached', 'end', persist] },
              { guard: { type: 'finishesAs', params: { kind: 'other' } }, target: '#call.completed', actions: ['markReached', 'end', persist] },
            ],
          },
        },
      },
    },
    interrupted: {
      tags: ['interrupted'],
      entry: persist,
      on: {
        RESUME: STEP_IDS.map((stepId) => ({
          guard: { type: 'isStep' as const, params: { stepId } },
          target: `#call.steps.${stepId}`,
          actions: 'resume' as const,
        })),
        RESCHEDULE: { guard: 'callBackAllowed', target: 'cut_off', actions: ['end', persist] },
      },
    },
    // The ended call was persisted by the transition that ended it: entering again (COMMIT) writes nothing.
    completed: committing,
    no_answer: committing,
    voicemail: committing,
    wrong_number: committing,
    wrong_person: committing,
    refusal: committing,
    cut_off: committing,
    call_back_requested: committing,
    dispute: committing,
    plan_request: committing,
    uncommitted: {
      tags: ['ended'],
      on: { COMMIT: ENDING_TYPES.map((type) => ({ guard: { type: 'endedAs' as const, params: { type } }, target: `#call.${type}` })) },
    },
    committed: { type: 'final', tags: ['ended'] },
  },
});

export type CallMachine = typeof callMachine;
