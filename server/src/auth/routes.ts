/**
 * Sign in, sign out, who am I, and accepting an admin's invitation. Login failures are counted in PostgreSQL
 * (per email and per address), so the limit holds across every server process behind a load balancer.
 */
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { z } from 'zod/mini';
import type { ServerConfig } from '../config';
import { HttpError, parse } from '../http';
import { checkPassword, hashPassword, MIN_PASSWORD_LENGTH } from './passwords';
import { closeSession, hashToken, openSession, requireUser, requireWriter, type SessionUser } from './session';

const Email = z.string().check(z.minLength(3), z.maxLength(254), z.regex(/^[^\s@]+@[^\s@]+$/, 'not an email address'));
const Login = z.strictObject({ email: Email, password: z.string().check(z.minLength(1), z.maxLength(1000)) });
const Accept = z.strictObject({
  token: z.string().check(z.minLength(10), z.maxLength(100)),
  displayName: z.string().check(z.minLength(1), z.maxLength(100)),
  password: z.string().check(z.minLength(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`), z.maxLength(1000)),
});

export const publicUser = (u: SessionUser) => ({ id: u.userId, teamId: u.teamId, role: u.role, email: u.email, displayName: u.displayName });

export function authRoutes(app: FastifyInstance, pool: pg.Pool, config: ServerConfig): void {
  const window = `${config.login.windowMinutes} minutes`;

  async function tooManyFailures(keys: { key: string; max: number }[]): Promise<boolean> {
    for (const { key, max } of keys) {
      const { rows } = await pool.query('SELECT auth_recent_failures($1, $2::interval) AS n', [key, window]);
      if (rows[0].n >= max) return true;
    }
    return false;
  }

  app.post('/auth/login', { bodyLimit: 16 * 1024 }, async (request, reply) => {
    const { email, password } = parse(Login, request.body);
    const emailKey = `email:${email.toLowerCase()}`;
    const ipKey = `ip:${request.ip}`;
    const limits = [
      { key: emailKey, max: config.login.maxPerEmail },
      { key: ipKey, max: config.login.maxPerIp },
    ];
    if (await tooManyFailures(limits)) {
      reply.header('retry-after', String(config.login.windowMinutes * 60));
      throw new HttpError(429, 'rate_limited', `too many failed sign-ins: try again in ${config.login.windowMinutes} minutes`);
    }
    const { rows } = await pool.query('SELECT * FROM auth_login_candidate($1)', [email]);
    const candidate = rows[0];
    if (!(await checkPassword(candidate?.password_hash, password))) {
      await pool.query('SELECT auth_note_failure($1)', [[emailKey, ipKey]]);
      request.log.info({ event: 'login_failed' }, 'sign-in refused');
      throw new HttpError(401, 'bad_credentials', 'wrong email or password');
    }
    await pool.query('SELECT auth_clear_failures($1)', [emailKey]);
    const csrfToken = await openSession(pool, config, reply, candidate.user_id);
    request.log.info({ event: 'login', userId: candidate.user_id }, 'signed in');
    return { user: { id: candidate.user_id, teamId: candidate.team_id, role: candidate.role, email: email.toLowerCase() }, csrfToken };
  });

  app.post('/auth/logout', async (request, reply) => {
    await requireWriter(pool, request);
    await closeSession(pool, request, reply);
    return { ok: true };
  });

  app.get('/auth/me', async (request) => {
    const user = await requireUser(pool, request);
    return { user: publicUser(user), csrfToken: user.csrfToken };
  });

  app.post('/auth/accept-invitation', { bodyLimit: 16 * 1024 }, async (request, reply) => {
    const body = parse(Accept, request.body);
    const passwordHash = await hashPassword(body.password);
    const userId = await pool
      .query('SELECT auth_accept_invitation($1, $2, $3) AS id', [hashToken(body.token), body.displayName, passwordHash])
      .then((r) => r.rows[0].id as string | null)
      .catch((err: { code?: string }) => {
        if (err.code === '23505') throw new HttpError(409, 'email_taken', 'an account already uses this email');
        throw err;
      });
    if (!userId) throw new HttpError(404, 'invitation_unknown', 'this invitation is unknown, used or expired');
    const csrfToken = await openSession(pool, config, reply, userId);
    request.log.info({ event: 'invitation_accepted', userId }, 'invitation accepted');
    return { user: { id: userId }, csrfToken };
  });
}
