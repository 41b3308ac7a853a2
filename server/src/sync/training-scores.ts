/**
 * Trainees' scores for their lead: every `trainingScore` record of the team (pushed by a trainee's device when
 * a simulation ends, `training.score`), with the name of the user who pushed it. Leads and admins only; the
 * rows are the team's through RLS like every record.
 */
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import type { TeamTrainingScore } from '../../../src/sync/protocol';
import { requireRole, requireUser } from '../auth/session';
import { withScope } from '../db/database';

/** The newest first, enough for a lead's table; older ones stay in the records. */
const MAX_SCORES = 500;

export function trainingScoreRoutes(app: FastifyInstance, pool: pg.Pool): void {
  app.get('/team/training-scores', async (request) => {
    const user = await requireUser(pool, request);
    requireRole(user, ['lead', 'admin']);
    return withScope(pool, user, async (tx) => {
      const { rows } = await tx.query(
        `SELECT r.id, r.data, r.created_by, u.display_name FROM records r JOIN users u ON u.id = r.created_by
         WHERE r.team_id = $1 AND r.kind = 'trainingScore' AND NOT r.deleted
         ORDER BY r.data->>'at' DESC, r.id LIMIT $2`,
        [user.teamId, MAX_SCORES],
      );
      const scores: TeamTrainingScore[] = rows.map((r) => ({
        id: r.id,
        userId: r.created_by,
        trainee: r.display_name,
        scriptId: r.data.scriptId,
        scenario: r.data.scenario,
        score: r.data.score,
        at: r.data.at,
      }));
      return { scores };
    });
  });
}
