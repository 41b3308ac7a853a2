import { describe, expect, it } from 'vitest';
import { createTeamAuthClient, CSRF_HEADER, parseServerUrl, type FetchLike } from './http-auth';

const USER = { id: '0190f1a2-0000-7000-8000-000000000001', teamId: '0190f1a2-0000-7000-8000-000000000002', role: 'agent', email: 'a@b.fr', displayName: 'Alex' };
const CSRF = 'csrf-token-0123456789';

interface Seen {
  url: string;
  init: RequestInit;
}

/** A fake server: answers by "METHOD path", records every request. */
function fakeFetch(routes: Record<string, (init: RequestInit) => Response | Promise<Response>>, seen: Seen[] = []): FetchLike {
  return async (url, init = {}) => {
    seen.push({ url, init });
    const path = new URL(url).pathname;
    const handler = routes[`${init.method ?? 'GET'} ${path}`];
    if (!handler) throw new TypeError('Failed to fetch');
    return handler(init);
  };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('parseServerUrl', () => {
  it('keeps http(s) addresses without their trailing slash', () => {
    expect(parseServerUrl(' https://team.example.fr/ ')).toEqual({ ok: true, value: 'https://team.example.fr' });
    expect(parseServerUrl('http://127.0.0.1:8787/api//')).toEqual({ ok: true, value: 'http://127.0.0.1:8787/api' });
  });

  it('refuses what is not a plain http(s) address', () => {
    for (const bad of ['', 'team.example.fr', 'ftp://x.fr', 'javascript:alert(1)', 'https://u:p@x.fr', 'https://x.fr/?a=1', 'https://x.fr/#h']) {
      expect(parseServerUrl(bad), bad).toEqual({ ok: false, error: { kind: 'invalid_url' } });
    }
  });
});

describe('createTeamAuthClient', () => {
  it('signs in, then reads the whole user, and sends the CSRF token with cookies on later POSTs', async () => {
    const seen: Seen[] = [];
    const client = createTeamAuthClient({
      serverUrl: 'http://srv.test',
      fetch: fakeFetch(
        {
          'POST /auth/login': () => json(200, { user: { id: USER.id, teamId: USER.teamId, role: 'agent', email: USER.email }, csrfToken: CSRF }),
          'GET /auth/me': () => json(200, { user: USER, csrfToken: CSRF }),
          'POST /locks/acquire': () => json(200, { lock: { debtorId: 'deb-1', userId: USER.id, displayName: 'Alex', clientId: USER.teamId, expiresAt: '2026-12-03T10:00:00.000Z' } }),
        },
        seen,
      ),
    });
    const signedIn = await client.login(' a@b.fr ', 'secret');
    expect(signedIn).toEqual({ ok: true, value: USER });
    expect(JSON.parse(String(seen[0]!.init.body))).toEqual({ email: 'a@b.fr', password: 'secret' });
    expect(seen.every((s) => s.init.credentials === 'include')).toBe(true);
    const lock = await client.acquireLock('deb-1', USER.teamId, 60);
    expect(lock.ok && lock.value.debtorId).toBe('deb-1');
    const last = seen.at(-1)!;
    expect((last.init.headers as Record<string, string>)[CSRF_HEADER]).toBe(CSRF);
    expect(JSON.parse(String(last.init.body))).toEqual({ debtorId: 'deb-1', clientId: USER.teamId, ttlSeconds: 60 });
  });

  it('maps refusals to typed errors', async () => {
    let signedIn = false;
    const client = createTeamAuthClient({
      serverUrl: 'http://srv.test',
      fetch: fakeFetch({
        'POST /auth/login': (init) =>
          JSON.parse(String(init.body)).password === 'many'
            ? json(429, { error: 'rate_limited', message: 'x' }, { 'retry-after': '900' })
            : json(401, { error: 'bad_credentials', message: 'wrong email or password' }),
        'GET /auth/me': () => (signedIn ? json(200, { user: USER, csrfToken: CSRF }) : json(401, { error: 'unauthenticated' })),
        'POST /admin/invitations': () => json(403, { error: 'forbidden' }),
        'POST /auth/accept-invitation': (init) =>
          JSON.parse(String(init.body)).password.length < 12
            ? json(400, { error: 'invalid_request', issues: [{ path: 'password', message: 'at least 12 characters' }] })
            : json(404, { error: 'invitation_unknown' }),
        'POST /locks/acquire': () =>
          json(409, { error: 'locked', lock: { debtorId: 'deb-1', userId: USER.id, displayName: 'Sam', clientId: USER.teamId, expiresAt: '2026-12-03T10:00:00.000Z' } }),
        'GET /admin/users': () => json(500, { error: 'internal' }),
      }),
    });
    expect(await client.login('a@b.fr', 'nope')).toEqual({ ok: false, error: { kind: 'bad_credentials' } });
    expect(await client.login('a@b.fr', 'many')).toEqual({ ok: false, error: { kind: 'rate_limited', retryAfterSeconds: 900 } });
    expect(await client.me()).toEqual({ ok: false, error: { kind: 'unauthenticated' } });
    // A write without a session stops at the token: there is none to send.
    expect(await client.invite('x@y.fr', 'agent')).toEqual({ ok: false, error: { kind: 'unauthenticated' } });
    signedIn = true;
    expect(await client.invite('x@y.fr', 'agent')).toEqual({ ok: false, error: { kind: 'forbidden' } });
    expect(await client.acceptInvitation('tok-0123456789', 'Sam', 'short')).toEqual({ ok: false, error: { kind: 'invalid_request', fields: ['password'] } });
    expect(await client.acceptInvitation('tok-0123456789', 'Sam', 'long enough password')).toEqual({ ok: false, error: { kind: 'invitation_unknown' } });
    const locked = await client.acquireLock('deb-1', USER.teamId);
    expect(!locked.ok && locked.error.kind === 'locked' && locked.error.lock?.displayName).toBe('Sam');
    expect(await client.users()).toEqual({ ok: false, error: { kind: 'server_error', status: 500 } });
  });

  it('tells a server that is not there from one that refuses this origin', async () => {
    const down = createTeamAuthClient({ serverUrl: 'http://down.test', fetch: fakeFetch({}) });
    expect(await down.me()).toEqual({ ok: false, error: { kind: 'unreachable' } });
    // CORS: the real request is hidden from the page, but an opaque probe of /health gets through.
    const cors: FetchLike = async (url, init) => {
      if (init?.mode === 'no-cors' && url.endsWith('/health')) return new Response(null, { status: 200 });
      throw new TypeError('Failed to fetch');
    };
    const refused = createTeamAuthClient({ serverUrl: 'http://srv.test', fetch: cors });
    expect(await refused.login('a@b.fr', 'x')).toEqual({ ok: false, error: { kind: 'origin_refused' } });
  });

  it('refuses an answer that is not a Cadence server', async () => {
    const client = createTeamAuthClient({
      serverUrl: 'http://other.test',
      fetch: fakeFetch({ 'GET /auth/me': () => new Response('<html>hello</html>', { status: 200 }), 'GET /locks': () => json(200, { locks: [{ debtorId: 1 }] }) }),
    });
    expect(await client.me()).toEqual({ ok: false, error: { kind: 'bad_response' } });
    expect(await client.locks()).toEqual({ ok: false, error: { kind: 'bad_response' } });
  });

  it('reads the CSRF token from /auth/me before the first write of a reloaded page', async () => {
    const seen: Seen[] = [];
    const client = createTeamAuthClient({
      serverUrl: 'http://srv.test',
      fetch: fakeFetch({ 'GET /auth/me': () => json(200, { user: USER, csrfToken: CSRF }), 'POST /locks/release': () => json(200, { released: true }) }, seen),
    });
    expect(await client.releaseLock('deb-1', USER.teamId)).toEqual({ ok: true, value: true });
    expect(seen.map((s) => `${s.init.method} ${new URL(s.url).pathname}`)).toEqual(['GET /auth/me', 'POST /locks/release']);
    expect((seen[1]!.init.headers as Record<string, string>)[CSRF_HEADER]).toBe(CSRF);
  });

  it('counts an ended session as signed out', async () => {
    const client = createTeamAuthClient({ serverUrl: 'http://srv.test', fetch: fakeFetch({ 'GET /auth/me': () => json(401, { error: 'unauthenticated' }), 'POST /auth/logout': () => json(401, { error: 'unauthenticated' }) }) });
    expect(await client.logout()).toEqual({ ok: true, value: undefined });
  });
});
