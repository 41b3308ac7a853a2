/**
 * POST /sync/pull: the team's rows changed since the client's cookie, in (version, kind, id) order, tombstones
 * included, in pages. It reads one REPEATABLE READ snapshot; pushes take the team version row in order and
 * commit in that order, so every row at or below the snapshot's version is in the snapshot — no row is skipped.
 */
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { type LostEdit, PullRequest, type PullResponse, type SyncedRecord } from '../../../src/sync/protocol';
import { requireWriter } from '../auth/session';
import { withScope } from '../db/database';
import { parse } from '../http';

const DEFAULT_LIMIT = 1000;

export function pullRoute(app: FastifyInstance, pool: pg.Pool): void {
  app.post('/sync/pull', { bodyLimit: 16 * 1024 }, async (request): Promise<PullResponse> => {
    const user = await requireWriter(pool, request);
    const body = parse(PullRequest, request.body);
    const limit = body.limit ?? DEFAULT_LIMIT;
    const from = body.cookie ?? { version: 0 };
    return withScope(
      pool,
      user,
      async (tx) => {
        const current = Number((await tx.query('SELECT version FROM team_versions')).rows[0]?.version ?? 0);
        const select = `SELECT kind, id, version, deleted, data, created_by, created_device, updated_by, updated_device, updated_at
                        FROM records WHERE team_id = $1 AND `;
        const page =
          from.kind !== undefined && from.id !== undefined
            ? await tx.query(`${select} (version, kind, id) > ($2, $3, $4) ORDER BY version, kind, id LIMIT $5`, [user.teamId, from.version, from.kind, from.id, limit + 1])
            : await tx.query(`${select} version > $2 ORDER BY version, kind, id LIMIT $3`, [user.teamId, from.version, limit + 1]);
        const more = page.rows.length > limit;
        const rows = more ? page.rows.slice(0, limit) : page.rows;
        const records: SyncedRecord[] = rows.map((r) => ({
          kind: r.kind,
          id: r.id,
          version: Number(r.version),
          deleted: r.deleted,
          data: r.data,
          createdBy: r.created_by,
          createdDevice: r.created_device,
          updatedBy: r.updated_by,
          updatedDevice: r.updated_device,
          updatedAt: (r.updated_at as Date).toISOString(),
        }));
        const lastRow = records[records.length - 1];
        const cookie = more && lastRow ? { version: lastRow.version, kind: lastRow.kind, id: lastRow.id } : { version: current };
        // Lost edits in (from.version, cookie.version]: each is sent once across the pages.
        const conflictRows = await tx.query(
          `SELECT mutation_id, kind, record_id, field, lost, kept, kept_by, version FROM conflicts
           WHERE team_id = $1 AND user_id = $2 AND version > $3 AND version <= $4 ORDER BY version, id`,
          [user.teamId, user.userId, from.version, cookie.version],
        );
        const conflicts: LostEdit[] = conflictRows.rows.map((c) => ({
          mutationId: c.mutation_id,
          kind: c.kind,
          recordId: c.record_id,
          field: c.field,
          lost: c.lost,
          kept: c.kept,
          ...(c.kept_by ? { keptBy: c.kept_by as string } : {}),
          version: Number(c.version),
        }));
        const client = await tx.query('SELECT last_mutation_id FROM clients WHERE id = $1', [body.clientId]);
        return { cookie, more, lastMutationId: client.rows[0]?.last_mutation_id ?? null, records, conflicts };
      },
      'REPEATABLE READ',
    );
  });
}
