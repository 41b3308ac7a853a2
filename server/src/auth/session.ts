/**
 * Sessions: a random token in an HttpOnly, SameSite=Strict cookie, stored only as its SHA-256. CSRF: the
 * session also holds a random token, sent as a readable cookie and expected back in the `x-csrf-token` header
 * of every state-changing request (double submit, checked against the session, compared in constant time).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type pg from 'pg';
import type { TeamRole } from '../../../src/sync/protocol';
import type { ServerConfig } from '../config';
import { HttpError } from '../http';

export const SESSION_COOKIE = 'cadence_session';
export const CSRF_COOKIE = 'cadence_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export interface SessionUser {
  userId: string;
  teamId: string;
  role: TeamRole;
  email: string;
  displayName: string;
  csrfToken: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    user?: SessionUser;
  }
}

export const newToken = (): string => randomBytes(32).toString('base64url');
export const hashToken = (token: string): Buffer => createHash('sha256').update(token).digest();

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function openSession(pool: pg.Pool, config: ServerConfig, reply: FastifyReply, userId: string): Promise<string> {
  const token = newToken();
  const csrf = newToken();
  await pool.query('SELECT auth_open_session($1, $2, $3, make_interval(hours => $4))', [userId, hashToken(token), csrf, config.sessionHours]);
  const base = { path: '/', sameSite: 'strict' as const, secure: config.cookieSecure, maxAge: config.sessionHours * 3600 };
  reply.setCookie(SESSION_COOKIE, token, { ...base, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, csrf, { ...base, httpOnly: false });
  return csrf;
}

export async function closeSession(pool: pg.Pool, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const token = request.cookies[SESSION_COOKIE];
  if (token) await pool.query('SELECT auth_close_session($1)', [hashToken(token)]);
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}

/** The signed-in user, or 401. */
export async function requireUser(pool: pg.Pool, request: FastifyRequest): Promise<SessionUser> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token || token.length > 100) throw new HttpError(401, 'unauthenticated', 'sign in first');
  const { rows } = await pool.query('SELECT * FROM auth_session($1)', [hashToken(token)]);
  const row = rows[0];
  if (!row) throw new HttpError(401, 'unauthenticated', 'the session has ended: sign in again');
  const user: SessionUser = {
    userId: row.user_id,
    teamId: row.team_id,
    role: row.role,
    email: row.email,
    displayName: row.display_name,
    csrfToken: row.csrf_token,
  };
  request.user = user;
  return user;
}

/** The signed-in user of a state-changing request: the CSRF header must match both cookie and session. */
export async function requireWriter(pool: pg.Pool, request: FastifyRequest): Promise<SessionUser> {
  const user = await requireUser(pool, request);
  const header = request.headers[CSRF_HEADER];
  const cookie = request.cookies[CSRF_COOKIE];
  if (typeof header !== 'string' || !cookie || !sameToken(header, cookie) || !sameToken(header, user.csrfToken)) {
    throw new HttpError(403, 'csrf', 'missing or wrong CSRF token');
  }
  return user;
}

export function requireRole(user: SessionUser, roles: readonly TeamRole[]): void {
  if (!roles.includes(user.role)) throw new HttpError(403, 'forbidden', `this needs the role ${roles.join(' or ')}`);
}
