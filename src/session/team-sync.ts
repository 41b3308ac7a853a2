/**
 * Team sync for a running app: the sync engine (src/sync/client/engine.ts) over the app's store, its HTTP
 * transport, the browser's network events, and the first connection of a device that already holds data.
 *
 * Interface (stable; the Settings → Team screen and the sign-in flow call it):
 *
 *   const team = createTeamSync({ store, serverUrl, fetch?, csrfToken?, deviceName?, network?, clock? })
 *   team.status.get() / team.status.subscribe(fn)   TeamSyncStatus: the engine's status (state idle | syncing |
 *                                                    offline | error, pending, failed, lastSyncAt, error reason)
 *                                                    plus `firstConnection: 'needed'` while a device with data of
 *                                                    its own waits for the user's choice. subscribe calls fn at once
 *                                                    and returns the unsubscribe. No Solid inside: wrap it in a signal.
 *   await team.start({ userId?, role? })            after sign-in: joins the device to the team (or asks first, see
 *                                                    above), opens the live stream, syncs.
 *   team.stop()                                     on sign-out: stream closed, retries cancelled. Local changes keep
 *                                                    going to the outbox and are pushed at the next start.
 *   await team.syncNow()                            push then pull now; resolves with the status it ended in.
 *   await team.firstConnection('upload' | 'useTeam') upload: every local record is sent to the team; useTeam: the
 *                                                    local dossiers are cleared and the team's data pulled whole.
 *   team.lostEdits.get() / .subscribe(fn)           local edits the server did not apply because a teammate's edit
 *                                                    reached it first (LostEdit: kind, recordId, field, lost, kept).
 *   await team.dismissLostEdit(edit)                the agent has seen it.
 *   await team.failed()                             changes the server refused (reason: forbidden, invalid…).
 *   await team.leave()                              the device leaves the team: nothing more is recorded for it.
 *   await team.shareTrainingScore(record)           a finished simulation's score, for the trainee's lead (training
 *                                                    history lives in its own database, so this is a mutation of its
 *                                                    own, not part of that write's transaction).
 *   activeTeamSync()                                the team sync started last and not stopped, for code that only
 *                                                    sometimes has one (the training screen after a simulation).
 */
import type { TrainingSessionRecord } from '../domain/training/session-record';
import type { CadenceStore } from '../storage/api';
import { onOutboxWrite } from '../storage/outbox-capture';
import type { TeamSyncStore } from '../storage/sync-local';
import { createSyncEngine, type NetworkWatch, type SyncEngine, type SyncStatus } from '../sync/client/engine';
import type { FailedMutation, SyncClock } from '../sync/client/ports';
import type { LostEdit, TeamRole } from '../sync/protocol';
import { createHttpTransport } from '../sync/transport';
import { todayIso } from './today';

export type TeamSyncStatus = SyncStatus & { firstConnection?: 'needed' };

export interface Observable<T> {
  get(): T;
  subscribe(listener: (value: T) => void): () => void;
}

export interface TeamSyncOptions {
  store: CadenceStore;
  serverUrl: string;
  fetch?: typeof fetch;
  /** The session's CSRF token (from the login answer); defaults to the readable CSRF cookie. */
  csrfToken?: () => string | null | undefined;
  /** How the server lists this device to the team and in the audit. */
  deviceName?: string;
  network?: NetworkWatch;
  clock?: SyncClock;
  /** Other live events (e.g. `locks`) for whoever shows them. */
  onEvent?: (event: string, data: unknown) => void;
  /** The team's records reached this store (the app bumps its data version so open screens read again). */
  onRemoteChange?: () => void;
}

export interface TeamSync {
  status: Observable<TeamSyncStatus>;
  lostEdits: Observable<LostEdit[]>;
  start(user?: { userId?: string; role?: TeamRole }): Promise<void>;
  stop(): void;
  syncNow(): Promise<TeamSyncStatus>;
  firstConnection(choice: 'upload' | 'useTeam'): Promise<TeamSyncStatus>;
  dismissLostEdit(edit: Pick<LostEdit, 'mutationId' | 'field'>): Promise<void>;
  failed(): Promise<FailedMutation[]>;
  leave(): Promise<void>;
  shareTrainingScore(record: TrainingSessionRecord): Promise<void>;
}

let active: TeamSync | null = null;

/** The team sync started last and not stopped since, if any. */
export function activeTeamSync(): TeamSync | null {
  return active;
}

/** A simulation's score as the protocol carries it (the persona stands for the scenario and its script). */
export function trainingScoreOf(record: TrainingSessionRecord) {
  return {
    id: record.id,
    scriptId: record.personaId.slice(0, 64),
    scenario: record.personaName.slice(0, 200),
    score: record.score,
    at: record.endedAt,
  };
}

function observable<T>(initial: T): Observable<T> & { set(value: T): void } {
  let value = initial;
  const listeners = new Set<(v: T) => void>();
  return {
    get: () => value,
    set(next) {
      value = next;
      for (const l of listeners) l(value);
    },
    subscribe(listener) {
      listeners.add(listener);
      listener(value);
      return () => listeners.delete(listener);
    },
  };
}

/** The browser's online/offline events; always online where there is no window (node tests pass their own). */
export function browserNetwork(): NetworkWatch {
  return {
    online: () => (typeof navigator === 'undefined' ? true : navigator.onLine !== false),
    subscribe(onChange) {
      if (typeof window === 'undefined') return () => undefined;
      const up = () => onChange(true);
      const down = () => onChange(false);
      window.addEventListener('online', up);
      window.addEventListener('offline', down);
      return () => {
        window.removeEventListener('online', up);
        window.removeEventListener('offline', down);
      };
    },
  };
}

function defaultDeviceName(): string {
  const platform = typeof navigator === 'undefined' ? 'node' : ((navigator as { userAgentData?: { platform?: string } }).userAgentData?.platform ?? navigator.platform ?? 'browser');
  return `Cadence · ${platform || 'browser'}`.slice(0, 100);
}

export function createTeamSync(options: TeamSyncOptions): TeamSync {
  const { store, serverUrl } = options;
  if (!store.sync) throw new Error('This store cannot sync with a team (no records behind it)');
  const local: TeamSyncStore = store.sync;
  const clock = options.clock;
  const transport = createHttpTransport({
    serverUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.csrfToken ? { csrfToken: options.csrfToken } : {}),
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
  });
  const engine: SyncEngine = createSyncEngine({
    local,
    transport,
    network: options.network ?? browserNetwork(),
    today: (now) => todayIso(now),
    ...(clock ? { clock } : {}),
    ...(options.onRemoteChange ? { onRemoteChange: options.onRemoteChange } : {}),
  });
  const deviceName = options.deviceName ?? defaultDeviceName();
  const status = observable<TeamSyncStatus>(engine.status());
  const lostEdits = observable<LostEdit[]>([]);
  let waitingForChoice = false;
  let user: { userId?: string; role?: TeamRole } = {};
  let unwatchOutbox: (() => void) | null = null;

  const refreshLostEdits = async () => lostEdits.set(await local.lostEdits());
  const publish = (s: SyncStatus) => status.set(waitingForChoice ? { ...s, firstConnection: 'needed' } : s);
  engine.subscribe((s) => {
    publish(s);
    // After each sync the lost edits may have changed.
    if (s.state === 'idle') void refreshLostEdits().catch(() => undefined);
  });

  const join = () => local.join({ serverUrl, deviceName, ...user }, new Date().toISOString());

  function run(): void {
    unwatchOutbox ??= onOutboxWrite(() => engine.localChanged());
    engine.start();
    active = self;
  }

  function halt(): void {
    engine.stop();
    unwatchOutbox?.();
    unwatchOutbox = null;
    if (active === self) active = null;
  }

  const self: TeamSync = {
    status,
    lostEdits,

    async start(who = {}) {
      user = who;
      const link = await local.teamLink();
      if (link && link.serverUrl !== serverUrl) {
        // Another server: its checkpoint and pending rows mean nothing here; the first connection decides again.
        await local.leave();
      } else if (link) {
        await join();
        waitingForChoice = false;
        await refreshLostEdits();
        run();
        return;
      }
      if (await local.hasLocalData()) {
        waitingForChoice = true;
        publish(engine.status());
        return;
      }
      await join();
      run();
    },

    stop: halt,

    syncNow: () => engine.syncNow().then(() => status.get()),

    async firstConnection(choice) {
      await join();
      if (choice === 'upload') await local.uploadAll(new Date().toISOString());
      else await local.clearShared();
      waitingForChoice = false;
      run();
      return engine.syncNow().then(() => status.get());
    },

    async dismissLostEdit(edit) {
      await local.dismissLostEdit(edit);
      await refreshLostEdits();
    },

    failed: () => local.failed(),

    async leave() {
      halt();
      await local.leave();
      waitingForChoice = false;
      lostEdits.set([]);
      publish(engine.status());
    },

    async shareTrainingScore(record) {
      if (!(await local.teamLink())) return;
      await local.enqueue([{ name: 'training.score', args: { score: trainingScoreOf(record) } }], new Date().toISOString());
      engine.localChanged();
    },
  };
  return self;
}
