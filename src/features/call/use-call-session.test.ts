import { createComputed, createRoot } from 'solid-js';
import { describe, expect, it, vi } from 'vitest';
import { stepRail } from '../../machines/call.selectors';
import { startCall, drive } from '../../machines/call.testing';
import type { CallEvent } from '../../machines/call.types';
import type { CallSession, SaveState } from '../../session/call-session';
import { reuseUnchanged, useCallSession } from './use-call-session';

describe('reuseUnchanged (the step rail across a step change)', () => {
  it('keeps the items whose status did not change, and replaces only the two that did', () => {
    const { actor } = startCall();
    const before = stepRail(actor.getSnapshot().context);
    drive(actor, [{ type: 'NEXT' }]);
    const after = reuseUnchanged(before, stepRail(actor.getSnapshot().context));
    const replaced = after.map((item, i) => (item === before[i] ? null : item.id)).filter((id) => id !== null);
    expect(replaced).toEqual(['presentation', 'identification']);
    expect(after.map((i) => i.status).slice(0, 3)).toEqual(['done', 'current', 'to_come']);
  });

  it('hands back the previous list itself when nothing changed (a note keystroke)', () => {
    const { actor } = startCall();
    const before = stepRail(actor.getSnapshot().context);
    drive(actor, [{ type: 'SET_NOTES', text: 'Absent, rappeler.' }]);
    expect(reuseUnchanged(before, stepRail(actor.getSnapshot().context))).toBe(before);
  });

  it('takes the new list as it is the first time', () => {
    const { actor } = startCall();
    const rail = stepRail(actor.getSnapshot().context);
    expect(reuseUnchanged(undefined, rail)).toBe(rail);
  });
});

describe('useCallSession (what a session notification re-runs)', () => {
  /** A session around a started machine, whose save state the test changes on its own, as a write landing does. */
  function fakeSession() {
    const { actor } = startCall();
    const listeners = new Set<() => void>();
    let save: SaveState = { pending: false, savedAt: null, savedSeq: 0, error: null, keptAside: false };
    const tell = () => listeners.forEach((l) => l());
    actor.subscribe(tell);
    const session = {
      snapshot: () => actor.getSnapshot(),
      mode: () => 'writer' as const,
      saveState: () => save,
      commitState: () => ({ kind: 'idle' as const }),
      subscribe: (l: () => void) => (listeners.add(l), () => listeners.delete(l)),
      send: (event: CallEvent) => actor.send(event),
      dispose: () => actor.stop(),
    } as unknown as CallSession;
    return { session, saved: (seq: number) => ((save = { ...save, savedSeq: seq }), tell()) };
  }

  it('re-runs what reads the snapshot after a transition, not after a write landed', () => {
    const { session, saved } = fakeSession();
    createRoot((dispose) => {
      const view = useCallSession(session);
      const reads = vi.fn(() => view.snapshot());
      createComputed(reads);
      const seq = vi.fn(() => view.save().savedSeq);
      createComputed(seq);
      expect(reads).toHaveBeenCalledTimes(1);
      saved(1);
      expect(seq).toHaveBeenCalledTimes(2);
      expect(reads).toHaveBeenCalledTimes(1);
      view.send({ type: 'NEXT' });
      expect(reads).toHaveBeenCalledTimes(2);
      expect(view.step()).toBe('identification');
      dispose();
    });
  });
});
