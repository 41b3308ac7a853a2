/**
 * Helpers for the call machine's tests (imported by *.test.ts only): a started actor whose `persist`
 * effect records every envelope, and the event sequences of the main call paths.
 */
import { createActor } from 'xstate';
import { STARTED_AT, TODAY } from '../domain/call/call.fixtures';
import { FR_SCRIPT } from '../scripts/builtin/fr';
import { callMachine } from './call.machine';
import type { CallEvent, CallInput, CallPersistEnvelope } from './call.types';

export function callInput(overrides: Partial<CallInput> = {}): CallInput {
  return {
    callId: 'call-1',
    debtorId: 'd1',
    contactId: 'c1',
    agentName: 'Camille Martin',
    script: FR_SCRIPT,
    startedAt: STARTED_AT,
    today: TODAY,
    ...overrides,
  };
}

/** The machine with `persist` provided as a recorder, the way the app shell provides its store. */
export function recordingMachine(saved: CallPersistEnvelope[]) {
  return callMachine.provide({ actions: { persist: (_, envelope) => void saved.push(envelope) } });
}

export function startCall(input: CallInput = callInput()) {
  const saved: CallPersistEnvelope[] = [];
  const actor = createActor(recordingMachine(saved), { input });
  actor.start();
  return { actor, saved };
}

type CallActor = ReturnType<typeof startCall>['actor'];

/** Sends each event, failing loudly if the machine refuses one: a path test must not pass by skipping. */
export function drive(actor: CallActor, events: readonly CallEvent[]): void {
  for (const event of events) {
    if (!actor.getSnapshot().can(event)) {
      throw new Error(`Refused ${JSON.stringify(event)} in ${JSON.stringify(actor.getSnapshot().value)}`);
    }
    actor.send(event);
  }
}

export const PROMISE: Extract<CallEvent, { type: 'SET_PROMISE' }> = {
  type: 'SET_PROMISE',
  amountCents: 60_000,
  date: '2026-11-25',
  means: 'transfer',
  invoiceIds: ['i2'],
};

export const TO_DELAY_REASON: CallEvent[] = [
  { type: 'NEXT' },
  { type: 'CONFIRM_CONTACT' },
  { type: 'NEXT' },
  { type: 'CAPTURE', stepId: 'explanation', fieldId: 'invoices_received', value: 'yes' },
  { type: 'NEXT' },
  { type: 'CAPTURE', stepId: 'listening', fieldId: 'key_points', value: 'Trésorerie tendue ce mois-ci' },
  { type: 'NEXT' },
];

/** From the commitments step (commitment recorded) to the end of formalisation, before FINISH. */
export const AFTER_COMMITMENT: CallEvent[] = [
  { type: 'NEXT' },
  { type: 'NEXT' },
  { type: 'CORRECT_CONTACT', contact: { name: 'Claire Dubois', role: 'accounts_payable', phone: '04 72 00 00 00', email: 'compta@boulangerie-martin.fr' } },
  { type: 'NEXT' },
  { type: 'NEXT' },
  { type: 'CAPTURE', stepId: 'formalisation', fieldId: 'recap_channel', value: 'email' },
];

export const COMPLETED_CALL: CallEvent[] = [
  ...TO_DELAY_REASON,
  { type: 'SET_REASON', code: 'cash_flow', detail: 'Client important en retard' },
  { type: 'NEXT' },
  PROMISE,
  { type: 'CONFIRM_RESTATED' },
  ...AFTER_COMMITMENT,
  { type: 'FINISH' },
];
