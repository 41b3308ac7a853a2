/**
 * The app's client for the team server's accounts, admin and call-lock routes (server/src/auth, admin, sync/locks).
 * Every request carries the session cookie (`credentials: 'include'`: the app and the server are different
 * origins) and, for a POST, the CSRF token the server handed back at sign-in or from /auth/me, in its header.
 * Every answer passes a zod/mini schema: a URL that points at some other server gets `bad_response`, never a
 * half-read object. Failures come back as a typed union, never thrown; session/team-errors.ts words them.
 */
import { z } from 'zod/mini';
import { CallLock, TeamRole, TeamTrainingScoresResponse, type TeamTrainingScore } from './protocol';

/** The header the server compares with the readable CSRF cookie and the session (server/src/auth/session.ts). */
export const CSRF_HEADER = 'x-csrf-token';

export type TeamAuthError =
  /** Wrong email or password. */
  | { kind: 'bad_credentials' }
  /** Too many failed sign-ins: the server refuses for a while. */
  | { kind: 'rate_limited'; retryAfterSeconds: number | null }
  /** No answer at all: offline, server down, wrong host or port. */
  | { kind: 'unreachable' }
  /** The server answers but refuses this app's address (CORS: ALLOWED_ORIGINS lacks it). */
  | { kind: 'origin_refused' }
  /** The server URL is not an http(s) address. */
  | { kind: 'invalid_url' }
  /** Signed out, or the session ended. */
  | { kind: 'unauthenticated' }
  /** The role does not allow it, or the CSRF token is missing. */
  | { kind: 'forbidden' }
  | { kind: 'invitation_unknown' }
  | { kind: 'email_taken' }
  /** Another agent holds the debtor's call lock. */
  | { kind: 'locked'; lock: CallLock | null }
  /** The server refused a field (e.g. a password shorter than 12 characters). */
  | { kind: 'invalid_request'; fields: string[] }
  /** Something answered, but not a Cadence team server (or an incompatible version). */
  | { kind: 'bad_response' }
  | { kind: 'server_error'; status: number };

export type TeamResult<T> = { ok: true; value: T } | { ok: false; error: TeamAuthError };

export const ServerUser = z.object({
  id: z.uuid(),
  teamId: z.uuid(),
  role: TeamRole,
  email: z.string(),
  displayName: z.string(),
});
export type ServerUser = z.infer<typeof ServerUser>;

const LoginResponse = z.object({ user: z.object({ id: z.uuid(), teamId: z.uuid(), role: TeamRole, email: z.string() }), csrfToken: z.string().check(z.minLength(10)) });
const MeResponse = z.object({ user: ServerUser, csrfToken: z.string().check(z.minLength(10)) });
const AcceptResponse = z.object({ user: z.object({ id: z.uuid() }), csrfToken: z.string().check(z.minLength(10)) });
const OkResponse = z.object({ ok: z.literal(true) });
export const Invitation = z.object({ token: z.string().check(z.minLength(10)), email: z.string(), role: TeamRole, expiresAt: z.string() });
export type Invitation = z.infer<typeof Invitation>;
export const TeamMember = z.object({ id: z.uuid(), email: z.string(), displayName: z.string(), role: TeamRole, disabled: z.boolean() });
export type TeamMember = z.infer<typeof TeamMember>;
const UsersResponse = z.object({ users: z.array(TeamMember) });
export const AuditEntry = z.object({
  id: z.number(),
  mutationId: z.string(),
  userId: z.nullable(z.string()),
  deviceName: z.nullable(z.string()),
  name: z.string(),
  status: z.string(),
  kind: z.nullable(z.string()),
  recordId: z.nullable(z.string()),
  clientTime: z.string(),
  serverTime: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
const AuditResponse = z.object({ entries: z.array(AuditEntry) });
const LocksResponse = z.object({ locks: z.array(CallLock) });
const ScoresResponse = TeamTrainingScoresResponse;
const LockResponse = z.object({ lock: CallLock });
const ReleaseResponse = z.object({ released: z.boolean() });
const ErrorBody = z.object({
  error: z.string(),
  issues: z.optional(z.array(z.object({ path: z.string() }))),
  lock: z.optional(z.nullable(CallLock)),
});

/** A server URL as typed: an http(s) address without credentials, query or fragment; trailing slashes dropped. */
export function parseServerUrl(input: string): TeamResult<string> {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, error: { kind: 'invalid_url' } };
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || url.search || url.hash) {
    return { ok: false, error: { kind: 'invalid_url' } };
  }
  return { ok: true, value: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface TeamAuthClientOptions {
  serverUrl: string;
  /** The browser's fetch by default; tests pass a fake, or one that keeps cookies in node. */
  fetch?: FetchLike;
}

export interface TeamAuthClient {
  readonly serverUrl: string;
  login(email: string, password: string): Promise<TeamResult<ServerUser>>;
  logout(): Promise<TeamResult<void>>;
  /** Who the session belongs to, with the role as the server has it now; keeps the CSRF token it returns. */
  me(): Promise<TeamResult<ServerUser>>;
  acceptInvitation(token: string, displayName: string, password: string): Promise<TeamResult<ServerUser>>;
  invite(email: string, role: TeamRole): Promise<TeamResult<Invitation>>;
  users(): Promise<TeamResult<TeamMember[]>>;
  audit(afterId?: number, limit?: number): Promise<TeamResult<AuditEntry[]>>;
  locks(): Promise<TeamResult<CallLock[]>>;
  acquireLock(debtorId: string, clientId: string, ttlSeconds?: number): Promise<TeamResult<CallLock>>;
  releaseLock(debtorId: string, clientId: string): Promise<TeamResult<boolean>>;
  /** The team's trainees' scores, newest first (leads and admins; `forbidden` for an agent). */
  trainingScores(): Promise<TeamResult<TeamTrainingScore[]>>;
}

function errorFor(status: number, body: unknown, headers: Headers): TeamAuthError {
  const parsed = ErrorBody.safeParse(body);
  const code = parsed.success ? parsed.data.error : '';
  if (status === 401) return code === 'bad_credentials' ? { kind: 'bad_credentials' } : { kind: 'unauthenticated' };
  if (status === 429) {
    const retry = Number(headers.get('retry-after'));
    return { kind: 'rate_limited', retryAfterSeconds: Number.isFinite(retry) && retry > 0 ? retry : null };
  }
  if (status === 403) return { kind: 'forbidden' };
  if (status === 404 && code === 'invitation_unknown') return { kind: 'invitation_unknown' };
  if (status === 409 && code === 'email_taken') return { kind: 'email_taken' };
  if (status === 409 && code === 'locked') return { kind: 'locked', lock: (parsed.success && parsed.data.lock) || null };
  if (status === 400 && code === 'invalid_request') return { kind: 'invalid_request', fields: parsed.success ? (parsed.data.issues ?? []).map((i) => i.path) : [] };
  if (status >= 500) return { kind: 'server_error', status };
  return { kind: 'bad_response' };
}

export function createTeamAuthClient(options: TeamAuthClientOptions): TeamAuthClient {
  const doFetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const base = options.serverUrl;
  let csrf = '';

  /**
   * fetch rejects alike when nothing answers and when CORS hides the answer. An opaque `no-cors` probe of
   * /health tells the two apart: it resolves only when the server is there.
   */
  async function whyNoAnswer(): Promise<TeamAuthError> {
    try {
      await doFetch(`${base}/health`, { mode: 'no-cors', credentials: 'omit' });
      return { kind: 'origin_refused' };
    } catch {
      return { kind: 'unreachable' };
    }
  }

  /** Sign-in and joining open a session; every other POST needs the session's CSRF token. */
  const OPENS_SESSION = new Set(['/auth/login', '/auth/accept-invitation']);

  async function call<S extends z.ZodMiniType>(method: 'GET' | 'POST', path: string, schema: S, body?: unknown): Promise<TeamResult<z.infer<S>>> {
    // After a reload the cookie is there but the token is not: /auth/me hands it back before the first write.
    if (method === 'POST' && !csrf && !OPENS_SESSION.has(path)) {
      const fresh = await me();
      if (!fresh.ok) return fresh;
    }
    const headers: Record<string, string> = {};
    if (method === 'POST') {
      headers['content-type'] = 'application/json';
      if (csrf) headers[CSRF_HEADER] = csrf;
    }
    let res: Response;
    try {
      res = await doFetch(`${base}${path}`, {
        method,
        headers,
        credentials: 'include',
        ...(method === 'POST' ? { body: JSON.stringify(body ?? {}) } : {}),
      });
    } catch {
      return { ok: false, error: await whyNoAnswer() };
    }
    let json: unknown;
    try {
      json = await res.json();
    } catch {
      json = undefined;
    }
    if (!res.ok) return { ok: false, error: errorFor(res.status, json, res.headers) };
    const parsed = schema.safeParse(json);
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: { kind: 'bad_response' } };
  }

  const map = <A, B>(r: TeamResult<A>, f: (a: A) => B): TeamResult<B> => (r.ok ? { ok: true, value: f(r.value) } : r);

  async function me(): Promise<TeamResult<ServerUser>> {
    const r = await call('GET', '/auth/me', MeResponse);
    if (r.ok) csrf = r.value.csrfToken;
    return map(r, (v) => v.user);
  }

  return {
    serverUrl: base,
    async login(email, password) {
      const r = await call('POST', '/auth/login', LoginResponse, { email: email.trim(), password });
      if (!r.ok) return r;
      csrf = r.value.csrfToken;
      // The sign-in answer has no display name: /auth/me gives the whole user.
      return me();
    },
    async logout() {
      const r = await call('POST', '/auth/logout', OkResponse);
      // Signed out either way on an ended session: nothing left to close.
      if (r.ok || r.error.kind === 'unauthenticated') {
        csrf = '';
        return { ok: true, value: undefined };
      }
      return r;
    },
    me,
    async acceptInvitation(token, displayName, password) {
      const r = await call('POST', '/auth/accept-invitation', AcceptResponse, { token, displayName: displayName.trim(), password });
      if (!r.ok) return r;
      csrf = r.value.csrfToken;
      return me();
    },
    invite: (email, role) => call('POST', '/admin/invitations', Invitation, { email: email.trim(), role }),
    users: async (): Promise<TeamResult<TeamMember[]>> => map(await call('GET', '/admin/users', UsersResponse), (v) => v.users),
    audit: async (afterId = 0, limit = 200): Promise<TeamResult<AuditEntry[]>> =>
      map(await call('GET', `/admin/audit?afterId=${afterId}&limit=${limit}`, AuditResponse), (v) => v.entries),
    locks: async (): Promise<TeamResult<CallLock[]>> => map(await call('GET', '/locks', LocksResponse), (v) => v.locks),
    acquireLock: async (debtorId, clientId, ttlSeconds): Promise<TeamResult<CallLock>> =>
      map(await call('POST', '/locks/acquire', LockResponse, { debtorId, clientId, ...(ttlSeconds ? { ttlSeconds } : {}) }), (v) => v.lock),
    releaseLock: async (debtorId, clientId): Promise<TeamResult<boolean>> =>
      map(await call('POST', '/locks/release', ReleaseResponse, { debtorId, clientId }), (v) => v.released),
    trainingScores: async (): Promise<TeamResult<TeamTrainingScore[]>> => map(await call('GET', '/team/training-scores', ScoresResponse), (v) => v.scores),
  };
}
