/**
 * R6: every reachable state of the call machine (xstate/graph shortest paths over one valid event of each
 * type) is written the way the app writes it — the `persist` effect's envelope through the store's
 * `saveCall`, i.e. zod validation and IndexedDB's structured clone (fake-indexeddb here) — read back with
 * `getCall`, restored and resumed: the resumed actor must persist the same envelope, accept exactly the same
 * events, and write nothing on its own. The unit test in src/machines does the same through JSON only.
 */
import 'fake-indexeddb/auto';
import { createActor } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import { TODAY } from '../../src/domain/call/call.fixtures';
import { STEP_IDS } from '../../src/domain/call/steps';
import { callMachine } from '../../src/machines/call.machine';
import { restoreCallSnapshot, serializeCallSnapshot } from '../../src/machines/call.snapshot';
import { PROMISE, callInput, recordingMachine } from '../../src/machines/call.testing';
import { persistEnvelope, type CallEvent, type CallPersistEnvelope } from '../../src/machines/call.types';
import { openCadenceDb } from '../../src/storage/db';
import { createCadenceStore } from '../../src/storage/store';
import { figure } from './harness';

/** One valid payload per event type (the same list as src/machines/call.graph.test.ts); guards decide where each applies. */
const EVENTS: CallEvent[] = [
  { type: 'NEXT' },
  { type: 'BACK' },
  ...STEP_IDS.map((stepId) => ({ type: 'GOTO' as const, stepId })),
  { type: 'CAPTURE', stepId: 'formalisation', fieldId: 'recap_channel', value: 'email' },
  { type: 'SET_NOTES', text: 'Note — « accord » 1 500,00 €' },
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

type Snapshot = ReturnType<typeof callMachine.transition>;

/** States differ by where the call is and what it decided and captured; notes only ride along. */
function stateKey(snapshot: Snapshot): string {
  const c = snapshot.context;
  return JSON.stringify([snapshot.value, c.reason?.code ?? null, c.commitment?.kind ?? null, c.commitment?.kind === 'promise' && c.commitment.restatedConfirmed, c.contactCheck?.status ?? null, c.captures]);
}

describe('R6 persisted snapshot round-trip', () => {
  it('every reachable call state survives save → IndexedDB → read → restore → resume', { timeout: 120_000 }, async () => {
    const paths = getShortestPaths(callMachine, { input: callInput(), events: EVENTS, serializeState: stateKey });
    const store = createCadenceStore(await openCadenceDb(`r6-${Date.now()}`));
    const values = new Set<string>();
    let done = 0;
    let failures = 0;
    for (const [i, { state }] of paths.entries()) {
      const label = stateKey(state);
      const envelope: CallPersistEnvelope = persistEnvelope(state.context);
      const callId = state.context.callId;
      await store.saveCall({ callId, debtorId: state.context.debtorId, updatedAt: new Date(Date.UTC(2026, 10, 18, 9, 30, i)).toISOString(), envelope });
      const record = await store.getCall(callId);
      const restored = restoreCallSnapshot(record?.envelope);
      if (restored.kind !== 'snapshot') {
        failures++;
        expect.soft(restored.kind, label).toBe('snapshot');
        continue;
      }
      const writes: CallPersistEnvelope[] = [];
      const resumed = createActor(recordingMachine(writes), { snapshot: restored.snapshot, input: callInput() }).start();
      const again = serializeCallSnapshot(resumed);
      const same = JSON.stringify(again) === JSON.stringify(JSON.parse(JSON.stringify(envelope)));
      const sameEvents = EVENTS.every((event) => resumed.getSnapshot().can(event) === state.can(event));
      if (!same || !sameEvents || writes.length > 0) failures++;
      expect.soft(again, label).toEqual(JSON.parse(JSON.stringify(envelope)));
      expect.soft(sameEvents, `${label}: same events accepted`).toBe(true);
      expect.soft(writes, `${label}: restoring writes nothing`).toEqual([]);
      values.add(JSON.stringify(state.value));
      if (state.status === 'done') done++;
      resumed.stop();
    }
    store.close();
    figure(`R6 snapshot round-trip: ${paths.length} reachable states (${values.size} distinct state values, ${done} ended) through saveCall → IndexedDB → getCall → restore → resume, ${failures} failed`);
    expect(paths.length).toBeGreaterThan(50);
    expect(failures).toBe(0);
  });
});
