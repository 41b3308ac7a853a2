/**
 * Helpers for the call machine's tests (imported by *.test.ts only): a started actor whose `persist`
 * effect records every envelope, and the event sequences of the main call paths.
 */
import { createActor } from 'xstate';
import { STARTED_AT, TODAY } from '../domain/call/call.fixtures';
import { STEP_IDS } from '../domain/call/steps';
import { FR_SCRIPT } from '../scripts/builtin/fr';
import { callMachine } from './call.machine';
import { MACHINE_VERSION, type CallEvent, type CallInput, type CallPersistEnvelope } from './call.types';

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

/** The machine with `persist` provided as a recorder, the way the session provides its store. */
export function recordingMachine(saved: CallPersistEnvelope[]) {
  return callMachine.provide({ actions: { persist: (_, envelope) => void saved.push(envelope) } });
}

/**
 * XState's own persisted snapshot in the form a call is stored: once ended, the machine is still running
 * its commit (a child actor, status `active`); stored, the call is `done` and carries no running actor.
 */
export function storedForm(snapshot: { context: { ending: unknown } }, persisted: unknown): CallPersistEnvelope {
  const raw = JSON.parse(JSON.stringify(persisted)) as CallPersistEnvelope['snapshot'];
  const ended = snapshot.context.ending !== null;
  return { machineVersion: MACHINE_VERSION, snapshot: { ...raw, status: ended ? 'done' : raw.status, children: {} } };
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

/** One valid payload per event type, for model-based exploration; the guards decide where each applies. */
export function sampleEvents(notes = 'Note'): CallEvent[] {
  return [
  { type: 'NEXT' },
  { type: 'BACK' },
  ...STEP_IDS.map((stepId) => ({ type: 'GOTO' as const, stepId })),
  { type: 'CAPTURE', stepId: 'formalisation', fieldId: 'recap_channel', value: 'email' },
  { type: 'SET_NOTES', text: notes },
  { type: 'SET_REASON', code: 'cash_flow', detail: '' },
  PROMISE,
  { type: 'CONFIRM_RESTATED' },
  { type: 'PROPOSE_PLAN', instalments: [{ date: '2026-12-15', amountCents: 90_000 }, { date: '2027-01-15', amountCents: 90_000 }] },
  { type: 'RAISE_DISPUTE', invoiceIds: ['i1'], why: 'Livraison incomplète' },
  { type: 'DECLARE_NO_COMMITMENT', why: 'Décision lundi' },
  { type: 'CONFIRM_CONTACT' },
  { type: 'CORRECT_CONTACT', contact: { name: 'Claire Dubois', role: 'accountant', phone: '01 00 00 00 00', email: 'c@d.fr' } },
  { type: 'END_NO_ANSWER' },
  { type: 'END_VOICEMAIL', messageLeft: false },
  { type: 'END_WRONG_NUMBER' },
  { type: 'WRONG_PERSON', contact: { name: 'Luc Petit', role: 'manager', phone: '06 00 00 00 00' }, callBack: { date: TODAY, time: '15:00' } },
  { type: 'REFUSE' },
  { type: 'CUT_OFF' },
  { type: 'RESUME' },
  { type: 'RESCHEDULE', callBack: { date: '2026-11-20' } },
  { type: 'REQUEST_CALL_BACK', callBack: { date: '2026-11-19', time: '09:00' } },
  { type: 'FINISH' },
  ];
}

/** States differ by where the call is, what it decided and captured; notes only ride along. */
export function stateKey(snapshot: ReturnType<typeof callMachine.transition>): string {
  const c = snapshot.context;
  return JSON.stringify([snapshot.value, c.reason?.code ?? null, c.commitment?.kind ?? null, c.commitment?.kind === 'promise' && c.commitment.restatedConfirmed, c.contactCheck?.status ?? null, c.captures]);
}
