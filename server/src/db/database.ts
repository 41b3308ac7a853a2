/**
 * Two connections to the same database: the owner (DATABASE_URL) applies migrations at start and nothing else
 * in a running server; every request goes through the app pool, which connects as `cadence_app` (no BYPASSRLS)
 * and scopes each transaction to its user and team with set_config(..., true), i.e. SET LOCAL.
 */
import { fileURLToPath } from 'node:url';
import { runner } from 'node-pg-migrate';
import pg from 'pg';

export const APP_ROLE = 'cadence_app';
const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations', import.meta.url));

export type Tx = pg.PoolClient;

export interface Scope {
  userId: string;
  teamId: string;
}

/** The app role's URL: APP_DATABASE_URL, or DATABASE_URL with the user swapped for cadence_app. */
export function appDatabaseUrl(ownerUrl: string, appUrl?: string, appPassword?: string): string {
  if (appUrl) return appUrl;
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = appPassword ? encodeURIComponent(appPassword) : '';
  return url.toString();
}

/** Applies the versioned SQL files of server/migrations that are not applied yet (node-pg-migrate's lock). */
export async function migrate(ownerUrl: string, appPassword?: string): Promise<string[]> {
  const applied = await runner({
    databaseUrl: ownerUrl,
    dir: MIGRATIONS_DIR,
    direction: 'up',
    migrationsTable: 'pgmigrations',
    checkOrder: true,
    // Several server processes may start together: the others wait for the first to finish migrating.
    advisoryLockMode: 'wait',
    log: () => {},
  });
  if (appPassword) {
    // A password only when the deployment uses password auth; the same value on every server process.
    const owner = new pg.Client({ connectionString: ownerUrl });
    await owner.connect();
    try {
      const quoted = (await owner.query('SELECT quote_literal($1::text) AS q', [appPassword])).rows[0].q as string;
      await owner.query(`ALTER ROLE ${APP_ROLE} PASSWORD ${quoted}`);
    } finally {
      await owner.end();
    }
  }
  return applied.map((m) => m.name);
}

export function createAppPool(url: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'cadence-server' });
  // An idle client losing its connection (database restart) must not crash the process.
  pool.on('error', () => {});
  return pool;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export type Isolation = 'READ COMMITTED' | 'REPEATABLE READ';

/** BEGIN and the RLS scope of the transaction as one simple query (ids checked to be UUIDs first). */
export function beginScopedSql(scope: Scope, isolation: Isolation = 'READ COMMITTED'): string {
  if (!UUID.test(scope.userId) || !UUID.test(scope.teamId)) throw new Error('scope ids must be UUIDs');
  return `BEGIN ISOLATION LEVEL ${isolation}; SELECT set_config('app.user_id', '${scope.userId}', true), set_config('app.team_id', '${scope.teamId}', true)`;
}

/** BEGIN and the RLS scope of the transaction, in one round trip. */
export async function beginScoped(client: pg.PoolClient, scope: Scope, isolation: Isolation = 'READ COMMITTED'): Promise<void> {
  await client.query(beginScopedSql(scope, isolation));
}

/**
 * Runs `fn` in one transaction seen by RLS as `scope`'s user and team. BEGIN and both settings go in one
 * round trip (a simple query cannot take parameters, so the ids, which come from our own session table, are
 * checked to be UUIDs before they are written into it).
 */
export async function withScope<T>(pool: pg.Pool, scope: Scope, fn: (tx: Tx) => Promise<T>, isolation: Isolation = 'READ COMMITTED'): Promise<T> {
  const client = await pool.connect();
  try {
    await beginScoped(client, scope, isolation);
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
