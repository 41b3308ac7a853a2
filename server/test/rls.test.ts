/**
 * Team isolation: an agent of team B reaches nothing of team A through any endpoint (forged ids included),
 * and the database itself refuses it — the app role sees only the rows of the team its transaction is set to.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncedRecord } from '../../src/sync/protocol';
import { contact, debtor, Device, freshDatabase, mutation, openEvents, type RunningServer, seedTeam, startServer, type Team, type TestDb } from './harness';

let db: TestDb;
let srv: RunningServer;
let a: Team;
let b: Team;
let leadA: Device;
let agentB: Device;
let adminB: Device;

beforeAll(async () => {
  db = await freshDatabase();
  a = await seedTeam(db, 'TeamA', { lead: 'lead', agent: 'agent' });
  b = await seedTeam(db, 'TeamB', { agent: 'agent', admin: 'admin' });
  srv = await startServer(db);
  leadA = new Device(srv.url, 'A lead laptop');
  agentB = new Device(srv.url, 'B agent phone');
  adminB = new Device(srv.url, 'B admin');
  await leadA.login(a.members.lead!.email);
  await agentB.login(b.members.agent!.email);
  await adminB.login(b.members.admin!.email);
  const pushed = await leadA.push([
    mutation('debtor.create', { debtor: debtor('d-a1', { name: 'Secret SARL' }) }),
    mutation('contact.create', { contact: contact('c-a1', 'd-a1') }),
    mutation('promise.add', {
      promise: { schemaVersion: 1, id: 'p-a1', debtorId: 'd-a1', createdAt: new Date().toISOString(), amountCents: 5000, dueDate: '2026-12-20', means: 'transfer', invoiceIds: [], status: 'pending', paidCents: 0 },
    }),
  ]);
  expect(pushed.body.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
});
afterAll(async () => {
  await srv?.close();
  await db?.drop();
});

const snapshotA = async () => (await db.owner.query("SELECT kind, id, data, version FROM records WHERE team_id = $1 ORDER BY kind, id", [a.id])).rows;

describe('through the endpoints', () => {
  it('B pulls none of A rows, and sees its own', async () => {
    await agentB.push([mutation('debtor.create', { debtor: debtor('d-b1') })]);
    const { records } = await agentB.pullAll();
    expect(records.map((r: SyncedRecord) => r.id)).toEqual(['d-b1']);
    expect(JSON.stringify(records)).not.toContain('Secret SARL');
  });

  it('B cannot edit, delete, or attach records to A rows by naming their ids', async () => {
    const before = await snapshotA();
    const reply = await agentB.push([
      mutation('debtor.update', { id: 'd-a1', base: { name: 'Secret SARL' }, set: { name: 'Pwned' } }),
      mutation('contact.update', { id: 'c-a1', base: { phone: '01 23 45 67 89' }, set: { phone: '666' } }),
      mutation('debtor.delete', { id: 'd-a1' }),
      mutation('contact.create', { contact: contact('c-b-in-a', 'd-a1') }),
      mutation('activity.add', { activity: { schemaVersion: 1, id: 'act-b', debtorId: 'd-a1', type: 'note', at: new Date().toISOString(), summary: 'x', agent: 'B' } }),
    ]);
    expect(reply.status).toBe(200);
    expect(reply.body.results.map((r) => [r.status, r.code])).toEqual(Array(5).fill(['rejected', 'not_found']));
    expect(await snapshotA()).toEqual(before);
    // A record of B under the same id as A's lives apart: ids are per team, nothing collides or leaks.
    const same = await agentB.push([mutation('debtor.create', { debtor: debtor('d-a1', { name: 'B own d-a1' }) })]);
    expect(same.body.results[0]!.status).toBe('applied');
    expect(await snapshotA()).toEqual(before);
  });

  it("B cannot push or pull as A's client id", async () => {
    const forged = new Device(srv.url);
    forged.cookies = agentB.cookies;
    forged.csrf = agentB.csrf;
    Object.defineProperty(forged, 'clientId', { value: leadA.clientId });
    expect((await forged.push([mutation('debtor.create', { debtor: debtor('via-forged-client') })])).status).toBe(403);
    const pulled = await forged.pull();
    expect(pulled.status).toBe(200);
    expect(pulled.body.lastMutationId).toBeNull();
    expect(pulled.body.records.every((r) => r.createdBy !== a.members.lead!.id)).toBe(true);
  });

  it('extra fields naming another team are refused before anything runs', async () => {
    const reply = await agentB.post('/sync/push', {
      protocol: 1,
      clientId: agentB.clientId,
      deviceName: 'x',
      teamId: a.id,
      mutations: [mutation('debtor.create', { debtor: debtor('with-team') })],
    });
    expect(reply.status).toBe(400);
  });

  it("B sees neither A's call locks, audit, users nor live events", async () => {
    expect((await leadA.post('/locks/acquire', { debtorId: 'd-a1', clientId: leadA.clientId })).status).toBe(200);
    expect((await agentB.get<{ locks: unknown[] }>('/locks')).body.locks).toEqual([]);
    // Taking "the same" debtor id in B is B's own lock, not a view of A's.
    expect((await agentB.post('/locks/acquire', { debtorId: 'd-a1', clientId: agentB.clientId })).status).toBe(200);
    expect((await agentB.post('/locks/release', { debtorId: 'd-a1', clientId: leadA.clientId })).body.released).toBe(false);
    expect((await leadA.get<{ locks: { userId: string }[] }>('/locks')).body.locks.map((l) => l.userId)).toEqual([a.members.lead!.id]);

    const audit = await adminB.get<{ entries: { userId: string }[] }>('/admin/audit');
    expect(audit.status).toBe(200);
    expect(audit.body.entries.length).toBeGreaterThan(0);
    expect(audit.body.entries.every((e) => e.userId !== a.members.lead!.id)).toBe(true);
    const users = await adminB.get<{ users: { email: string }[] }>('/admin/users');
    expect(users.body.users.map((u) => u.email).sort()).toEqual([b.members.admin!.email, b.members.agent!.email].sort());

    const events = await openEvents(srv.url, agentB);
    try {
      await events.next((e) => e === 'hello');
      await leadA.push([mutation('debtor.update', { id: 'd-a1', base: { notes: '' }, set: { notes: 'A only' } })]);
      await expect(events.next((e) => e === 'poke', 800)).rejects.toThrow(/no matching event/);
    } finally {
      events.close();
    }
  });
});

describe('in the database', () => {
  async function asApp<T>(settings: { user?: string; team?: string }, fn: (c: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: db.appUrl });
    await client.connect();
    try {
      await client.query('BEGIN');
      if (settings.user) await client.query("SELECT set_config('app.user_id', $1, true)", [settings.user]);
      if (settings.team) await client.query("SELECT set_config('app.team_id', $1, true)", [settings.team]);
      return await fn(client);
    } finally {
      await client.query('ROLLBACK').catch(() => {});
      await client.end();
    }
  }
  const count = async (c: pg.Client, sql: string) => Number((await c.query(sql)).rows[0].n);

  it('connects as a role without BYPASSRLS or superuser', async () => {
    const role = await asApp({}, async (c) => (await c.query('SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user')).rows[0]);
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
  });

  it("shows B's transaction only B's rows, whatever the query asks", async () => {
    await asApp({ user: b.members.agent!.id, team: b.id }, async (c) => {
      expect(await count(c, `SELECT count(*) AS n FROM records WHERE team_id = '${a.id}'`)).toBe(0);
      expect(await count(c, 'SELECT count(*) AS n FROM records')).toBeGreaterThan(0);
      expect(await count(c, `SELECT count(*) AS n FROM records WHERE team_id <> '${b.id}'`)).toBe(0);
      expect(await count(c, `SELECT count(*) AS n FROM users WHERE team_id = '${a.id}'`)).toBe(0);
      expect(await count(c, `SELECT count(*) AS n FROM teams WHERE id = '${a.id}'`)).toBe(0);
      expect(await count(c, `SELECT count(*) AS n FROM call_locks WHERE team_id = '${a.id}'`)).toBe(0);
      expect((await c.query(`UPDATE records SET data = '{}'::jsonb WHERE team_id = '${a.id}'`)).rowCount).toBe(0);
    });
  });

  it('gives a forged team id, or no setting at all, nothing', async () => {
    await asApp({ user: b.members.agent!.id, team: a.id }, async (c) => {
      expect(await count(c, 'SELECT count(*) AS n FROM records')).toBe(0);
      expect(await count(c, 'SELECT count(*) AS n FROM users')).toBe(0);
    });
    await asApp({}, async (c) => {
      expect(await count(c, 'SELECT count(*) AS n FROM records')).toBe(0);
      expect(await count(c, 'SELECT count(*) AS n FROM team_versions')).toBe(0);
    });
  });

  it("refuses B's transaction a row written into A", async () => {
    await asApp({ user: b.members.agent!.id, team: b.id }, async (c) => {
      await expect(
        c.query(
          `INSERT INTO records (team_id, kind, id, data, version, created_by, created_device, updated_by, updated_device)
           VALUES ($1, 'debtor', 'sneaky', '{}'::jsonb, 1, $2, gen_random_uuid(), $2, gen_random_uuid())`,
          [a.id, b.members.agent!.id],
        ),
      ).rejects.toThrow(/row-level security/);
    });
  });

  it('keeps password hashes, sessions and the audit out of the app role', async () => {
    await asApp({ user: b.members.admin!.id, team: b.id }, async (c) => {
      await expect(c.query('SELECT password_hash FROM users')).rejects.toThrow(/permission denied/);
    });
    await asApp({ user: b.members.admin!.id, team: b.id }, async (c) => {
      await expect(c.query('SELECT * FROM sessions')).rejects.toThrow(/permission denied/);
    });
    await asApp({ user: b.members.admin!.id, team: b.id }, async (c) => {
      await expect(c.query('DELETE FROM audit')).rejects.toThrow(/permission denied/);
    });
    // Even the owner cannot rewrite history.
    await expect(db.owner.query('UPDATE audit SET reason = $1', ['rewritten'])).rejects.toThrow(/append-only/);
    await expect(db.owner.query('DELETE FROM audit')).rejects.toThrow(/append-only/);
    await asApp({ user: b.members.agent!.id, team: b.id }, async (c) => {
      expect(await count(c, 'SELECT count(*) AS n FROM audit')).toBe(0);
    });
  });
});
