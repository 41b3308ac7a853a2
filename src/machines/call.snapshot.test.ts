import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { hasRecoveredContent, recoveredActivity } from '../domain/call/recovery';
import { idSequence } from '../domain/call/call.fixtures';
import { restoreCallSnapshot, serializeCallSnapshot } from './call.snapshot';
import { MACHINE_VERSION, type CallPersistEnvelope } from './call.types';
import { TO_DELAY_REASON, callInput, drive, recordingMachine, startCall } from './call.testing';

function midCall(): CallPersistEnvelope {
  const { actor } = startCall();
  drive(actor, [...TO_DELAY_REASON.slice(0, 4), { type: 'SET_NOTES', text: 'Attend le retour du DAF' }]);
  return serializeCallSnapshot(actor);
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('serializeCallSnapshot', () => {
  it('is plain JSON carrying the machine version', () => {
    const envelope = midCall();
    expect(envelope.machineVersion).toBe(MACHINE_VERSION);
    expect(JSON.parse(JSON.stringify(envelope))).toEqual(envelope);
    expect(envelope.snapshot.value).toEqual({ steps: 'explanation' });
  });
});

describe('restoreCallSnapshot', () => {
  it('gives back a snapshot an actor resumes from, at the same step with the same notes', () => {
    const restored = restoreCallSnapshot(JSON.stringify(midCall()));
    expect(restored.kind).toBe('snapshot');
    if (restored.kind !== 'snapshot') return;
    const saved: CallPersistEnvelope[] = [];
    const actor = createActor(recordingMachine(saved), { snapshot: restored.snapshot, input: callInput() }).start();
    expect(actor.getSnapshot().value).toEqual({ steps: 'explanation' });
    expect(actor.getSnapshot().context.notes).toBe('Attend le retour du DAF');
    drive(actor, [{ type: 'NEXT' }]);
    expect(saved.at(-1)?.snapshot.value).toEqual({ steps: 'listening' });
  });

  it('recovers notes and captures from an older machine version instead of resuming it', () => {
    const old = { ...clone(midCall()), machineVersion: 0 };
    const restored = restoreCallSnapshot(old);
    expect(restored).toEqual({
      kind: 'recovered',
      recovered: {
        debtorId: 'd1',
        callId: 'call-1',
        scriptId: 'builtin.fr',
        scriptVersion: 1,
        startedAt: '2026-11-18T09:30:00.000Z',
        notes: 'Attend le retour du DAF',
        captures: { explanation: { invoices_received: 'yes' } },
        reason: null,
        commitment: null,
        fromVersion: 0,
      },
    });
  });

  it('recovers from a newer version too: this build cannot know its states', () => {
    const restored = restoreCallSnapshot({ ...clone(midCall()), machineVersion: MACHINE_VERSION + 1 });
    expect(restored.kind).toBe('recovered');
  });

  it('recovers rather than resumes when the state and the context disagree', () => {
    const envelope = clone(midCall());
    (envelope.snapshot as { value: unknown }).value = { steps: 'commitments' };
    expect(restoreCallSnapshot(envelope).kind).toBe('recovered');
    const done = clone(midCall());
    (done.snapshot as { status: string }).status = 'done';
    expect(restoreCallSnapshot(done).kind).toBe('recovered');
  });

  it('salvages the captures that still read, field by field, from a damaged context', () => {
    const envelope = clone(midCall()) as unknown as { snapshot: { context: Record<string, unknown> } };
    envelope.snapshot.context.captures = { explanation: { invoices_received: 'yes', broken: { nested: true } }, nowhere: { a: 'b' } };
    envelope.snapshot.context.step = 'step_eleven';
    const restored = restoreCallSnapshot(envelope);
    expect(restored.kind).toBe('recovered');
    if (restored.kind !== 'recovered') return;
    expect(restored.recovered.captures).toEqual({ explanation: { invoices_received: 'yes' } });
    expect(restored.recovered.notes).toBe('Attend le retour du DAF');
  });

  it('calls unreadable what cannot be tied to a dossier', () => {
    expect(restoreCallSnapshot('{not json').kind).toBe('unreadable');
    expect(restoreCallSnapshot(null).kind).toBe('unreadable');
    expect(restoreCallSnapshot({ machineVersion: 1, snapshot: { context: { notes: 'x' } } }).kind).toBe('unreadable');
  });
});

describe('recoveredActivity', () => {
  it('saves the recovered notes and captures as a call activity marked recovered', () => {
    const restored = restoreCallSnapshot({ ...clone(midCall()), machineVersion: 0 });
    if (restored.kind !== 'recovered') throw new Error('expected a recovery');
    expect(hasRecoveredContent(restored.recovered)).toBe(true);
    const activity = recoveredActivity(restored.recovered, '2026-11-18T10:00:00.000Z', 'Camille Martin', idSequence('a'));
    expect(activity).toMatchObject({ id: 'a-1', debtorId: 'd1', type: 'call', outcome: 'recovered', summary: 'Attend le retour du DAF' });
    expect(activity.details).toMatchObject({ callId: 'call-1', recoveredFromVersion: 0, captures: { explanation: { invoices_received: 'yes' } } });
  });

  it('knows when there is nothing worth saving', () => {
    expect(
      hasRecoveredContent({ debtorId: 'd1', callId: null, scriptId: null, scriptVersion: null, startedAt: null, notes: ' ', captures: { listening: {} }, reason: null, commitment: null, fromVersion: 0 }),
    ).toBe(false);
  });
});
