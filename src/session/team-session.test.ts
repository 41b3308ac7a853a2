import type { TrainingSessionRecord } from '../domain/training/session-record';
import { describe, expect, it, vi } from 'vitest';
import type { ServerUser, TeamAuthClient, TeamResult } from '../sync/http-auth';
import type { CallLock, LostEdit } from '../sync/protocol';
import { memoryTeamDeviceStorage } from '../storage/team-device';
import { createTeamSession, type TeamSessionDeps, type TeamSyncPort, type TeamSyncStatus } from './team-session';

const TEAM = '0190f1a2-0000-7000-8000-0000000000aa';
const ME: ServerUser = { id: '0190f1a2-0000-7000-8000-000000000001', teamId: TEAM, role: 'agent', email: 'sam@team.fr', displayName: 'Sam' };
const OWN_CLIENT = '0190f1a2-0000-7000-8000-0000000000c1';
const ok = <T,>(value: T): TeamResult<T> => ({ ok: true, value });

/** A team server in memory: who signs in with which password, the role /auth/me answers, the locks held. */
function fakeServer() {
  const state = { role: ME.role as ServerUser['role'], session: false, locks: [] as CallLock[], calls: [] as string[] };
  const client = (serverUrl: string): TeamAuthClient => ({
    serverUrl,
    async login(email, password) {
      state.calls.push('login');
      if (password !== 'right') return { ok: false, error: { kind: 'bad_credentials' } };
      state.session = true;
      return ok({ ...ME, email, role: state.role });
    },
    async logout() {
      state.calls.push('logout');
      state.session = false;
      return ok(undefined);
    },
    async me() {
      state.calls.push('me');
      return state.session ? ok({ ...ME, role: state.role }) : { ok: false, error: { kind: 'unauthenticated' } };
    },
    acceptInvitation: async () => ok(ME),
    invite: async (email, role) => ok({ token: 'token-0123456789', email, role, expiresAt: '2026-12-10T10:00:00.000Z' }),
    users: async () => ok([]),
    audit: async () => ok([]),
    async locks() {
      state.calls.push('locks');
      return ok(state.locks);
    },
    acquireLock: async () => ({ ok: false, error: { kind: 'unreachable' } }),
    releaseLock: async () => ok(true),
    async trainingScores() {
      state.calls.push('trainingScores');
      return state.role === 'agent' ? { ok: false, error: { kind: 'forbidden' } } : ok([]);
    },
  });
  return { state, client };
}

function fakeEngine() {
  let status: TeamSyncStatus = { kind: 'idle', lastSync: null };
  let lost: LostEdit[] = [];
  const statusFns = new Set<(s: TeamSyncStatus) => void>();
  const lostFns = new Set<(l: readonly LostEdit[]) => void>();
  const log: string[] = [];
  const port: TeamSyncPort = {
    status: { subscribe: (fn) => (fn(status), statusFns.add(fn), () => statusFns.delete(fn)) },
    lostEdits: { subscribe: (fn) => (fn(lost), lostFns.add(fn), () => lostFns.delete(fn)) },
    start: () => log.push('start'),
    stop: () => log.push('stop'),
    syncNow: async () => void log.push('syncNow'),
    firstConnection: async (choice) => void log.push(`first ${choice}`),
    dismissLostEdit: async (edit) => void log.push(`dismiss ${edit.mutationId}`),
    shareTrainingScore: async (record) => void log.push(`score ${record.id}`),
  };
  return {
    port,
    log,
    setStatus(next: TeamSyncStatus) {
      status = next;
      statusFns.forEach((fn) => fn(next));
    },
    setLost(next: LostEdit[]) {
      lost = next;
      lostFns.forEach((fn) => fn(next));
    },
  };
}

function make(over: Partial<TeamSessionDeps> & { server?: ReturnType<typeof fakeServer> } = {}) {
  const server = over.server ?? fakeServer();
  const storage = over.storage ?? memoryTeamDeviceStorage();
  const team = createTeamSession({
    storage,
    createClient: async (url) => server.client(url),
    hasLocalData: async () => false,
    newClientId: () => OWN_CLIENT,
    openEvents: null,
    ...over,
  });
  return { team, server, storage };
}

describe('team session', () => {
  it('signs in, keeps the user and the server role (never the password), and lead controls follow that role', async () => {
    const { team, storage } = make();
    await vi.waitFor(() => expect(team.ready()).toBe(true));
    expect(team.canLead('lead')).toBe(true);
    expect(await team.signIn('http://srv.test', 'sam@team.fr', 'wrong')).toEqual({ ok: false, error: { kind: 'bad_credentials' } });
    expect(team.connected()).toBe(false);
    const result = await team.signIn('http://srv.test', 'sam@team.fr', 'right');
    expect(result.ok).toBe(true);
    expect(team.connected()).toBe(true);
    // A local "lead" switch means nothing once connected: the server says agent.
    expect(team.canLead('lead')).toBe(false);
    const stored = await storage.load();
    expect(stored).toMatchObject({ serverUrl: 'http://srv.test', clientId: OWN_CLIENT, user: { id: ME.id, name: 'Sam', role: 'agent', team: TEAM } });
    expect(JSON.stringify(stored)).not.toContain('right');
  });

  it('reads the role again at start: a demoted lead loses the lead controls, an ended session asks to sign in', async () => {
    const server = fakeServer();
    server.state.role = 'lead';
    const first = make({ server });
    await vi.waitFor(() => expect(first.team.ready()).toBe(true));
    await first.team.signIn('http://srv.test', 'sam@team.fr', 'right');
    expect(first.team.canLead('agent')).toBe(true);
    first.team.dispose();

    server.state.role = 'agent';
    const again = make({ server, storage: first.storage });
    await vi.waitFor(() => expect(again.team.connection().kind).toBe('online'));
    expect(again.team.canLead('lead')).toBe(false);
    again.team.dispose();

    server.state.session = false;
    const ended = make({ server, storage: first.storage });
    await vi.waitFor(() => expect(ended.team.connection().kind).toBe('sessionEnded'));
    // Still a member of the team: the last role holds until the next sign-in.
    expect(ended.team.connected()).toBe(true);
    expect(ended.team.canLead('lead')).toBe(false);
  });

  it('signs out: the local role decides again and the stored user is gone', async () => {
    const { team, storage, server } = make();
    await vi.waitFor(() => expect(team.ready()).toBe(true));
    await team.signIn('http://srv.test', 'sam@team.fr', 'right');
    expect(await team.signOut()).toEqual({ ok: true, value: undefined });
    expect(server.state.calls).toContain('logout');
    expect(team.connected()).toBe(false);
    expect(team.canLead('lead')).toBe(true);
    expect((await storage.load())?.user).toBeNull();
    expect((await storage.load())?.serverUrl).toBe('http://srv.test');
  });

  it('asks the first-connection question on a device with data, and starts the engine only after the answer', async () => {
    const engine = fakeEngine();
    const { team } = make({ hasLocalData: async () => true, syncFactory: () => engine.port });
    await vi.waitFor(() => expect(team.ready()).toBe(true));
    await team.signIn('http://srv.test', 'sam@team.fr', 'right');
    expect(team.needsFirstConnection()).toBe(true);
    expect(engine.log).toEqual([]);
    await team.chooseFirstConnection('upload');
    expect(engine.log).toEqual(['first upload', 'start']);
    expect(team.needsFirstConnection()).toBe(false);
    engine.setStatus({ kind: 'syncing', pending: 3, lastSync: null });
    expect(team.syncStatus()).toEqual({ kind: 'syncing', pending: 3, lastSync: null });
    const edit: LostEdit = { mutationId: '0190f1a2-0000-7000-8000-0000000000e1', kind: 'contact', recordId: 'c1', field: 'phone', lost: '01', kept: '06', version: 4 };
    engine.setLost([edit]);
    expect(team.lostEdits()).toEqual([edit]);
    await team.dismissLostEdit(edit);
    expect(engine.log).toContain(`dismiss ${edit.mutationId}`);
    expect(team.lostEdits()).toEqual([]);
    await team.signOut();
    expect(engine.log.at(-1)).toBe('stop');
    expect(team.syncStatus()).toBeNull();
  });

  it('starts the engine at once on a device without data, and does not ask again for the same team', async () => {
    const engine = fakeEngine();
    const { team, storage, server } = make({ syncFactory: () => engine.port });
    await vi.waitFor(() => expect(team.ready()).toBe(true));
    await team.signIn('http://srv.test', 'sam@team.fr', 'right');
    expect(team.needsFirstConnection()).toBe(false);
    expect(engine.log).toEqual(['start']);
    team.dispose();
    const later = make({ server, storage, hasLocalData: async () => true, syncFactory: () => engine.port });
    await vi.waitFor(() => expect(later.team.connection().kind).toBe('online'));
    expect(later.team.needsFirstConnection()).toBe(false);
  });

  it("queues a finished simulation's score for the lead only once joined and syncing, and reads the team's scores as the server allows", async () => {
    const engine = fakeEngine();
    const record = { id: 'sim-1', score: 74 } as TrainingSessionRecord;
    const { team, server } = make({ hasLocalData: async () => true, syncFactory: () => engine.port });
    await vi.waitFor(() => expect(team.ready()).toBe(true));
    // Alone: nothing leaves the device.
    expect(await team.shareTrainingScore(record)).toBe(false);
    await team.signIn('http://srv.test', 'sam@team.fr', 'right');
    // Joined but the first-connection question is unanswered: the engine has not started, nothing is queued.
    expect(await team.shareTrainingScore(record)).toBe(false);
    await team.chooseFirstConnection('upload');
    expect(await team.shareTrainingScore(record)).toBe(true);
    expect(engine.log).toContain('score sim-1');
    // An agent may not read the team's scores; a lead may.
    expect(await team.trainingScores()).toEqual({ ok: false, error: { kind: 'forbidden' } });
    server.state.role = 'lead';
    expect(await team.trainingScores()).toEqual({ ok: true, value: [] });
    await team.signOut();
    expect(await team.shareTrainingScore(record)).toBe(false);
    expect(engine.log.filter((l) => l.startsWith('score'))).toEqual(['score sim-1']);
  });

  it('signing in again after the session ended resumes the engine at once (it stopped retrying at the 401)', async () => {
    const engine = fakeEngine();
    const server = fakeServer();
    const first = make({ server, syncFactory: () => engine.port });
    await vi.waitFor(() => expect(first.team.ready()).toBe(true));
    await first.team.signIn('http://srv.test', 'sam@team.fr', 'right');
    first.team.dispose();
    server.state.session = false;
    engine.log.length = 0;
    const again = make({ server, storage: first.storage, syncFactory: () => engine.port });
    await vi.waitFor(() => expect(again.team.connection().kind).toBe('sessionEnded'));
    expect(engine.log).toEqual(['start']);
    await again.team.signIn('http://srv.test', 'sam@team.fr', 'right');
    await vi.waitFor(() => expect(engine.log).toEqual(['start', 'syncNow']));
  });

  it("shows other devices' call locks, not this device's own, while watched", async () => {
    const { team, server } = make();
    await vi.waitFor(() => expect(team.ready()).toBe(true));
    await team.signIn('http://srv.test', 'sam@team.fr', 'right');
    const lock = (debtorId: string, clientId: string, displayName: string): CallLock => ({ debtorId, clientId, displayName, userId: ME.id, expiresAt: '2026-12-03T10:00:00.000Z' });
    server.state.locks = [lock('d1', '0190f1a2-0000-7000-8000-0000000000c2', 'Alex'), lock('d2', OWN_CLIENT, 'Sam')];
    const stop = team.locks.watch();
    await vi.waitFor(() => expect([...team.locks.holders().keys()]).toEqual(['d1']));
    expect(team.locks.holders().get('d1')?.displayName).toBe('Alex');
    stop();
    await team.signOut();
    expect(team.locks.holders().size).toBe(0);
  });
});
