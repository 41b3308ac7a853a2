/**
 * The admin's screens on the server: invite someone to the team, list its people, read the audit. Each query
 * runs in the admin's RLS scope; the policies (not only these checks) keep invitations and audit to admins.
 */
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { z } from 'zod/mini';
import { TeamRole } from '../../../src/sync/protocol';
import { hashToken, newToken, requireRole, requireUser, requireWriter } from '../auth/session';
import { withScope } from '../db/database';
import { parse } from '../http';

const Invite = z.strictObject({
  email: z.string().check(z.minLength(3), z.maxLength(254), z.regex(/^[^\s@]+@[^\s@]+$/, 'not an email address')),
  role: TeamRole,
});
const AuditQuery = z.strictObject({
  afterId: z._default(z.coerce.number().check(z.int(), z.minimum(0)), 0),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(1000)), 200),
});
const INVITATION_DAYS = 7;

export function adminRoutes(app: FastifyInstance, pool: pg.Pool): void {
  app.post('/admin/invitations', { bodyLimit: 16 * 1024 }, async (request) => {
    const user = await requireWriter(pool, request);
    requireRole(user, ['admin']);
    const body = parse(Invite, request.body);
    const token = newToken();
    const expiresAt = await withScope(pool, user, async (tx) => {
      const { rows } = await tx.query(
        `INSERT INTO invitations (token_hash, team_id, email, role, invited_by, expires_at)
         VALUES ($1, $2, lower($3), $4, $5, now() + make_interval(days => $6)) RETURNING expires_at`,
        [hashToken(token), user.teamId, body.email, body.role, user.userId, INVITATION_DAYS],
      );
      return rows[0].expires_at as Date;
    });
    request.log.info({ event: 'invitation', role: body.role }, 'invitation created');
    // The token is shown once, to the admin who passes it on; only its hash is kept.
    return { token, email: body.email.toLowerCase(), role: body.role, expiresAt: expiresAt.toISOString() };
  });

  app.get('/admin/users', async (request) => {
    const user = await requireUser(pool, request);
    requireRole(user, ['admin', 'lead']);
    return withScope(pool, user, async (tx) => {
      const { rows } = await tx.query('SELECT id, email, display_name, role, disabled_at FROM users ORDER BY email');
      return { users: rows.map((r) => ({ id: r.id, email: r.email, displayName: r.display_name, role: r.role, disabled: r.disabled_at !== null })) };
    });
  });

  app.get('/admin/audit', async (request) => {
    const user = await requireUser(pool, request);
    requireRole(user, ['admin']);
    const query = parse(AuditQuery, request.query);
    return withScope(pool, user, async (tx) => {
      const { rows } = await tx.query(
        `SELECT id, mutation_id, client_id, user_id, device_name, name, status, reason, kind, record_id,
                client_time, server_time, version, before, after
         FROM audit WHERE id > $1 ORDER BY id LIMIT $2`,
        [query.afterId, query.limit],
      );
      return {
        entries: rows.map((r) => ({
          id: Number(r.id),
          mutationId: r.mutation_id,
          clientId: r.client_id,
          userId: r.user_id,
          deviceName: r.device_name,
          name: r.name,
          status: r.status,
          reason: r.reason,
          kind: r.kind,
          recordId: r.record_id,
          clientTime: (r.client_time as Date).toISOString(),
          serverTime: (r.server_time as Date).toISOString(),
          version: Number(r.version),
          before: r.before,
          after: r.after,
        })),
      };
    });
  });
}
