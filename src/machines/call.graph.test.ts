/**
 * Model-based checks with xstate/graph: every final state is reachable by a shortest path of valid
 * events, and every reachable state survives persist → JSON → restore → persist unchanged.
 */
import { createActor } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import { ENDING_TYPES } from '../domain/call/context';
import { STEP_IDS } from '../domain/call/steps';
import { callMachine } from './call.machine';
import { restoreCallSnapshot, serializeCallSnapshot } from './call.snapshot';
import { persistEnvelope, type CallPersistEnvelope } from './call.types';
import { callInput, drive, recordingMachine, sampleEvents, startCall, stateKey, storedForm } from './call.testing';

const EVENTS = sampleEvents();

const serializeState = stateKey;

const paths = getShortestPaths(callMachine, { input: callInput(), events: EVENTS, serializeState });
const eventsOf = (path: (typeof paths)[number]) => path.steps.map((s) => s.event).filter((e) => !e.type.startsWith('xstate.'));

describe('call machine graph', () => {
  it('reaches every final state and every step', () => {
    const values = new Set(paths.map((p) => JSON.stringify(p.state.value)));
    for (const ending of ENDING_TYPES) expect(values, ending).toContain(JSON.stringify(ending));
    for (const step of STEP_IDS) expect(values, step).toContain(JSON.stringify({ steps: step }));
    expect(values).toContain(JSON.stringify('interrupted'));
  });

  it.each(ENDING_TYPES.map((e) => [e]))('a shortest path to %s drives a real actor there', (ending) => {
    const path = paths
      .filter((p) => p.state.value === ending)
      .sort((a, b) => a.steps.length - b.steps.length)[0];
    expect(path).toBeDefined();
    const { actor, saved } = startCall();
    drive(actor, eventsOf(path!));
    expect(actor.getSnapshot().value).toBe(ending);
    expect(actor.getSnapshot().context.ending?.type).toBe(ending);
    expect(saved.at(-1)?.snapshot.status).toBe('done');
  });

  it(`persist → JSON → restore → persist is the identity in every reachable state (${paths.length} states)`, { timeout: 60_000 }, () => {
    expect(paths.length).toBeGreaterThan(50);
    for (const { state } of paths) {
      const label = serializeState(state);
      const persisted = storedForm(state, callMachine.getPersistedSnapshot(state));
      // What the `persist` effect is given, built from context alone, is exactly XState's persisted snapshot
      // (in its stored form: an ended call is `done`, without the commit it is running).
      expect(JSON.parse(JSON.stringify(persistEnvelope(state.context))), label).toEqual(persisted);

      const restored = restoreCallSnapshot(JSON.stringify(persisted));
      expect(restored.kind, label).toBe('snapshot');
      if (restored.kind !== 'snapshot') continue;
      const again: CallPersistEnvelope[] = [];
      const resumed = createActor(recordingMachine(again), { snapshot: restored.snapshot, input: callInput() }).start();
      expect(serializeCallSnapshot(resumed), label).toEqual(persisted);
      // An ended call resumes waiting for COMMIT: a restored snapshot runs no commit by itself.
      expect(resumed.getSnapshot().value, label).toEqual(state.context.ending ? 'uncommitted' : state.value);
      // Restoring replays no entry action: nothing is written until the agent acts.
      expect(again).toEqual([]);
      for (const event of EVENTS) {
        expect(resumed.getSnapshot().can(event), `${label} ${event.type}`).toBe(state.can(event));
      }
      resumed.stop();
    }
  });
});
