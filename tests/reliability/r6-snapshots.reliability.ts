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
import { callMachine } from '../../src/machines/call.machine';
import { restoreCallSnapshot, serializeCallSnapshot } from '../../src/machines/call.snapshot';
import { callInput, recordingMachine, sampleEvents, stateKey } from '../../src/machines/call.testing';
import { persistEnvelope, type CallPersistEnvelope } from '../../src/machines/call.types';
import { openCadenceDb } from '../../src/storage/db';
import { createCadenceStore } from '../../src/storage/store';
import { figure } from './harness';

const EVENTS = sampleEvents('Note — « accord » 1 500,00 €');


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
      if (state.hasTag('ended')) done++;
      resumed.stop();
    }
    store.close();
    figure(`R6 snapshot round-trip: ${paths.length} reachable states (${values.size} distinct state values, ${done} ended) through saveCall → IndexedDB → getCall → restore → resume, ${failures} failed`);
    expect(paths.length).toBeGreaterThan(50);
    expect(failures).toBe(0);
  });
});
