/**
 * Call locks: an agent opening a call takes the debtor's lock so the team's worklists show who is on the
 * phone with them. A lock expires unless its device renews it (the call screen renews while the call lasts),
 * so a device that vanished mid-call frees the debtor after its time-out. Changes are NOTIFYed like pushes.
 */
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { type CallLock, LockRequest, UnlockRequest } from '../../../src/sync/protocol';
import { requireUser, requireWriter, type SessionUser } from '../auth/session';
import { type Tx, withScope } from '../db/database';
import { HttpError, parse } from '../http';
import { LOCKS_CHANNEL } from './events';

const DEFAULT_TTL_SECONDS = 120;

const notify = (tx: Tx, user: SessionUser) => tx.query('SELECT pg_notify($1, $2)', [LOCKS_CHANNEL, JSON.stringify({ team: user.teamId })]);

async function holder(tx: Tx, debtorId: string): Promise<CallLock | null> {
  const { rows } = await tx.query(
    `SELECT l.debtor_id, l.user_id, u.display_name, l.client_id, l.expires_at
     FROM call_locks l JOIN users u ON u.id = l.user_id WHERE l.debtor_id = $1 AND l.expires_at > now()`,
    [debtorId],
  );
  const r = rows[0];
  return r ? { debtorId: r.debtor_id, userId: r.user_id, displayName: r.display_name, clientId: r.client_id, expiresAt: (r.expires_at as Date).toISOString() } : null;
}

export function lockRoutes(app: FastifyInstance, pool: pg.Pool): void {
  app.post('/locks/acquire', { bodyLimit: 4096 }, async (request) => {
    const user = await requireWriter(pool, request);
    const body = parse(LockRequest, request.body);
    const ttl = body.ttlSeconds ?? DEFAULT_TTL_SECONDS;
    const result = await withScope(pool, user, async (tx) => {
      await tx.query('DELETE FROM call_locks WHERE team_id = $1 AND debtor_id = $2 AND expires_at <= now()', [user.teamId, body.debtorId]);
      const taken = await tx.query(
        `INSERT INTO call_locks (team_id, debtor_id, user_id, client_id, expires_at)
         VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5)) ON CONFLICT DO NOTHING`,
        [user.teamId, body.debtorId, user.userId, body.clientId, ttl],
      );
      if (taken.rowCount === 0) {
        // Renewal by the device holding it; anyone else is told who holds it.
        const renewed = await tx.query(
          `UPDATE call_locks SET expires_at = now() + make_interval(secs => $4)
           WHERE team_id = $1 AND debtor_id = $2 AND user_id = $3 AND client_id = $5`,
          [user.teamId, body.debtorId, user.userId, ttl, body.clientId],
        );
        if (renewed.rowCount === 0) return { held: await holder(tx, body.debtorId) };
      } else {
        await notify(tx, user);
      }
      return { lock: await holder(tx, body.debtorId) };
    });
    if ('held' in result) throw new HttpError(409, 'locked', 'another agent is on a call with this debtor', { lock: result.held });
    return result;
  });

  app.post('/locks/release', { bodyLimit: 4096 }, async (request) => {
    const user = await requireWriter(pool, request);
    const body = parse(UnlockRequest, request.body);
    const released = await withScope(pool, user, async (tx) => {
      const { rowCount } = await tx.query('DELETE FROM call_locks WHERE team_id = $1 AND debtor_id = $2 AND user_id = $3 AND client_id = $4', [
        user.teamId,
        body.debtorId,
        user.userId,
        body.clientId,
      ]);
      if (rowCount) await notify(tx, user);
      return (rowCount ?? 0) > 0;
    });
    return { released };
  });

  app.get('/locks', async (request) => {
    const user = await requireUser(pool, request);
    return withScope(pool, user, async (tx) => {
      const { rows } = await tx.query(
        `SELECT l.debtor_id, l.user_id, u.display_name, l.client_id, l.expires_at
         FROM call_locks l JOIN users u ON u.id = l.user_id WHERE l.expires_at > now() ORDER BY l.debtor_id`,
      );
      const locks: CallLock[] = rows.map((r) => ({
        debtorId: r.debtor_id,
        userId: r.user_id,
        displayName: r.display_name,
        clientId: r.client_id,
        expiresAt: (r.expires_at as Date).toISOString(),
      }));
      return { locks };
    });
  });
}
