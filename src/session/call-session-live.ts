/**
 * One open call in one tab: the call machine's actor with the store provided as its `persist` effect, the
 * save queue, the writer lock, and the commit of the outcome when the call ends. Framework-free, so the
 * tests drive it without a DOM; the call screen wraps it in Solid signals.
 */
import { createActor, type Actor } from 'xstate';
import type { DebtorBundle } from '../domain/bundle';
import type { CallContext } from '../domain/call/context';
import type { CallFacts } from '../domain/call/facts';
import { callOutcome, type CallOutcome, type OutcomeDossier } from '../domain/call/outcome';
import { callAttempts } from '../domain/call/outcome-followups';
import { planBases } from '../domain/call/outcome-plan';
import type { Settings } from '../domain/entities';
import { callMachine, type CallMachine } from '../machines/call.machine';
import type { CallSnapshot } from '../machines/call.selectors';
import { restoreCallSnapshot, serializeCallSnapshot } from '../machines/call.snapshot';
import type { CallEvent, CallInput, CallPersistEnvelope, PersistedCallSnapshot } from '../machines/call.types';
import type { CallScript } from '../scripts/schema';
import type { CallRecord, CallRecordInput, CadenceStore } from '../storage/api';
import type { CallRescue } from '../storage/call-rescue';
import { callLockName, waitForLock, type HeldLock, type LockManagerLike } from './call-session-lock';
import { createCallWriter, type SaveState } from './call-session-writer';
import { dossierPenalties } from '../domain/penalties/dossier-penalties';

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

export interface PageEvents {
  win: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  doc: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'>;
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
}

/** A call record, and whether it is a copy kept aside that IndexedDB does not hold yet. */
export interface AdoptedCall {
  record: CallRecord;
  aside: boolean;
}

/**
 * The newest of the stored call and a copy kept aside while IndexedDB refused it. A kept copy is put back
 * into IndexedDB and dropped; when IndexedDB still refuses, the copy is used as it is and stays aside (the
 * session then writes it again until IndexedDB takes it).
 */
export async function adoptRescued(deps: Pick<LiveDeps, 'store' | 'rescue'>, stored: CallRecord | undefined, callId?: string): Promise<AdoptedCall | undefined> {
  const kept = callId === undefined ? undefined : deps.rescue?.get(callId);
  if (!kept || (stored && stored.updatedAt >= kept.updatedAt)) {
    if (kept) deps.rescue?.clear(kept.callId);
    return stored && { record: stored, aside: false };
  }
  try {
    await deps.store.restoreCall(kept);
    deps.rescue?.clear(kept.callId);
    return { record: kept, aside: false };
  } catch {
    return { record: kept, aside: true };
  }
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
  /** A new call, or a stored snapshot with the time it was last written. */
  start: { input: CallInput } | { snapshot: PersistedCallSnapshot; updatedAt: string; aside?: boolean };
}

type CallActor = Actor<CallMachine>;

function inputOf(c: CallContext, script: CallScript): CallInput {
  return { callId: c.callId, debtorId: c.debtorId, contactId: c.contactId, agentName: c.agentName, script, startedAt: c.startedAt, today: c.today };
}
const iso = (ms: number): string => new Date(ms).toISOString();

export function createLiveSession(params: LiveParams, deps: LiveDeps): CallSession {
  const { callId, debtorId } = params;
  const listeners = new Set<() => void>();
  const notify = (): void => listeners.forEach((l) => l());
  const rescue = deps.rescue;
  const writer = createCallWriter<CallRecordInput>((record) => deps.store.saveCall(record), {
    now: deps.now,
    rescue: rescue ? { put: (record) => rescue.put(record), clear: () => rescue.clear(callId) } : undefined,
    keptAside: 'snapshot' in params.start && params.start.aside === true,
  });
  writer.subscribe(notify);

  let mode: SessionMode = params.readOnly ? 'reader' : 'writer';
  let lock = params.lock;
  let commit: CommitState = { kind: 'idle' };
  let endedAt: string | null = 'snapshot' in params.start && params.start.snapshot.status === 'done' ? params.start.updatedAt : null;
  let disposed = false;
  const waiting = new AbortController();

  const persist = (_: unknown, envelope: CallPersistEnvelope): void => {
    writer.push({ callId, debtorId, updatedAt: iso(deps.now()), envelope });
  };
  const machineFor = (writes: boolean) => (writes ? callMachine.provide({ actions: { persist } }) : callMachine);

  function startActor(start: LiveParams['start'], writes: boolean): CallActor {
    const machine = machineFor(writes);
    const created =
      'input' in start
        ? createActor(machine, { input: start.input })
        : // XState ignores `input` when given a snapshot; the types still ask for one.
          createActor(machine, { snapshot: start.snapshot, input: inputOf(start.snapshot.context, params.script) });
    created.subscribe(() => {
      checkEnded(created);
      notify();
    });
    created.start();
    // A call resumed on a later day checks promises and call-backs against the new date.
    if (writes && !('input' in start)) created.send({ type: 'SYNC_CLOCK', today: deps.today() });
    return created;
  }

  function releaseWhenWritten(): void {
    const held = lock;
    lock = null;
    if (held) void writer.flush().catch(() => undefined).finally(() => held.release());
  }

  /**
   * What the outcome needs from the dossier: the debtor's previous calls (contact pacing) and, for a plan
   * offer, the balances it could settle with the penalties accrued today (rates from Settings).
   */
  async function outcomeDossier(context: CallContext): Promise<OutcomeDossier> {
    const previousAttempts = callAttempts(params.bundle.activities);
    if (context.commitment?.kind !== 'plan') return { previousAttempts };
    const today = deps.today();
    const penalties = dossierPenalties(params.bundle, await deps.store.getRateSettings(), today);
    return { previousAttempts, planBases: planBases(params.bundle.invoices, today, penalties.interestCents + penalties.indemnityCents) };
  }

  async function runCommit(source: CallActor): Promise<void> {
    commit = { kind: 'committing' };
    notify();
    try {
      await writer.close();
      const context = source.getSnapshot().context;
      const outcome = callOutcome(context, endedAt ?? iso(deps.now()), deps.newId, await outcomeDossier(context));
      await deps.store.commitCallOutcome(callId, outcome);
      deps.rescue?.clear(callId);
      commit = { kind: 'committed', outcome };
      releaseWhenWritten();
    } catch (error) {
      commit = { kind: 'failed', error };
      if (disposed) releaseWhenWritten();
    }
    notify();
  }

  /** An ended call is committed at once: its outcome lands in the dossier and the call in progress closes. */
  function checkEnded(source: CallActor): void {
    if (mode !== 'writer' || commit.kind !== 'idle' || source.getSnapshot().status !== 'done') return;
    endedAt ??= iso(deps.now());
    void runCommit(source);
  }

  const flushNow = (): void => writer.flushNow();
  const onVisibility = (): void => {
    if (deps.page?.doc.visibilityState === 'hidden') writer.flushNow();
  };
  // While writes fail (device full, database closed) and even localStorage refused the copy, the notes typed
  // since live only in this tab: the browser asks before the agent closes or reloads it.
  const onBeforeUnload = (event: Event): void => {
    const save = writer.state();
    if (save.error === null || save.keptAside) return;
    event.preventDefault();
    (event as Event & { returnValue: unknown }).returnValue = true;
  };
  deps.page?.win.addEventListener('pagehide', flushNow);
  deps.page?.win.addEventListener('beforeunload', onBeforeUnload);
  deps.page?.doc.addEventListener('visibilitychange', onVisibility);

  /** The writer tab let go (closed, navigated, died): read the latest record and carry on as the writer. */
  async function takeOver(held: HeldLock): Promise<void> {
    if (disposed) return held.release();
    const adopted = await adoptRescued(deps, await deps.store.getCall(callId).catch(() => undefined), callId);
    const record = adopted?.record;
    const restored = record ? restoreCallSnapshot(record.envelope) : null;
    if (disposed || !record || restored?.kind !== 'snapshot') {
      held.release();
      if (!disposed) mode = 'closed';
      return notify();
    }
    lock = held;
    mode = 'writer';
    const previous = actor;
    if (restored.snapshot.status === 'done') endedAt = record.updatedAt;
    actor = startActor({ snapshot: restored.snapshot, updatedAt: record.updatedAt }, true);
    previous.stop();
    if (adopted?.aside) rewriteKeptCopy(actor);
    notify();
    checkEnded(actor);
  }

  /** A call resumed from the copy kept aside goes to IndexedDB at once (retried until it is taken). */
  function rewriteKeptCopy(source: CallActor): void {
    writer.push({ callId, debtorId, updatedAt: iso(deps.now()), envelope: serializeCallSnapshot(source) });
  }

  let actor = startActor(params.start, mode === 'writer');
  if (mode === 'writer' && 'snapshot' in params.start && params.start.aside) rewriteKeptCopy(actor);
  if (mode === 'reader' && deps.locks) {
    void waitForLock(deps.locks, callLockName(callId), waiting.signal).then((held) => held && takeOver(held));
  }
  checkEnded(actor);

  return {
    callId,
    debtorId,
    bundle: params.bundle,
    settings: params.settings,
    script: params.script,
    facts: params.facts,
    resumed: !('input' in params.start),
    mode: () => mode,
    snapshot: () => actor.getSnapshot(),
    send(event) {
      if (mode === 'writer' && !disposed) actor.send(event);
    },
    saveState: () => writer.state(),
    commitState: () => commit,
    retryCommit() {
      if (commit.kind === 'failed') void runCommit(actor);
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
      deps.page?.win.removeEventListener('pagehide', flushNow);
      deps.page?.win.removeEventListener('beforeunload', onBeforeUnload);
      deps.page?.doc.removeEventListener('visibilitychange', onVisibility);
      writer.flushNow();
      actor.stop();
      if (commit.kind !== 'committing') releaseWhenWritten();
      listeners.clear();
    },
  };
}
