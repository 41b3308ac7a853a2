/**
 * The app shell's side of the guided call: opening `/debtors/:id/call` either resumes the debtor's call in
 * progress (the same step, every capture and note) or starts a new one with the script the team assigned
 * to the agent's language × the debtor's segment (its current published version), or the built-in one. The call machine gets the store as its `persist` effect and the dossier commit as its
 * `commitOutcome` actor (see ./call-session-live.ts).
 *
 * A stored call that cannot resume (older machine version that cannot be migrated, damaged snapshot,
 * script gone from the library) is never lost: what it holds is written to the dossier's timeline (recoverCall).
 */
import { buildCallFacts, callContact } from '../domain/call/facts';
import type { CallContext } from '../domain/call/context';
import { hasRecoveredContent, recoveredActivity, type RecoveredCall } from '../domain/call/recovery';
import type { Activity, Language, Segment, Settings } from '../domain/entities';
import { restoreCallSnapshot, type RestoredCall } from '../machines/call.snapshot';
import { BUILTIN_SCRIPTS, builtinScript } from '../scripts/builtin';
import { resolveAssignedScript } from '../scripts/library';
import type { CallScript } from '../scripts/schema';
import type { CadenceStore, CallRecord } from '../storage/api';
import type { ScriptLibrary } from '../storage/script-library-api';
import { callLockName, openLockName, tryLock, withLock, type HeldLock, type LockManagerLike } from './call-session-lock';
import type { CallRescue } from '../storage/call-rescue';
import { adoptRescued, createLiveSession, type CallSession, type LiveDeps, type LiveParams, type PageEvents } from './call-session-live';
import type { TeamCallLockPort } from './team-locks';
import { todayIso } from './today';
import { afterPaintOrSoon } from './after-paint';

export type { CallSession, CommitState, SessionMode } from './call-session-live';
export type { SaveState } from './call-session-writer';

export interface CallSessionDeps {
  store: CadenceStore;
  /** `navigator.locks` by default; null where Web Locks are missing (then this tab always writes). */
  locks?: LockManagerLike | null;
  now?: () => number;
  newId?: () => string;
  today?: () => string;
  /** Where `pagehide` and `visibilitychange` come from; null in tests without a page. */
  page?: PageEvents | null;
  /** Where a call goes while IndexedDB refuses it (localStorage in the app); none by default. */
  rescue?: CallRescue | null;
  /** False: only resume a call in progress, never start one (the page was reached by Back or a reload). */
  start?: boolean;
  /** The team's scripts: new calls take the assigned one, resumed calls find their pinned version. None: built-ins only. */
  scripts?: ScriptLibrary | null;
  /** The script a new call follows whatever is assigned (a script preview walks the draft). */
  script?: CallScript;
  /**
   * The team's call lock (session/team-locks.ts): the tab that writes the call holds the debtor's lock on the
   * team server, so teammates' worklists show the call; released with the writer lock at hang-up. None: alone.
   */
  teamLock?: TeamCallLockPort | null;
  /** When the write of a step move starts (see LiveDeps.defer): after the next paint in a page; null: at once. */
  defer?: ((start: () => void) => () => void) | null;
}

export type OpenedCall =
  | { kind: 'session'; session: CallSession }
  /** The stored call could not resume; `activity` is what went to the timeline (null: nothing had been typed). */
  | { kind: 'recovered'; activity: Activity | null }
  | { kind: 'unreadable' }
  /** A call that cannot resume is open in another tab, which will deal with it. */
  | { kind: 'busy' }
  /** No call in progress, and the caller did not ask to start one. */
  | { kind: 'none' }
  | { kind: 'not_found' };

function defaultDeps(deps: CallSessionDeps): LiveDeps {
  const hasWindow = typeof window !== 'undefined' && typeof document !== 'undefined';
  return {
    store: deps.store,
    locks: deps.locks !== undefined ? deps.locks : (globalThis.navigator?.locks ?? null),
    now: deps.now ?? Date.now,
    newId: deps.newId ?? (() => crypto.randomUUID()),
    today: deps.today ?? (() => todayIso()),
    page: deps.page !== undefined ? deps.page : hasWindow ? { win: window, doc: document } : null,
    rescue: deps.rescue ?? null,
    defer: deps.defer !== undefined ? (deps.defer ?? undefined) : hasWindow ? afterPaintOrSoon : undefined,
  };
}

/** Stands in for a lock where the browser has no Web Locks: one tab, one writer. */
const NO_LOCK: HeldLock = { release: () => undefined };

/**
 * The script a stored call was started with, at the version it started on: a built-in, or the team's published
 * version (immutable, so a newer one published meanwhile does not change the call). A call whose script is gone
 * cannot show its steps. A library that cannot be read throws: the call stays stored for the next attempt.
 */
async function scriptOf(context: CallContext, library: ScriptLibrary | null): Promise<CallScript | undefined> {
  const builtin = BUILTIN_SCRIPTS.find((s) => s.id === context.scriptId && s.version === context.scriptVersion);
  if (builtin || !library) return builtin;
  return (await library.getVersion(context.scriptId, context.scriptVersion))?.script;
}

/**
 * The script a new call follows: the current published version of the script assigned to the language ×
 * segment, else the built-in of the language. A library that cannot be read does not stop the call.
 */
async function scriptForNewCall(library: ScriptLibrary | null, language: Language, segment: Segment): Promise<CallScript> {
  if (library) {
    try {
      const [studio, scripts] = await Promise.all([library.getStudioSettings(), library.listScripts()]);
      const ref = resolveAssignedScript(language, segment, studio.assignments, scripts);
      const version = ref ? await library.getVersion(ref.scriptId, ref.version) : undefined;
      if (version) return version.script;
    } catch {
      // The built-in below: the agent is on the phone, and the outcome keeps which script was used.
    }
  }
  return builtinScript(language);
}

function recoveredFromContext(c: CallContext): RecoveredCall {
  const { debtorId, callId, scriptId, scriptVersion, startedAt, notes, captures, reason, commitment } = c;
  return { debtorId, callId, scriptId, scriptVersion, startedAt, notes, captures, reason, commitment, fromVersion: c.machineVersion };
}

/** What opening a call of one debtor knows: the dossier and settings read once, and the session's deps. */
interface Opening {
  deps: LiveDeps;
  library: ScriptLibrary | null;
  forced: CallScript | null;
  settings: Settings;
  base: Pick<LiveParams, 'debtorId' | 'bundle' | 'settings' | 'facts'>;
  teamLock: TeamCallLockPort | null;
}

/** The writer lock of this tab, which also holds the team's call lock for the debtor until it is let go. */
function withTeamLock(lock: HeldLock | null, opening: Opening): HeldLock | null {
  if (!lock || !opening.teamLock) return lock;
  const team = opening.teamLock.hold(opening.base.debtorId);
  return {
    release() {
      team.release();
      lock.release();
    },
  };
}

/** A call that cannot resume: what it holds goes to the timeline (or nowhere, when nothing was typed). */
async function recoverStored(opening: Opening, callId: string, restored: Exclude<RestoredCall, { kind: 'snapshot' }>): Promise<OpenedCall> {
  const { store, rescue, now, newId } = opening.deps;
  // The call leaves the calls in progress here: no copy of it may stay aside to bring it back.
  if (restored.kind === 'unreadable') {
    await store.discardCall(callId);
    rescue?.clear(callId);
    return { kind: 'unreadable' };
  }
  const activity = recoveredActivity(restored.recovered, new Date(now()).toISOString(), opening.settings.agentName, newId);
  if (!hasRecoveredContent(restored.recovered)) {
    await store.discardCall(callId);
    rescue?.clear(callId);
    return { kind: 'recovered', activity: null };
  }
  await store.recoverCall(callId, activity);
  rescue?.clear(callId);
  return { kind: 'recovered', activity };
}

/** Resumes a stored call (read-only while another tab writes it), or recovers what it holds. */
async function openExisting(opening: Opening, record: CallRecord, aside = false): Promise<OpenedCall> {
  const { deps, base } = opening;
  const lock = deps.locks ? await tryLock(deps.locks, callLockName(record.callId)) : NO_LOCK;
  let restored = restoreCallSnapshot(record.envelope);
  if (restored.kind === 'snapshot') {
    const script = await scriptOf(restored.snapshot.context, opening.library);
    if (script) {
      const start = { snapshot: restored.snapshot, updatedAt: record.updatedAt, aside };
      const session = createLiveSession({ ...base, callId: record.callId, script, lock: withTeamLock(lock, opening), readOnly: lock === null, start }, deps);
      return { kind: 'session', session };
    }
    restored = { kind: 'recovered', recovered: recoveredFromContext(restored.snapshot.context) };
  }
  if (!lock) return { kind: 'busy' };
  try {
    return await recoverStored(opening, record.callId, restored);
  } finally {
    lock.release();
  }
}

/** A new call with the script assigned to the agent's language × the debtor's segment, stored before it is handed over. */
async function startNew(opening: Opening): Promise<OpenedCall> {
  const { deps, base, settings } = opening;
  const script = opening.forced ?? (await scriptForNewCall(opening.library, settings.language, base.bundle.debtor.segment));
  const callId = `call-${deps.newId()}`;
  const lock = withTeamLock(deps.locks ? await tryLock(deps.locks, callLockName(callId)) : NO_LOCK, opening);
  const input = {
    callId,
    debtorId: base.debtorId,
    contactId: callContact(base.bundle.contacts)?.id ?? null,
    agentName: settings.agentName,
    script,
    startedAt: new Date(deps.now()).toISOString(),
    today: deps.today(),
  };
  const session = createLiveSession({ ...base, callId, script, lock, readOnly: false, start: { input } }, deps);
  // Another tab opening this dossier must find this call stored, not start a second one.
  await session.flush();
  return { kind: 'session', session };
}

/** The debtor's newest call in progress (IndexedDB or the copy aside), resumed; or a new call when asked. */
async function openNewestOrStart(opening: Opening, start: boolean): Promise<OpenedCall> {
  const { deps, base } = opening;
  const active = await deps.store.activeCalls(base.debtorId);
  const kept = deps.rescue?.newest(base.debtorId);
  const adopted = kept ? await adoptRescued(deps, active.find((c) => c.callId === kept.callId), kept.callId) : undefined;
  const newest = active[0];
  if (adopted && (!newest || adopted.record.updatedAt >= newest.updatedAt)) return openExisting(opening, adopted.record, adopted.aside);
  if (newest) return openExisting(opening, newest);
  return start ? startNew(opening) : { kind: 'none' };
}

export async function openCallSession(debtorId: string, options: CallSessionDeps): Promise<OpenedCall> {
  const deps = defaultDeps(options);
  const bundle = await deps.store.getDossier(debtorId);
  if (!bundle) return { kind: 'not_found' };
  const settings = await deps.store.getSettings();
  const facts = buildCallFacts(bundle, settings, deps.today());
  const opening: Opening = { deps, library: options.scripts ?? null, forced: options.script ?? null, settings, base: { debtorId, bundle, settings, facts }, teamLock: options.teamLock ?? null };
  const open = () => openNewestOrStart(opening, options.start !== false);
  return deps.locks ? withLock(deps.locks, openLockName(debtorId), open) : open();
}
