/**
 * The team server for the reliability tests that sync (R12): a throwaway PostgreSQL 15 cluster (Debian's
 * binaries), migrated, with one admin, and the real server in this process on a free port, as
 * tests/e2e/team.e2e.ts starts it. `db` is an owner connection (no row-level security) for counting what the
 * server holds; the device signs in through Settings → Team with the keyboard and mouse, like a user.
 */
import pg from 'pg';
import type { Page } from 'playwright-core';
import { createAdmin } from '../../server/src/admin/create-admin';
import { buildServer, type TeamServer } from '../../server/src/app';
import { configFromEnv } from '../../server/src/config';
import { startCluster, type Cluster } from '../../server/src/db/cluster';
import { migrate } from '../../server/src/db/database';

export const ADMIN = { email: 'lead@r12.test', name: 'Nadia Lead', password: 'r12 admin password' };

export interface Credentials {
  email: string;
  password: string;
}

export interface TeamHarness {
  url: string;
  db: pg.Client;
  /** Another team with its own admin (each scenario on a team of its own, so none sees another's records). */
  addTeam(team: string, admin: Credentials): Promise<{ userId: string; teamId: string }>;
  stop(): Promise<void>;
}

/** `appOrigins`: the pages allowed to call the server with cookies (CORS). */
export async function startTeamServer(appOrigins: readonly string[]): Promise<TeamHarness> {
  const cluster: Cluster = await startCluster({ fast: true });
  let server: TeamServer | undefined;
  let db: pg.Client | undefined;
  try {
    const ownerUrl = cluster.url('postgres');
    await migrate(ownerUrl);
    await createAdmin(ownerUrl, { email: ADMIN.email, team: 'Équipe R12', displayName: ADMIN.name, password: ADMIN.password });
    server = await buildServer(configFromEnv({ DATABASE_URL: ownerUrl, PORT: '0', LOG_LEVEL: 'silent', ALLOWED_ORIGINS: appOrigins.join(',') }));
    const url = await server.app.listen({ host: '127.0.0.1', port: 0 });
    db = new pg.Client({ connectionString: ownerUrl });
    await db.connect();
    const started = { server, db };
    return {
      url,
      db,
      addTeam: (name, admin) => createAdmin(ownerUrl, { email: admin.email, team: name, displayName: `Admin ${name}`, password: admin.password }),
      async stop() {
        await started.db.end().catch(() => undefined);
        await started.server.close();
        cluster.stop();
      },
    };
  } catch (error) {
    await db?.end().catch(() => undefined);
    await server?.close().catch(() => undefined);
    cluster.stop();
    throw error;
  }
}

/**
 * Signs in from Settings → Team. A device that holds data of its own is asked what to do with it the first
 * time: `upload` sends it to the team. Resolves once the role shows (and the choice, if asked, is made).
 */
export async function signIn(
  page: Page,
  baseUrl: string,
  serverUrl: string,
  firstConnection: 'upload' | 'useTeam' | 'none',
  who: Credentials = ADMIN,
): Promise<void> {
  await page.goto(`${baseUrl}/settings/team`);
  await page.waitForSelector('#team-serverUrl', { timeout: 60_000 });
  await page.fill('#team-serverUrl', serverUrl);
  await page.fill('#team-email', who.email);
  await page.fill('#team-password', who.password);
  await page.press('#team-password', 'Enter');
  await page.waitForSelector('[data-testid="team-role"]', { timeout: 30_000 });
  if (firstConnection === 'none') return;
  await page.waitForSelector('[data-testid="first-connection"][open]', { timeout: 30_000 });
  await page.click(firstConnection === 'upload' ? '[data-testid="first-upload"]' : '[data-testid="first-use-team"]');
  await page.waitForSelector('[data-testid="first-connection"]:not([open])', { state: 'attached', timeout: 120_000 });
}

/** What the device's sync stores hold, read with plain IndexedDB on a connection closed at once. */
export interface DeviceSync {
  clientId: string | null;
  outboxIds: string[];
  failed: number;
}

export function deviceSync(page: Page): Promise<DeviceSync> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('cadence');
      request.onupgradeneeded = () => request.transaction?.abort();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.onversionchange = () => db.close();
    try {
      const ask = <T,>(r: IDBRequest<T>) => new Promise<T>((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))));
      const tx = db.transaction(['outbox', 'syncState'], 'readonly');
      const outboxIds = (await ask(tx.objectStore('outbox').getAllKeys())).map(String);
      const state = (await ask(tx.objectStore('syncState').getAll())) as { key: string; clientId?: string }[];
      return {
        clientId: state.find((s) => s.key === 'team')?.clientId ?? null,
        outboxIds,
        failed: state.filter((s) => s.key.startsWith('failed:')).length,
      };
    } finally {
      db.close();
    }
  });
}

/** The mutations of `ids` the server recorded for `clientId`, by status, and how many rows each id has. */
export async function serverAudit(db: pg.Client, clientId: string, ids: readonly string[]): Promise<{ rows: number; distinct: number; applied: number }> {
  const { rows } = await db.query(
    `SELECT count(*)::int AS rows, count(DISTINCT mutation_id)::int AS distinct, count(*) FILTER (WHERE status = 'applied')::int AS applied
       FROM audit WHERE client_id = $1 AND mutation_id = ANY($2::uuid[])`,
    [clientId, ids],
  );
  return rows[0] as { rows: number; distinct: number; applied: number };
}
