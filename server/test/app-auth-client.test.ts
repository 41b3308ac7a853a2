/**
 * The app's team client (src/sync/http-auth.ts) against the real server and PostgreSQL: what the UI relies on
 * (sign-in, role from the server, invitations, call locks, typed refusals) checked end to end without a browser.
 * Node's fetch keeps no cookies, so a small jar stands in for the browser's.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeamAuthClient, type FetchLike } from '../../src/sync/http-auth';
import { freshDatabase, PASSWORD, type RunningServer, seedTeam, startServer, type Team, type TestDb } from './harness';

let db: TestDb;
let srv: RunningServer;
let team: Team;

/** fetch with a cookie jar, as a browser profile would keep one. */
function browserLikeFetch(): FetchLike {
  const jar = new Map<string, string>();
  return async (url, init = {}) => {
    const headers = new Headers(init.headers);
    if (jar.size && init.credentials === 'include') headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const { credentials: _omit, mode: _mode, ...rest } = init;
    const res = await fetch(url, { ...rest, headers });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const value = pair!.slice(eq + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(pair!.slice(0, eq));
      else jar.set(pair!.slice(0, eq), value);
    }
    return res;
  };
}

beforeAll(async () => {
  db = await freshDatabase();
  team = await seedTeam(db, 'Client', { admin: 'admin', lead: 'lead', agent: 'agent', other: 'agent', limited: 'agent' });
  srv = await startServer(db, { login: { maxPerEmail: 3, maxPerIp: 1000, windowMinutes: 15 } });
});
afterAll(async () => {
  await srv?.close();
  await db?.drop();
});

describe('the app team client against the real server', () => {
  it('signs in, reads the role from the server, signs out', async () => {
    const client = createTeamAuthClient({ serverUrl: srv.url, fetch: browserLikeFetch() });
    const user = await client.login(team.members.lead!.email, PASSWORD);
    expect(user).toEqual({ ok: true, value: expect.objectContaining({ role: 'lead', teamId: team.id, displayName: team.members.lead!.displayName }) });
    expect((await client.me()).ok).toBe(true);
    expect(await client.logout()).toEqual({ ok: true, value: undefined });
    expect(await client.me()).toEqual({ ok: false, error: { kind: 'unauthenticated' } });
  });

  it('words a wrong password, then the rate limit', async () => {
    const client = createTeamAuthClient({ serverUrl: srv.url, fetch: browserLikeFetch() });
    for (let i = 0; i < 3; i++) expect(await client.login(team.members.limited!.email, 'wrong password!!')).toEqual({ ok: false, error: { kind: 'bad_credentials' } });
    const limited = await client.login(team.members.limited!.email, PASSWORD);
    expect(limited.ok === false && limited.error.kind).toBe('rate_limited');
  });

  it('lets the admin invite, the invitee join with a password, and refuses an agent the admin routes', async () => {
    const admin = createTeamAuthClient({ serverUrl: srv.url, fetch: browserLikeFetch() });
    await admin.login(team.members.admin!.email, PASSWORD);
    const invitation = await admin.invite('new.agent@client.test', 'agent');
    if (!invitation.ok) throw new Error(JSON.stringify(invitation.error));
    const invitee = createTeamAuthClient({ serverUrl: srv.url, fetch: browserLikeFetch() });
    expect(await invitee.acceptInvitation(invitation.value.token, 'New Agent', 'short')).toEqual({ ok: false, error: { kind: 'invalid_request', fields: ['password'] } });
    const joined = await invitee.acceptInvitation(invitation.value.token, 'New Agent', 'a long enough password');
    expect(joined).toEqual({ ok: true, value: expect.objectContaining({ role: 'agent', displayName: 'New Agent', email: 'new.agent@client.test' }) });
    expect(await invitee.acceptInvitation(invitation.value.token, 'Again', 'a long enough password')).toEqual({ ok: false, error: { kind: 'invitation_unknown' } });
    const users = await admin.users();
    expect(users.ok && users.value.map((u) => u.email)).toContain('new.agent@client.test');
    expect(await invitee.invite('x@client.test', 'lead')).toEqual({ ok: false, error: { kind: 'forbidden' } });
    expect(await invitee.audit()).toEqual({ ok: false, error: { kind: 'forbidden' } });
    expect((await admin.audit()).ok).toBe(true);
  });

  it('takes, shows and releases a call lock, and names the holder to another agent', async () => {
    const a = createTeamAuthClient({ serverUrl: srv.url, fetch: browserLikeFetch() });
    const b = createTeamAuthClient({ serverUrl: srv.url, fetch: browserLikeFetch() });
    await a.login(team.members.agent!.email, PASSWORD);
    await b.login(team.members.other!.email, PASSWORD);
    const deviceA = randomUUID();
    const deviceB = randomUUID();
    const taken = await a.acquireLock('deb-lock-1', deviceA, 30);
    expect(taken.ok && taken.value.displayName).toBe(team.members.agent!.displayName);
    const seen = await b.locks();
    expect(seen.ok && seen.value.map((l) => [l.debtorId, l.displayName])).toEqual([['deb-lock-1', team.members.agent!.displayName]]);
    const refused = await b.acquireLock('deb-lock-1', deviceB);
    expect(refused.ok === false && refused.error.kind === 'locked' && refused.error.lock?.displayName).toBe(team.members.agent!.displayName);
    expect(await a.releaseLock('deb-lock-1', deviceA)).toEqual({ ok: true, value: true });
    expect(await b.locks()).toEqual({ ok: true, value: [] });
  });

  it('sends the CSRF token of the session, read again after a reload; a write without it is refused', async () => {
    const fetchWithJar = browserLikeFetch();
    const signedIn = createTeamAuthClient({ serverUrl: srv.url, fetch: fetchWithJar });
    await signedIn.login(team.members.agent!.email, PASSWORD);
    // Same cookies, but a fresh client (a reloaded page): it reads the token from /auth/me before writing.
    const reloaded = createTeamAuthClient({ serverUrl: srv.url, fetch: fetchWithJar });
    expect((await reloaded.acquireLock('deb-csrf', randomUUID())).ok).toBe(true);
    // Without it the server refuses the write.
    const jar = fetchWithJar;
    const noHeader: FetchLike = (url, init = {}) => {
      const headers = new Headers(init.headers);
      headers.delete('x-csrf-token');
      return jar(url, { ...init, headers });
    };
    const stripped = createTeamAuthClient({ serverUrl: srv.url, fetch: noHeader });
    expect(await stripped.acquireLock('deb-csrf-2', randomUUID())).toEqual({ ok: false, error: { kind: 'forbidden' } });
  });

  it('says unreachable for a port where no server listens', async () => {
    const client = createTeamAuthClient({ serverUrl: 'http://127.0.0.1:9', fetch: browserLikeFetch() });
    expect(await client.login('a@b.fr', 'x')).toEqual({ ok: false, error: { kind: 'unreachable' } });
  });
});
