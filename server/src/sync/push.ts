/**
 * POST /sync/push: applies a client's mutations in order, each in its own transaction with its audit row.
 * The client row is locked first, so two pushes from one client never interleave; the last applied id makes a
 * replay a no-op; the team version row is taken next (one lock order everywhere: no deadlock) and gives the
 * mutation its version. A mutation the server refuses (not a lead, unknown record…) is still acknowledged and
 * audited as rejected, so one bad change cannot block a device's outbox forever.
 */
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { type Mutation, PushRequest, type PushResponse, type PushResult } from '../../../src/sync/protocol';
import { requireWriter, type SessionUser } from '../auth/session';
import { withScope } from '../db/database';
import { HttpError, parse } from '../http';
import { applyMutation, type Outcome, Rejection } from './apply';
import { SYNC_CHANNEL } from './events';

/** Raised by the database for RLS and the lead-only trigger: a refusal, not a fault. */
const INSUFFICIENT_PRIVILEGE = '42501';

async function ensureClient(pool: pg.Pool, user: SessionUser, clientId: string, deviceName: string): Promise<void> {
  const mine = await withScope(pool, user, async (tx) => {
    await tx.query('INSERT INTO clients (id, team_id, user_id, device_name) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING', [
      clientId,
      user.teamId,
      user.userId,
      deviceName,
    ]);
    return (await tx.query('SELECT 1 FROM clients WHERE id = $1', [clientId])).rowCount === 1;
  });
  // RLS shows a user only their own clients: someone else's id (any team) is refused, not taken over.
  if (!mine) throw new HttpError(403, 'foreign_client', 'this client id belongs to another user');
}

async function pushOne(pool: pg.Pool, user: SessionUser, request: PushRequest, mutation: Mutation): Promise<PushResult> {
  return withScope(pool, user, async (tx) => {
    const client = await tx.query('SELECT last_mutation_id FROM clients WHERE id = $1 FOR UPDATE', [request.clientId]);
    const last = client.rows[0]?.last_mutation_id as string | null | undefined;
    if (last && mutation.id.toLowerCase() <= last) return { id: mutation.id, status: 'replayed' };
    const version = Number((await tx.query('UPDATE team_versions SET version = version + 1 RETURNING version')).rows[0].version);
    const ctx = { tx, user, clientId: request.clientId, mutationId: mutation.id, version };
    let outcome: Outcome | null = null;
    let rejection: Rejection | null = null;
    await tx.query('SAVEPOINT apply');
    try {
      outcome = await applyMutation(ctx, mutation);
      await tx.query('RELEASE SAVEPOINT apply');
    } catch (err) {
      const pgCode = (err as { code?: string }).code;
      if (!(err instanceof Rejection) && pgCode !== INSUFFICIENT_PRIVILEGE) throw err;
      await tx.query('ROLLBACK TO SAVEPOINT apply');
      rejection = err instanceof Rejection ? err : new Rejection('forbidden', 'refused by the database');
    }
    await tx.query(
      `INSERT INTO audit (team_id, mutation_id, client_id, user_id, device_name, name, status, reason, kind, record_id,
                          client_time, version, before, after)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        user.teamId,
        mutation.id,
        request.clientId,
        user.userId,
        request.deviceName,
        mutation.name,
        rejection ? 'rejected' : 'applied',
        rejection ? `${rejection.code}: ${rejection.message}` : null,
        outcome?.kind ?? null,
        outcome?.recordId ?? null,
        mutation.clientTime,
        version,
        outcome?.before ? JSON.stringify(outcome.before) : null,
        outcome ? JSON.stringify(outcome.after) : null,
      ],
    );
    for (const lost of outcome?.lost ?? []) {
      await tx.query(
        `INSERT INTO conflicts (team_id, user_id, client_id, mutation_id, kind, record_id, field, lost, kept, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [user.teamId, user.userId, request.clientId, mutation.id, lost.kind, lost.recordId, lost.field, JSON.stringify(lost.lost), JSON.stringify(lost.kept), version],
      );
    }
    await tx.query('UPDATE clients SET last_mutation_id = $2, device_name = $3, last_seen_at = now() WHERE id = $1', [
      request.clientId,
      mutation.id,
      request.deviceName,
    ]);
    // Delivered at commit, to every server process listening (theirs fan it out to their SSE clients).
    await tx.query('SELECT pg_notify($1, $2)', [SYNC_CHANNEL, JSON.stringify({ team: user.teamId, version })]);
    if (rejection) return { id: mutation.id, status: 'rejected', version, code: rejection.code };
    const lost = outcome?.lost ?? [];
    return { id: mutation.id, status: 'applied', version, ...(lost.length ? { lost } : {}) };
  });
}

export function pushRoute(app: FastifyInstance, pool: pg.Pool, bodyLimit: number): void {
  app.post('/sync/push', { bodyLimit }, async (request): Promise<PushResponse> => {
    const user = await requireWriter(pool, request);
    const body = parse(PushRequest, request.body);
    const ids = body.mutations.map((m) => m.id.toLowerCase());
    if (ids.some((id, i) => i > 0 && id <= ids[i - 1]!)) {
      throw new HttpError(400, 'out_of_order', 'mutation ids must increase within a push (UUIDv7, monotonic)');
    }
    await ensureClient(pool, user, body.clientId, body.deviceName);
    const results: PushResult[] = [];
    for (const mutation of body.mutations) results.push(await pushOne(pool, user, body, mutation));
    const lastMutationId = await withScope(pool, user, async (tx) => {
      const { rows } = await tx.query('SELECT last_mutation_id FROM clients WHERE id = $1', [body.clientId]);
      return (rows[0]?.last_mutation_id as string | null) ?? null;
    });
    if (results.some((r) => r.status === 'rejected')) {
      request.log.info({ event: 'push_rejections', count: results.filter((r) => r.status === 'rejected').length }, 'mutations refused');
    }
    return { lastMutationId, results };
  });
}
