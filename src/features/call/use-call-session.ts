/**
 * The call session as Solid signals. The snapshot signal fires on every transition (each note keystroke
 * included), so views read it through narrow memos: a keystroke in the notes re-renders the notes, not
 * the step. The session is disposed with the screen (pending writes flushed, writer lock released).
 */
import { batch, createMemo, createSignal, onCleanup } from 'solid-js';
import type { CallSession, CommitState, SaveState, SessionMode } from '../../session/call-session';
import { stripBidiDeep } from '../../domain/text';
import type { CallEvent } from '../../machines/call.types';
import { currentBlockers, stepRail, type CallSnapshot } from '../../machines/call.selectors';

type RailItem = ReturnType<typeof stepRail>[number];

/** `next`, with each item equal to the previous one at its place replaced by that one; `previous` itself when all are. */
export function reuseUnchanged(previous: RailItem[] | undefined, next: RailItem[]): RailItem[] {
  if (!previous) return next;
  const same = (a: RailItem | undefined, b: RailItem) => a !== undefined && a.id === b.id && a.number === b.number && a.status === b.status;
  const merged = next.map((item, i) => (same(previous[i], item) ? previous[i]! : item));
  return merged.length === previous.length && merged.every((item, i) => item === previous[i]) ? previous : merged;
}

export function useCallSession(session: CallSession) {
  // The session also tells of its save state (twice per write: pending, then on disk): the snapshot is only
  // set anew when it is a new one (XState's snapshots are immutable), so a write landing does not re-run
  // every view of the call. It did, right after each step's paint (a trace at 4× CPU: ~20 ms of updates per
  // step move, met by the agent's next key).
  const [snapshot, setSnapshot] = createSignal<CallSnapshot>(session.snapshot());
  const [mode, setMode] = createSignal<SessionMode>(session.mode());
  const [save, setSave] = createSignal<SaveState>(session.saveState());
  const [commit, setCommit] = createSignal<CommitState>(session.commitState());
  const stop = session.subscribe(() =>
    batch(() => {
      setSnapshot(session.snapshot());
      setMode(session.mode());
      setSave(session.saveState());
      setCommit(session.commitState());
    }),
  );
  onCleanup(() => {
    stop();
    session.dispose();
  });

  const context = () => snapshot().context;
  const step = createMemo(() => context().step);
  const phase = createMemo<'step' | 'interrupted' | 'ended'>(() =>
    snapshot().hasTag('ended') ? 'ended' : snapshot().hasTag('interrupted') ? 'interrupted' : 'step',
  );
  const notes = createMemo(() => context().notes);
  const captures = createMemo(() => context().captures);
  const reason = createMemo(() => context().reason);
  const commitment = createMemo(() => context().commitment);
  const contactCheck = createMemo(() => context().contactCheck);
  const today = createMemo(() => context().today);
  // Items that did not change keep their object, so the rail (an <Index>) updates the two that did, not all ten.
  const rail = createMemo<RailItem[]>((previous) => reuseUnchanged(previous, stepRail(context())));
  const blockers = createMemo(() => currentBlockers(snapshot()), undefined, { equals: (a, b) => JSON.stringify(a) === JSON.stringify(b) });

  return {
    session,
    snapshot,
    mode,
    save,
    commit,
    step,
    phase,
    notes,
    captures,
    reason,
    commitment,
    contactCheck,
    today,
    rail,
    blockers,
    readOnly: () => mode() !== 'writer',
    /** Whether the machine takes `event` now (and this tab may write). */
    can: (event: CallEvent) => mode() === 'writer' && snapshot().can(event),
    /** Direction controls never enter the call (notes, captures, reasons): what is typed prints as typed. */
    send: (event: CallEvent) => session.send(stripBidiDeep(event)),
  };
}

export type CallView = ReturnType<typeof useCallSession>;
