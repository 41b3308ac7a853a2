import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin } from '../src/admin/create-admin';
import { debtor, Device, freshDatabase, mutation, PASSWORD, type RunningServer, seedTeam, startServer, type Team, type TestDb } from './harness';

let db: TestDb;
let srv: RunningServer;
let team: Team;

beforeAll(async () => {
  db = await freshDatabase();
  team = await seedTeam(db, 'Alpha', { admin: 'admin', lead: 'lead', agent: 'agent', victim: 'agent', other: 'agent' });
  srv = await startServer(db, { login: { maxPerEmail: 5, maxPerIp: 1000, windowMinutes: 15 } });
});
afterAll(async () => {
  await srv?.close();
  await db?.drop();
});

describe('sign-in and sessions', () => {
  it('stores argon2id hashes and signs in with the right password only', async () => {
    const { rows } = await db.owner.query('SELECT password_hash FROM users');
    expect(rows.every((r) => String(r.password_hash).startsWith('$argon2id$'))).toBe(true);
    const device = new Device(srv.url);
    expect((await device.login(team.members.agent!.email, 'wrong password!')).status).toBe(401);
    const ok = await device.login(team.members.agent!.email);
    expect(ok.status).toBe(200);
    expect((ok.body.user as { role: string }).role).toBe('agent');
    const me = await device.get<{ user: { email: string; role: string } }>('/auth/me');
    expect(me.body.user).toMatchObject({ email: team.members.agent!.email, role: 'agent' });
  });

  it('sets the session cookie HttpOnly and SameSite=Strict, and a readable CSRF cookie', async () => {
    const res = await fetch(`${srv.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: team.members.lead!.email, password: PASSWORD }),
    });
    const cookies = res.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith('cadence_session='))!;
    const csrf = cookies.find((c) => c.startsWith('cadence_csrf='))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Strict/i);
    expect(csrf).toMatch(/SameSite=Strict/i);
    expect(csrf).not.toMatch(/HttpOnly/i);
    // Only a hash of the token is stored.
    const token = session.split(';')[0]!.split('=')[1]!;
    const stored = await db.owner.query("SELECT count(*)::int AS n FROM sessions WHERE encode(token_hash, 'escape') = $1", [token]);
    expect(stored.rows[0].n).toBe(0);
  });

  it('refuses a request without a session, and a replayed cookie after sign-out', async () => {
    const anonymous = new Device(srv.url);
    expect((await anonymous.get('/auth/me')).status).toBe(401);
    expect((await anonymous.post('/sync/pull', { protocol: 1, clientId: anonymous.clientId, cookie: null })).status).toBe(401);

    const device = new Device(srv.url);
    await device.login(team.members.other!.email);
    const stolen = new Map(device.cookies);
    const csrf = device.csrf;
    expect((await device.post('/auth/logout')).status).toBe(200);
    const replay = new Device(srv.url);
    replay.cookies = stolen;
    replay.csrf = csrf;
    expect((await replay.get('/auth/me')).status).toBe(401);
    expect((await replay.push([mutation('debtor.create', { debtor: debtor('replayed') })])).status).toBe(401);
    const { rows } = await db.owner.query("SELECT count(*)::int AS n FROM records WHERE id = 'replayed'");
    expect(rows[0].n).toBe(0);
  });
});

describe('CSRF', () => {
  it('refuses a state-changing request without the token, with a wrong one, or with only the cookie', async () => {
    const device = new Device(srv.url);
    await device.login(team.members.lead!.email);
    const create = () => mutation('debtor.create', { debtor: debtor('csrf-victim') });
    const body = { protocol: 1, clientId: device.clientId, deviceName: 'x', mutations: [create()] };
    expect((await device.post('/sync/push', body, { csrf: false })).status).toBe(403);
    const saved = device.csrf;
    device.csrf = 'forged-token-forged-token-forged-token-123';
    expect((await device.post('/sync/push', body)).status).toBe(403);
    device.csrf = saved;
    // Header right but the cookie missing (a page on another site cannot read it to copy it either).
    const csrfCookie = device.cookies.get('cadence_csrf')!;
    device.cookies.delete('cadence_csrf');
    expect((await device.post('/sync/push', body)).status).toBe(403);
    device.cookies.set('cadence_csrf', csrfCookie);
    // Another session's token does not fit this session.
    const other = new Device(srv.url);
    await other.login(team.members.admin!.email);
    device.csrf = other.csrf;
    device.cookies.set('cadence_csrf', other.csrf);
    expect((await device.post('/sync/push', body)).status).toBe(403);
    expect((await device.post('/auth/logout', {})).status).toBe(403);
    const { rows } = await db.owner.query("SELECT count(*)::int AS n FROM records WHERE id = 'csrf-victim'");
    expect(rows[0].n).toBe(0);
    device.csrf = saved;
    device.cookies.set('cadence_csrf', csrfCookie);
    expect((await device.post('/sync/push', body)).status).toBe(200);
  });
});

describe('login rate limiting', () => {
  it('answers 429 after 5 failures for an account, even with the right password, and counts in the database', async () => {
    const device = new Device(srv.url);
    const email = team.members.victim!.email;
    for (let i = 0; i < 5; i += 1) expect((await device.login(email, `guess number ${i}`)).status).toBe(401);
    const blocked = await device.login(email);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe(String(15 * 60));
    // Another process on the same database sees the same count.
    const second = await startServer(db, { login: { maxPerEmail: 5, maxPerIp: 1000, windowMinutes: 15 } });
    try {
      expect((await new Device(second.url).login(email)).status).toBe(429);
    } finally {
      await second.close();
    }
    // Other accounts are not affected.
    expect((await new Device(srv.url).login(team.members.admin!.email)).status).toBe(200);
  });
});

describe('invitations', () => {
  it('lets the admin invite, the invitee join once with their role, and nobody else invite', async () => {
    const admin = new Device(srv.url);
    await admin.login(team.members.admin!.email);
    const invite = await admin.post<{ token: string; role: string }>('/admin/invitations', { email: 'New.Agent@alpha.test', role: 'agent' });
    expect(invite.status).toBe(200);

    const lead = new Device(srv.url);
    await lead.login(team.members.lead!.email);
    expect((await lead.post('/admin/invitations', { email: 'x@alpha.test', role: 'admin' })).status).toBe(403);
    expect((await admin.post('/admin/invitations', { email: 'y@alpha.test', role: 'admin' }, { csrf: false })).status).toBe(403);

    const newcomer = new Device(srv.url);
    expect((await newcomer.post('/auth/accept-invitation', { token: invite.body.token, displayName: 'New', password: 'short' })).status).toBe(400);
    const joined = await newcomer.post('/auth/accept-invitation', { token: invite.body.token, displayName: 'New Agent', password: 'a long enough password' });
    expect(joined.status).toBe(200);
    newcomer.csrf = String(joined.body.csrfToken);
    const me = await newcomer.get<{ user: { role: string; teamId: string; email: string } }>('/auth/me');
    expect(me.body.user).toMatchObject({ role: 'agent', teamId: team.id, email: 'new.agent@alpha.test' });
    expect((await new Device(srv.url).post('/auth/accept-invitation', { token: invite.body.token, displayName: 'Again', password: 'a long enough password' })).status).toBe(404);
    expect((await new Device(srv.url).login('new.agent@alpha.test', 'a long enough password')).status).toBe(200);
  });
});

describe('logs', () => {
  it('never contain a password: good, bad, malformed or invited', async () => {
    const secrets = ['Sup3r-Secret-Passw0rd!', 'An0ther-Secret-Guess', 'Malformed-Secret-9'];
    const device = new Device(srv.url);
    await device.login(team.members.lead!.email, secrets[0]);
    await device.post('/auth/login', undefined, { raw: `{"email":"${team.members.lead!.email}","password":"${secrets[2]}"` });
    await device.post('/auth/login', undefined, { raw: `{"email":"x","password":"${secrets[1]}", "extra": 1}` });
    const admin = new Device(srv.url);
    await admin.login(team.members.admin!.email);
    const invite = await admin.post<{ token: string }>('/admin/invitations', { email: 'logged@alpha.test', role: 'agent' });
    await new Device(srv.url).post('/auth/accept-invitation', { token: invite.body.token, displayName: 'Logged', password: `${secrets[1]}-invited` });
    const log = srv.logs.join('');
    expect(log).toContain('sign-in refused');
    expect(log).toContain('request refused');
    for (const secret of [...secrets, PASSWORD]) expect(log).not.toContain(secret);
    expect(log).not.toContain(invite.body.token);
  });
});

describe('--create-admin', () => {
  it('creates a team and its admin who can sign in, refuses a short password and a taken email', async () => {
    const spec = { email: 'Boss@Newteam.test', team: 'New team', displayName: 'Boss', password: 'a long admin password' };
    const { teamId } = await createAdmin(db.ownerUrl, spec);
    const device = new Device(srv.url);
    const login = await device.login('boss@newteam.test', spec.password);
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ role: 'admin', teamId });
    await expect(createAdmin(db.ownerUrl, { ...spec, email: 'other@newteam.test', password: 'short' })).rejects.toThrow(/12 characters/);
    await expect(createAdmin(db.ownerUrl, spec)).rejects.toThrow(/already uses/);
    // A second admin of the same team name joins that team.
    expect((await createAdmin(db.ownerUrl, { ...spec, email: 'second@newteam.test' })).teamId).toBe(teamId);
  });
});
