/**
 * The outcome commit as an invoked actor: each ending state invokes `commitOutcome`, which the session (or
 * another mode) provides like `persist`. Driven here with a fake commit through `createActor`.
 */
import { createActor, fromPromise } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { CallContext } from '../domain/call/context';
import type { CallOutcome } from '../domain/call/outcome';
import { callMachine } from './call.machine';
import { restoreCallSnapshot } from './call.snapshot';
import { COMPLETED_CALL, callInput, drive } from './call.testing';
import { persistEnvelope, type CallPersistEnvelope, type CommitInput } from './call.types';

/** A commit whose every call the test settles by hand. */
function fakeCommit() {
  const calls: { context: CallContext; resolve(outcome: CallOutcome): void; reject(error: unknown): void }[] = [];
  const logic = fromPromise<CallOutcome, CommitInput>(
    ({ input }) => new Promise<CallOutcome>((resolve, reject) => void calls.push({ context: input.context, resolve, reject })),
  );
  return { calls, logic };
}

const OUTCOME = { activity: { id: 'a1' } } as unknown as CallOutcome;
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function startWithCommit() {
  const saved: CallPersistEnvelope[] = [];
  const commit = fakeCommit();
  const machine = callMachine.provide({ actions: { persist: (_, envelope) => void saved.push(envelope) }, actors: { commitOutcome: commit.logic } });
  const actor = createActor(machine, { input: callInput() }).start();
  return { actor, saved, commit, machine };
}

describe('call machine: the outcome commit', () => {
  it('invokes the commit once with the ended call, and is done once it is committed', async () => {
    const { actor, commit, saved } = startWithCommit();
    drive(actor, COMPLETED_CALL);
    expect(actor.getSnapshot().value).toBe('completed');
    expect(commit.calls).toHaveLength(1);
    expect(commit.calls[0]?.context.ending).toEqual({ type: 'completed' });
    // The ended call was persisted before its commit started: what gets committed is on disk first.
    expect(saved.at(-1)?.snapshot.status).toBe('done');
    expect(actor.getSnapshot().can({ type: 'COMMIT' })).toBe(false);

    commit.calls[0]?.resolve(OUTCOME);
    await tick();
    expect(actor.getSnapshot().value).toBe('committed');
    expect(actor.getSnapshot().status).toBe('done');
    expect(actor.getSnapshot().hasTag('ended')).toBe(true);
  });

  it('waits in `uncommitted` after a failed commit, and COMMIT tries again without writing the call again', async () => {
    const { actor, commit, saved } = startWithCommit();
    drive(actor, [{ type: 'END_NO_ANSWER' }]);
    const writes = saved.length;
    commit.calls[0]?.reject(new Error('disk full'));
    await tick();
    expect(actor.getSnapshot().value).toBe('uncommitted');
    expect(actor.getSnapshot().context.ending).toEqual({ type: 'no_answer' });

    drive(actor, [{ type: 'COMMIT' }]);
    expect(actor.getSnapshot().value).toBe('no_answer');
    expect(commit.calls).toHaveLength(2);
    expect(saved).toHaveLength(writes);
    commit.calls[1]?.resolve(OUTCOME);
    await tick();
    expect(actor.getSnapshot().value).toBe('committed');
  });

  it('resumes a call stored after its end in `uncommitted`, committing nothing until COMMIT', async () => {
    const ended = startWithCommit();
    drive(ended.actor, [{ type: 'REFUSE' }]);
    const restored = restoreCallSnapshot(JSON.stringify(persistEnvelope(ended.actor.getSnapshot().context)));
    if (restored.kind !== 'snapshot') throw new Error(restored.kind);

    const commit = fakeCommit();
    const resumed = createActor(callMachine.provide({ actors: { commitOutcome: commit.logic } }), { snapshot: restored.snapshot, input: callInput() }).start();
    await tick();
    expect(resumed.getSnapshot().value).toBe('uncommitted');
    expect(commit.calls).toHaveLength(0);
    resumed.send({ type: 'COMMIT' });
    expect(resumed.getSnapshot().value).toBe('refusal');
    expect(commit.calls.map((c) => c.context.ending?.type)).toEqual(['refusal']);
  });

  it('refuses COMMIT before the end, and notes or clock changes once the call has ended', () => {
    const { actor } = startWithCommit();
    expect(actor.getSnapshot().can({ type: 'COMMIT' })).toBe(false);
    drive(actor, [{ type: 'END_VOICEMAIL', messageLeft: true }]);
    expect(actor.getSnapshot().can({ type: 'SET_NOTES', text: 'after' })).toBe(false);
    expect(actor.getSnapshot().can({ type: 'SYNC_CLOCK', today: '2030-01-01' })).toBe(false);
  });

  it('without a commit provided (a tab that only reads), an ended call never claims to be committed', async () => {
    const actor = createActor(callMachine, { input: callInput() }).start();
    drive(actor, [{ type: 'END_WRONG_NUMBER' }]);
    await tick();
    expect(actor.getSnapshot().value).toBe('wrong_number');
    expect(actor.getSnapshot().status).toBe('active');
  });
});
