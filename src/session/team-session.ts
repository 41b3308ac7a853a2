/**
 * This device's membership of a team, as the running app holds it: the server URL, who signed in and the role
 * the server gives them (persisted through storage/team-device.ts, never the password), the connection's
 * state, the sync engine's status and lost edits (through the TeamSyncPort below), and the call locks.
 *
 * Once a device is connected, the role comes from the server: `canLead` ignores the local role switch, which
 * Settings hides. The role is read again from /auth/me at start and when the network comes back, so a lead
 * demoted by the admin loses the lead controls at the next start.
 *
 * The sync engine is injected (`syncFactory`): this file only needs the narrow TeamSyncPort.
 */
import type { Settings } from '../domain/entities';
import type { TrainingSessionRecord } from '../domain/training/session-record';
import type { Invitation, TeamAuthClient, TeamAuthError, TeamResult } from '../sync/http-auth';
import type { LostEdit, TeamRole, TeamTrainingScore } from '../sync/protocol';
import type { TeamDevice, TeamDeviceStorage, TeamDeviceUser } from '../storage/team-device';
import { createCallLockPort, createLockSource, plainCell, type CellFactory, type LockSource, type TeamCallLockPort } from './team-locks';

type Accessor<T> = () => T;

export type TeamSyncStatus =
  | { kind: 'idle'; lastSync: string | null }
  | { kind: 'offline'; lastSync: string | null }
  | { kind: 'syncing'; pending: number; lastSync: string | null }
  | { kind: 'error'; reason: string; lastSync: string | null };

export type FirstConnectionChoice = 'upload' | 'useTeam';

export interface Subscribable<T> {
  /** Calls `fn` with the current value at once, then on every change; returns the unsubscribe. */
  subscribe(fn: (value: T) => void): () => void;
}

/**
 * The narrow face of the sync engine (src/session/team-sync.ts, `createTeamSync({ store, serverUrl })`, built
 * apart). At merge, src/app/boot.ts passes it as `syncFactory` (one line, marked there).
 */
export interface TeamSyncPort {
  status: Subscribable<TeamSyncStatus>;
  start(): void;
  stop(): void;
  syncNow(): Promise<void>;
  /** The first sign-in of a device that holds data: send it to the team, or replace it with the team's. */
  firstConnection(choice: FirstConnectionChoice): Promise<void>;
  /** This user's edits the server did not apply because another reached it first. */
  lostEdits: Subscribable<readonly LostEdit[]>;
  dismissLostEdit(edit: Pick<LostEdit, 'mutationId' | 'field'>): Promise<void>;
  /** A finished simulation's score, queued in the outbox for the trainee's lead (nothing when the device has not joined). */
  shareTrainingScore(record: TrainingSessionRecord): Promise<void>;
}
export type TeamSyncFactory = (serverUrl: string) => TeamSyncPort;

/** What the team server says of this device's session, apart from the sync engine's own status. */
export type ConnectionState =
  | { kind: 'signedOut' }
  | { kind: 'checking' }
  | { kind: 'online'; checkedAt: string }
  /** Signed in on this device, but the server's session ended: sign in again (the last role still holds). */
  | { kind: 'sessionEnded' }
  | { kind: 'unreachable'; error: TeamAuthError };

export interface TeamSessionDeps {
  storage: TeamDeviceStorage;
  /**
   * The team client for a server URL: the app loads src/sync/http-auth.ts on first need (boot.ts), tests pass
   * one over a fake fetch.
   */
  createClient: (serverUrl: string) => Promise<TeamAuthClient>;
  syncFactory?: TeamSyncFactory | null;
  /** Whether this device holds data of its own (then the first connection asks what to do with it). */
  hasLocalData: () => Promise<boolean>;
  newClientId?: () => string;
  now?: () => number;
  /** `locks` events of the sync engine's live stream (session/live-events.ts `lockEventsFrom`); none: polling only. */
  openEvents?: ((serverUrl: string, onLocks: () => void) => { close(): void }) | null;
  /** `window` in the app: a return of the network re-reads the role and the locks. */
  win?: Pick<Window, 'addEventListener' | 'removeEventListener'> | null;
  /** Solid signals in the app (team-context.tsx `solidCell`), so screens follow every change. */
  cell?: CellFactory;
}

export interface TeamSession {
  /** False until the stored record was read. */
  ready: Accessor<boolean>;
  serverUrl: Accessor<string | null>;
  user: Accessor<TeamDeviceUser | null>;
  /** Signed in to a team on this device: the role comes from the server. */
  connected: Accessor<boolean>;
  connection: Accessor<ConnectionState>;
  /** The sync engine's status; null without an engine or when signed out. */
  syncStatus: Accessor<TeamSyncStatus | null>;
  lostEdits: Accessor<readonly LostEdit[]>;
  /** The first-connection question is waiting for an answer. */
  needsFirstConnection: Accessor<boolean>;
  /** Lead-only actions (approve plans, publish scripts): the server role when connected, the local one otherwise. */
  canLead(local: Settings['role']): boolean;
  setServerUrl(url: string): Promise<void>;
  signIn(serverUrl: string, email: string, password: string): Promise<TeamResult<TeamDeviceUser>>;
  signOut(): Promise<TeamResult<void>>;
  /** Reads the user and role again from the server. */
  refresh(): Promise<void>;
  acceptInvitation(serverUrl: string, token: string, displayName: string, password: string): Promise<TeamResult<TeamDeviceUser>>;
  invite(email: string, role: TeamRole): Promise<TeamResult<Invitation>>;
  chooseFirstConnection(choice: FirstConnectionChoice): Promise<void>;
  dismissLostEdit(edit: Pick<LostEdit, 'mutationId' | 'field'>): Promise<void>;
  syncNow(): Promise<void>;
  /**
   * Sends a finished simulation's score to the team (through the outbox, so offline it waits like any change).
   * True when it was queued; false on a device alone, signed out, or still waiting for its first-connection choice.
   */
  shareTrainingScore(record: TrainingSessionRecord): Promise<boolean>;
  /** The team's trainees' scores as the server has them, for a lead (`forbidden` for an agent). */
  trainingScores(): Promise<TeamResult<TeamTrainingScore[]>>;
  locks: LockSource;
  callLocks: TeamCallLockPort;
  dispose(): void;
}

const toDeviceUser = (u: { id: string; displayName: string; email: string; role: TeamRole; teamId: string }): TeamDeviceUser => ({
  id: u.id,
  name: u.displayName,
  email: u.email,
  role: u.role,
  team: u.teamId,
});

export function createTeamSession(deps: TeamSessionDeps): TeamSession {
  const createClient = deps.createClient;
  const now = deps.now ?? Date.now;
  const newClientId = deps.newClientId ?? (() => crypto.randomUUID());
  const cell = deps.cell ?? plainCell;
  const [device, setDevice] = cell<TeamDevice | null>(null);
  const [ready, setReady] = cell(false);
  const [connection, setConnection] = cell<ConnectionState>({ kind: 'signedOut' });
  const [syncStatus, setSyncStatus] = cell<TeamSyncStatus | null>(null);
  const [lostEdits, setLostEdits] = cell<readonly LostEdit[]>([]);
  const [needsFirst, setNeedsFirst] = cell(false);
  let client: { url: string; promise: Promise<TeamAuthClient> } | null = null;
  let engine: { url: string; port: TeamSyncPort } | null = null;
  let port: { port: TeamSyncPort; stop: () => void } | null = null;

  /** One engine per server URL, made on first need and started only once the device may sync. */
  const engineFor = (url: string, factory: TeamSyncFactory): TeamSyncPort => {
    if (!engine || engine.url !== url) engine = { url, port: factory(url) };
    return engine.port;
  };

  const clientFor = (url: string): Promise<TeamAuthClient> => {
    if (!client || client.url !== url) client = { url, promise: createClient(url) };
    return client.promise;
  };
  const signedInClient = async (): Promise<TeamAuthClient | null> => {
    const d = device();
    return d?.serverUrl && d.user ? clientFor(d.serverUrl) : null;
  };

  async function save(next: TeamDevice): Promise<void> {
    await deps.storage.save(next);
    setDevice(next);
  }

  const base = (): TeamDevice =>
    device() ?? { schemaVersion: 1, serverUrl: null, clientId: newClientId(), user: null, checkedAt: null, firstConnectionDone: null };

  function stopSync(): void {
    port?.stop();
    port = null;
    setSyncStatus(null);
    setLostEdits([]);
  }

  /** Starts the engine once the first-connection question (if any) is answered. */
  async function startSync(): Promise<void> {
    const d = device();
    if (!d?.user || !d.serverUrl || !deps.syncFactory || port) return;
    if (d.firstConnectionDone !== d.user.team) {
      if (await deps.hasLocalData()) {
        setNeedsFirst(true);
        return;
      }
      await save({ ...d, firstConnectionDone: d.user.team });
    }
    const sync = engineFor(d.serverUrl, deps.syncFactory);
    const unStatus = sync.status.subscribe(setSyncStatus);
    const unLost = sync.lostEdits.subscribe(setLostEdits);
    sync.start();
    port = {
      port: sync,
      stop: () => {
        unStatus();
        unLost();
        sync.stop();
      },
    };
  }

  async function adopt(serverUrl: string, user: TeamDeviceUser): Promise<void> {
    const current = base();
    // Another team on this device: its first-connection choice does not carry over.
    await save({ ...current, serverUrl, user, checkedAt: new Date(now()).toISOString() });
    setConnection({ kind: 'online', checkedAt: new Date(now()).toISOString() });
    const running = port;
    await startSync();
    // Signed in again after the session ended: the engine stopped retrying at the server's 401 and would wait
    // for the next start with the outbox full; the new session resumes it now.
    if (running) void running.port.syncNow().catch(() => undefined);
  }

  async function refresh(): Promise<void> {
    const d = device();
    if (!d?.user || !d.serverUrl) {
      setConnection({ kind: 'signedOut' });
      return;
    }
    setConnection({ kind: 'checking' });
    const c = await clientFor(d.serverUrl);
    const me = await c.me();
    if (me.ok) {
      const user = toDeviceUser(me.value);
      await save({ ...d, user, checkedAt: new Date(now()).toISOString() });
      setConnection({ kind: 'online', checkedAt: new Date(now()).toISOString() });
      void locks.refresh();
    } else if (me.error.kind === 'unauthenticated') {
      setConnection({ kind: 'sessionEnded' });
    } else {
      setConnection({ kind: 'unreachable', error: me.error });
    }
  }

  const locks = createLockSource({
    cell,
    client: signedInClient,
    ownClientId: () => device()?.clientId ?? null,
    // The sync engine's live stream brings `locks` events (boot.ts wires them through session/live-events.ts):
    // no second stream to the server. Without it, the locks are read every 10 s.
    openEvents: deps.openEvents ?? null,
  });
  const callLocks = createCallLockPort({ client: signedInClient, ownClientId: () => device()?.clientId ?? null });

  const onOnline = () => void refresh();
  deps.win?.addEventListener('online', onOnline);

  void deps.storage
    .load()
    .then(async (stored) => {
      setDevice(stored ?? null);
      setReady(true);
      if (stored?.user) {
        await startSync();
        await refresh();
      }
    })
    .catch(() => setReady(true));

  return {
    ready,
    serverUrl: () => device()?.serverUrl ?? null,
    user: () => device()?.user ?? null,
    connected: () => device()?.user != null,
    connection,
    syncStatus,
    lostEdits,
    needsFirstConnection: needsFirst,
    canLead(local) {
      const user = device()?.user;
      return user ? user.role === 'lead' || user.role === 'admin' : local === 'lead';
    },
    async setServerUrl(url) {
      await save({ ...base(), serverUrl: url });
    },
    async signIn(serverUrl, email, password) {
      const c = await clientFor(serverUrl);
      const result = await c.login(email, password);
      if (!result.ok) return result;
      const user = toDeviceUser(result.value);
      await adopt(serverUrl, user);
      return { ok: true, value: user };
    },
    async signOut() {
      const d = device();
      if (!d?.user) return { ok: true, value: undefined };
      const c = d.serverUrl ? await clientFor(d.serverUrl) : null;
      const result = c ? await c.logout() : ({ ok: true, value: undefined } as const);
      // Offline: the device forgets the session anyway; the server's copy lapses after its lifetime.
      if (!result.ok && result.error.kind !== 'unreachable' && result.error.kind !== 'origin_refused') return result;
      stopSync();
      setNeedsFirst(false);
      locks.clear();
      await save({ ...d, user: null, checkedAt: null });
      setConnection({ kind: 'signedOut' });
      return { ok: true, value: undefined };
    },
    refresh,
    async acceptInvitation(serverUrl, token, displayName, password) {
      const c = await clientFor(serverUrl);
      const result = await c.acceptInvitation(token, displayName, password);
      if (!result.ok) return result;
      const user = toDeviceUser(result.value);
      await adopt(serverUrl, user);
      return { ok: true, value: user };
    },
    async invite(email, role) {
      const c = await signedInClient();
      if (!c) return { ok: false, error: { kind: 'unauthenticated' } };
      return c.invite(email, role);
    },
    async chooseFirstConnection(choice) {
      const d = device();
      if (!d?.user || !d.serverUrl || !deps.syncFactory) return;
      await engineFor(d.serverUrl, deps.syncFactory).firstConnection(choice);
      setNeedsFirst(false);
      await save({ ...d, firstConnectionDone: d.user.team });
      await startSync();
    },
    async dismissLostEdit(edit) {
      await port?.port.dismissLostEdit(edit);
      setLostEdits(lostEdits().filter((e) => !(e.mutationId === edit.mutationId && e.field === edit.field)));
    },
    async syncNow() {
      await port?.port.syncNow();
    },
    async shareTrainingScore(record) {
      if (!device()?.user || !port) return false;
      await port.port.shareTrainingScore(record);
      return true;
    },
    async trainingScores() {
      const c = await signedInClient();
      if (!c) return { ok: false, error: { kind: 'unauthenticated' } };
      return c.trainingScores();
    },
    locks,
    callLocks,
    dispose() {
      deps.win?.removeEventListener('online', onOnline);
      stopSync();
      locks.clear();
    },
  };
}
