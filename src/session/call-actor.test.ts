import { describe, expect, it, vi } from 'vitest';
import type { CallOutcome } from '../domain/call/outcome';
import { restoreCallSnapshot } from '../machines/call.snapshot';
import { callInput, drive, startCall } from '../machines/call.testing';
import { persistEnvelope, type CallPersistEnvelope } from '../machines/call.types';
import { FR_SCRIPT } from '../scripts/builtin/fr';
import { callMachineWith, rehearseStepMoves, startCallActor, type CallEffects } from './call-actor';

function effects() {
  const persisted: CallPersistEnvelope[] = [];
  const commit = vi.fn(async () => ({}) as CallOutcome);
  const e: CallEffects = { persist: (envelope) => void persisted.push(envelope), commit };
  return { e, persisted, commit };
}

describe('callMachineWith and startCallActor', () => {
  it('gives the machine the mode’s persist and commit', async () => {
    const { e, persisted, commit } = effects();
    const changes = vi.fn();
    const actor = startCallActor(callMachineWith(e), { input: callInput() }, FR_SCRIPT, changes, () => '2026-11-18');
    expect(persisted).toHaveLength(1);
    actor.send({ type: 'END_NO_ANSWER' });
    expect(commit).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(actor.getSnapshot().value).toBe('committed'));
    expect(changes).toHaveBeenCalled();
  });

  it('without effects (a reading tab) writes and commits nothing', () => {
    const actor = startCallActor(callMachineWith(null), { input: callInput() }, FR_SCRIPT, () => undefined, null);
    actor.send({ type: 'END_NO_ANSWER' });
    expect(actor.getSnapshot().value).toBe('no_answer');
  });

  it('moves a resumed call to today when it writes, and leaves it as stored when it only reads', () => {
    const { actor: earlier } = startCall(callInput({ today: '2026-11-18' }));
    drive(earlier, [{ type: 'NEXT' }]);
    const restored = restoreCallSnapshot(persistEnvelope(earlier.getSnapshot().context));
    if (restored.kind !== 'snapshot') throw new Error(restored.kind);
    const start = { snapshot: restored.snapshot, updatedAt: '2026-11-18T10:00:00.000Z' };

    const { e, persisted } = effects();
    const writing = startCallActor(callMachineWith(e), start, FR_SCRIPT, () => undefined, () => '2026-11-19');
    expect(writing.getSnapshot().context.today).toBe('2026-11-19');
    expect(writing.getSnapshot().context.step).toBe('identification');
    expect(persisted.at(-1)?.snapshot.context.today).toBe('2026-11-19');

    const reading = startCallActor(callMachineWith(null), start, FR_SCRIPT, () => undefined, null);
    expect(reading.getSnapshot().context.today).toBe('2026-11-18');
  });

  it('rehearses Next and Back without moving, persisting or committing anything', () => {
    const { e, persisted, commit } = effects();
    const changes = vi.fn();
    const actor = startCallActor(callMachineWith(e), { input: callInput() }, FR_SCRIPT, changes, () => '2026-11-18');
    actor.send({ type: 'NEXT' });
    const before = actor.getSnapshot();
    const writes = persisted.length;
    changes.mockClear();
    rehearseStepMoves(before);
    expect(actor.getSnapshot()).toBe(before);
    expect(before.context.step).toBe('identification');
    expect(persisted).toHaveLength(writes);
    expect(changes).not.toHaveBeenCalled();
    expect(commit).not.toHaveBeenCalled();
  });
});
