/**
 * One open call in one tab, assembled from small parts: the call machine's actor (call-actor.ts) with this
 * session's effects — `persist` into the call's save queue (call-record-writer.ts) and the `commitOutcome`
 * actor (call-commit.ts) — the page events that flush the queue (call-page-events.ts), and the writer lock
 * with the takeover when another tab lets go (call-takeover.ts). Framework-free, so the tests drive it
 * without a DOM; the call screen wraps it in Solid signals.
 */
import type { DebtorBundle } from '../domain/bundle';
import type { CallContext } from '../domain/call/context';
import type { CallFacts } from '../domain/call/facts';
import type { CallOutcome } from '../domain/call/outcome';
import type { Settings } from '../domain/entities';
import type { CallSnapshot } from '../machines/call.selectors';
import { serializeCallSnapshot } from '../machines/call.snapshot';
import type { CallEvent } from '../machines/call.types';
import type { CallScript } from '../scripts/schema';
import type { CadenceStore } from '../storage/api';
import type { CallRescue } from '../storage/call-rescue';
import { callMachineWith, isResumed, startCallActor, type CallActor, type CallEffects, type CallStart } from './call-actor';
import { commitCallOutcome } from './call-commit';
import { watchPage, type PageEvents } from './call-page-events';
import { createCallRecordWriter, type CallRecordWriter } from './call-record-writer';
import type { HeldLock, LockManagerLike } from './call-session-lock';
import type { SaveState } from './call-session-writer';
import { awaitWriterLock, takeoverStart, type TakeoverStart } from './call-takeover';

export type { PageEvents } from './call-page-events';
export { adoptRescued, type AdoptedCall } from './call-takeover';

/** `reader`: another tab writes this call; `closed`: it ended there (or can no longer be read) while we watched. */
export type SessionMode = 'writer' | 'reader' | 'closed';

export type CommitState =
  | { kind: 'idle' }
  | { kind: 'committing' }
  | { kind: 'committed'; outcome: CallOutcome }
  | { kind: 'failed'; error: unknown };

export interface CallSession {
  readonly callId: string;
  readonly debtorId: string;
  readonly bundle: DebtorBundle;
  readonly settings: Settings;
  readonly script: CallScript;
  /** The dossier's facts on the day the screen opened (the script's `{variables}`). */
  readonly facts: CallFacts;
  /** True when this opened a call already in progress rather than starting one. */
  readonly resumed: boolean;
  mode(): SessionMode;
  snapshot(): CallSnapshot;
  /** Ignored unless this tab is the writer. */
  send(event: CallEvent): void;
  saveState(): SaveState;
  commitState(): CommitState;
  retryCommit(): void;
  flush(): Promise<void>;
  /** Told after every change of snapshot, mode, save state or commit state. */
  subscribe(listener: () => void): () => void;
  /** Writes what is pending, stops the actor, then frees the writer lock. */
  dispose(): void;
}

export interface LiveDeps {
  store: CadenceStore;
  locks: LockManagerLike | null;
  now: () => number;
  newId: () => string;
  today: () => string;
  page: PageEvents | null;
  /** Where the call goes while IndexedDB refuses it; null: nowhere (tests, no localStorage). */
  rescue: CallRescue | null;
  /** When the write of a step move starts: after the frame that shows the step, in the app. None: at once. */
  defer?: (start: () => void) => () => void;
}

export interface LiveParams {
  callId: string;
  debtorId: string;
  bundle: DebtorBundle;
  settings: Settings;
  script: CallScript;
  facts: CallFacts;
  /** Held: this tab writes. Null while another tab holds it (read-only), or when Web Locks are missing. */
  lock: HeldLock | null;
  readOnly: boolean;
  start: CallStart;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * Moves between steps: nothing the agent typed rides on them, so their write may start after the frame that
 * shows the new step (a killed tab at worst resumes one step back). Everything else is written at once.
 */
const STEP_MOVES: ReadonlySet<CallEvent['type']> = new Set(['NEXT', 'BACK', 'GOTO']);

/** When a resumed call ended: the time its ended state was written. */
const endedAtOf = (start: CallStart): string | null => (isResumed(start) && start.snapshot.context.ending ? start.updatedAt : null);

/**
 * The session's commit state and its lock: the commit the machine invokes records how it went, and the
 * writer lock is let go once the call's last write landed after the commit (or after disposal).
 */
function createCommitTracker(params: LiveParams, deps: LiveDeps, writer: CallRecordWriter, notify: () => void) {
  let state: CommitState = { kind: 'idle' };
  let lock = params.lock;
  let endedAt = endedAtOf(params.start);
  let disposed = false;
  const releaseWhenWritten = (): void => {
    const held = lock;
    lock = null;
    if (held) void writer.flush().catch(() => undefined).finally(() => held.release());
  };
  return {
    state: () => state,
    /** The `commitOutcome` effect of this session. */
    async commit(context: CallContext): Promise<CallOutcome> {
      endedAt ??= iso(deps.now());
      state = { kind: 'committing' };
      notify();
      try {
        const outcome = await commitCallOutcome(context, endedAt, { ...deps, writer, bundle: params.bundle });
        state = { kind: 'committed', outcome };
        releaseWhenWritten();
        return outcome;
      } catch (error) {
        state = { kind: 'failed', error };
        if (disposed) releaseWhenWritten();
        throw error;
      }
    },
    /** This tab became the writer of a call that was written at `updatedAt`. */
    tookOver(held: HeldLock, start: TakeoverStart): void {
      lock = held;
      endedAt = start.snapshot.context.ending ? start.updatedAt : endedAt;
    },
    dispose(): void {
      disposed = true;
      if (state.kind !== 'committing') releaseWhenWritten();
    },
  };
}

export function createLiveSession(params: LiveParams, deps: LiveDeps): CallSession {
  const { callId, debtorId } = params;
  const listeners = new Set<() => void>();
  /**
   * While an event is being sent, the writer (the machine persists inside the transition) and the actor both
   * report a change: the screen is told once, after the transition, with the state it ended in. Told twice, it
   * re-ran every view of the call for the half-done transition first (a trace at 4× CPU: the step change's
   * reactive updates ran twice, the first time with the step it was leaving).
   */
  let sending = 0;
  let missed = false;
  const notify = (): void => {
    if (sending > 0) {
      missed = true;
      return;
    }
    listeners.forEach((l) => l());
  };
  const sendOnce = (send: () => void): void => {
    sending++;
    try {
      send();
    } finally {
      sending--;
      if (sending === 0 && missed) {
        missed = false;
        notify();
      }
    }
  };
  const writer = createCallRecordWriter({ callId, debtorId }, deps, isResumed(params.start) && params.start.aside === true);
  writer.subscribe(notify);
  const commit = createCommitTracker(params, deps, writer, notify);
  // The timing of the write the event being sent causes (the machine persists synchronously inside send).
  let timing: 'now' | 'soon' = 'now';
  const effects: CallEffects = { persist: (envelope) => writer.pushEnvelope(envelope, timing), commit: (context) => commit.commit(context) };
  let mode: SessionMode = params.readOnly ? 'reader' : 'writer';
  let disposed = false;
  const waiting = new AbortController();

  const start = (from: CallStart, writes: boolean): CallActor => {
    const actor = startCallActor(callMachineWith(writes ? effects : null), from, params.script, notify, writes ? deps.today : null);
    if (writes && isResumed(from)) {
      // A call resumed from the copy kept aside goes to IndexedDB at once (retried until it is taken)…
      if (from.aside) writer.pushEnvelope(serializeCallSnapshot(actor));
      // …before the commit of a call that had ended, which first lands every write.
      actor.send({ type: 'COMMIT' });
    }
    return actor;
  };

  async function takeOver(held: HeldLock): Promise<void> {
    const resumed = disposed ? null : await takeoverStart(deps, callId);
    if (disposed || !resumed) {
      held.release();
      if (!disposed) mode = 'closed';
      return notify();
    }
    commit.tookOver(held, resumed);
    mode = 'writer';
    const previous = actor;
    actor = start(resumed, true);
    previous.stop();
    notify();
  }

  let actor = start(params.start, mode === 'writer');
  if (mode === 'reader') awaitWriterLock(deps.locks, callId, waiting.signal, (held) => void takeOver(held));
  const unwatchPage = watchPage(deps.page, writer);

  return {
    callId,
    debtorId,
    bundle: params.bundle,
    settings: params.settings,
    script: params.script,
    facts: params.facts,
    resumed: isResumed(params.start),
    mode: () => mode,
    snapshot: () => actor.getSnapshot(),
    send(event) {
      // Stamped with the time it happened: the machine times each step from it (analytics per version).
      if (mode !== 'writer' || disposed) return;
      timing = STEP_MOVES.has(event.type) ? 'soon' : 'now';
      try {
        sendOnce(() => actor.send({ ...event, at: event.at ?? iso(deps.now()) }));
      } finally {
        timing = 'now';
      }
    },
    saveState: () => writer.state(),
    commitState: commit.state,
    retryCommit() {
      if (mode === 'writer' && commit.state().kind === 'failed') actor.send({ type: 'COMMIT' });
    },
    flush: () => writer.flush(),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      waiting.abort();
      unwatchPage();
      writer.flushNow();
      actor.stop();
      commit.dispose();
      listeners.clear();
    },
  };
}
