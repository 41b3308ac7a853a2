/**
 * POST /sync/push: applies a client's mutations in order, each in its own transaction with its audit row.
 * The last applied id per client makes a replay a no-op; the team version row gives each mutation its version.
 * A mutation the server refuses (not a lead, unknown record…) is still acknowledged and audited as rejected,
 * so one bad change cannot block a device's outbox forever.
 */
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { type Mutation, PushRequest, type PushResponse, type PushResult } from '../../../src/sync/protocol';
import { requireWriter, type SessionUser } from '../auth/session';
import { beginScopedSql, withScope } from '../db/database';
import { HttpError, parse } from '../http';
import { applyMutation, type Outcome, Rejection } from './apply';
import { SYNC_CHANNEL } from './events';

/** Raised by the database for RLS and the lead-only trigger: a refusal, not a fault. */
const INSUFFICIENT_PRIVILEGE = '42501';

/** Registers the client on its first push; returns the last mutation id applied for it. */
async function ensureClient(pool: pg.Pool, user: SessionUser, clientId: string, deviceName: string): Promise<string | null> {
  const mine = await withScope(pool, user, async (tx) => {
    await tx.query('INSERT INTO clients (id, team_id, user_id, device_name) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING', [
      clientId,
      user.teamId,
      user.userId,
      deviceName,
    ]);
    return (await tx.query('SELECT last_mutation_id FROM clients WHERE id = $1', [clientId])).rows[0] as { last_mutation_id: string | null } | undefined;
  });
  // RLS shows a user only their own clients: someone else's id (any team) is refused, not taken over.
  if (!mine) throw new HttpError(403, 'foreign_client', 'this client id belongs to another user');
  return mine.last_mutation_id;
}

/**
 * The version, the record write, the audit row, the lost edits, the client's last id and the notification,
 * then COMMIT: one round trip while the team's version row (the lock that orders a team's changes) is held.
 * A simple query cannot carry parameters, so each value is written in as an escaped literal (pg's
 * escapeLiteral) with an explicit type; nothing else is ever spliced in.
 */
const WRITE = `
WITH v AS (
  UPDATE team_versions SET version = version + 1 WHERE team_id = $1 RETURNING version
), ins AS (
  INSERT INTO records (team_id, kind, id, data, version, created_by, created_device, updated_by, updated_device)
  SELECT $1, $9, $10, $17, v.version, $4, $3, $4, $3 FROM v WHERE $18 = 'insert'
  ON CONFLICT DO NOTHING RETURNING 1
), upd AS (
  UPDATE records SET data = $17, deleted = ($17 IS NULL), version = (SELECT version FROM v),
         updated_by = $4, updated_device = $3, updated_at = now()
  WHERE $18 = 'update' AND team_id = $1 AND kind = $9 AND id = $10 RETURNING 1
), audit_row AS (
  INSERT INTO audit (team_id, mutation_id, client_id, user_id, device_name, name, status, reason, kind, record_id,
                     client_time, version, before, after)
  SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, v.version, $12, $13 FROM v
), lost_rows AS (
  INSERT INTO conflicts (team_id, user_id, client_id, mutation_id, kind, record_id, field, lost, kept, kept_by, version)
  SELECT $1, $4, $3, $2, l.kind, l.record_id, l.field, l.lost, l.kept, l.kept_by, v.version
  FROM v, jsonb_to_recordset($14) AS l (kind text, record_id text, field text, lost jsonb, kept jsonb, kept_by text)
), client_row AS (
  UPDATE clients SET last_mutation_id = $2, device_name = $5, last_seen_at = now() WHERE id = $3
)
SELECT v.version,
       sync_written((SELECT count(*) FROM ins) + (SELECT count(*) FROM upd), $18 <> 'none') AS written,
       pg_notify($15, json_build_object('team', $16, 'version', v.version)::text)
FROM v;
COMMIT`;
const WRITE_TYPES = ['uuid', 'uuid', 'uuid', 'uuid', 'text', 'text', 'text', 'text', 'text', 'text', 'timestamptz', 'jsonb', 'jsonb', 'jsonb', 'text', 'text', 'jsonb', 'text'];

function withLiterals(client: pg.PoolClient, sql: string, values: (string | null)[]): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => {
    const value = values[Number(n) - 1];
    const type = WRITE_TYPES[Number(n) - 1];
    return value === null || value === undefined ? `NULL::${type}` : `${client.escapeLiteral(value)}::${type}`;
  });
}

/** Raised by sync_written and by unique keys: the record to create already exists. */
const UNIQUE_VIOLATION = '23505';

/**
 * One mutation, one transaction: the client row is locked first (two pushes of one device never interleave,
 * and a replay is seen), the handler reads and locks what it decides on, then WRITE takes the team version and
 * commits. Every transaction takes its locks in that order, so concurrent pushes cannot deadlock. A refusal
 * from the handler is thrown before anything is written; a refusal from the database itself (RLS, the
 * lead-only trigger, a record created meanwhile) aborts the transaction, which is then redone as a recorded
 * refusal.
 */
async function pushOne(pool: pg.Pool, user: SessionUser, request: PushRequest, mutation: Mutation, refused?: Rejection): Promise<PushResult> {
  const tx = await pool.connect();
  let open = false;
  try {
    // BEGIN, the scope and the client's lock in one round trip (the client id passed the schema as a UUID).
    const begun = (await tx.query(
      `${beginScopedSql(user)}; SELECT last_mutation_id FROM clients WHERE id = ${tx.escapeLiteral(request.clientId)}::uuid FOR UPDATE`,
    )) as unknown as pg.QueryResult[];
    open = true;
    const last = begun[2]?.rows[0]?.last_mutation_id as string | null | undefined;
    if (last && mutation.id.toLowerCase() <= last) {
      await tx.query('COMMIT');
      open = false;
      return { id: mutation.id, status: 'replayed' };
    }
    let outcome: Outcome | null = null;
    let rejection = refused ?? null;
    if (!rejection) {
      try {
        outcome = await applyMutation({ tx, user, mutationId: mutation.id }, mutation);
      } catch (err) {
        if (!(err instanceof Rejection)) throw err;
        rejection = err;
      }
    }
    const lost = outcome?.lost ?? [];
    const values = [
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
      outcome?.before ? JSON.stringify(outcome.before) : null,
      outcome ? JSON.stringify(outcome.after) : null,
      JSON.stringify(lost.map((l) => ({ kind: l.kind, record_id: l.recordId, field: l.field, lost: l.lost, kept: l.kept, kept_by: l.keptBy ?? null }))),
      // Delivered at commit, to every server process listening (each fans it out to its SSE clients).
      SYNC_CHANNEL,
      user.teamId,
      outcome?.data ? JSON.stringify(outcome.data) : null,
      outcome?.write ?? 'none',
    ];
    const results = (await tx.query(withLiterals(tx, WRITE, values))) as unknown as pg.QueryResult[];
    open = false;
    const version = Number(results[0]!.rows[0].version);
    if (rejection) return { id: mutation.id, status: 'rejected', version, code: rejection.code };
    return { id: mutation.id, status: 'applied', version, ...(lost.length ? { lost: lost.map((l) => ({ ...l, version })) } : {}) };
  } catch (err) {
    if (open) await tx.query('ROLLBACK').catch(() => {});
    open = false;
    const code = (err as { code?: string }).code;
    if (refused) throw err;
    if (code === UNIQUE_VIOLATION) return pushOne(pool, user, request, mutation, new Rejection('exists', 'this record already exists'));
    if (code === INSUFFICIENT_PRIVILEGE) return pushOne(pool, user, request, mutation, new Rejection('forbidden', 'refused by the database'));
    throw err;
  } finally {
    tx.release();
  }
}

export function pushRoute(app: FastifyInstance, pool: pg.Pool, bodyLimit: number): void {
  app.post('/sync/push', { bodyLimit }, async (request): Promise<PushResponse> => {
    const user = await requireWriter(pool, request);
    const body = parse(PushRequest, request.body);
    const ids = body.mutations.map((m) => m.id.toLowerCase());
    if (ids.some((id, i) => i > 0 && id <= ids[i - 1]!)) {
      throw new HttpError(400, 'out_of_order', 'mutation ids must increase within a push (UUIDv7, monotonic)');
    }
    const applied = await ensureClient(pool, user, body.clientId, body.deviceName);
    // Ids at or below the last one applied are replays: answered without a transaction each (the check inside
    // pushOne still guards a concurrent push of the same client).
    const results: PushResult[] = [];
    for (const mutation of body.mutations) {
      if (applied && mutation.id.toLowerCase() <= applied) results.push({ id: mutation.id, status: 'replayed' });
      else results.push(await pushOne(pool, user, body, mutation));
    }
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
