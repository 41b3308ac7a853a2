/**
 * What the team journeys share: a throwaway PostgreSQL (Debian's binaries) with the team server on it, and
 * two browser profiles joined to one team through the app — A the admin (counts as lead) on a laptop, who
 * uploads the demo portfolio, B an agent on a phone, invited by A, who starts from the team's data. The
 * journeys themselves (and the keyboard-only sign-in) are in team.e2e.ts; these files reuse the same steps.
 */
import { afterAll, beforeAll } from 'vitest';
import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createAdmin } from '../../server/src/admin/create-admin';
import { buildServer, type TeamServer } from '../../server/src/app';
import { configFromEnv } from '../../server/src/config';
import { startCluster, type Cluster } from '../../server/src/db/cluster';
import { migrate } from '../../server/src/db/database';
import { openWorklist } from './app';
import { contextOptions, launch } from './browser';

export const ADMIN = { email: 'camille@equipe.test', name: 'Camille Admin', password: 'admin password 2026' };
export const AGENT = { email: 'sam@equipe.test', name: 'Sam Agent', password: 'agent password 2026' };

export interface TeamWorld {
  serverUrl: string;
  browser: Browser;
  contextA: BrowserContext;
  contextB: BrowserContext;
  a: Page;
  b: Page;
  /** The team's records as the server holds them (owner connection, for assertions only). */
  serverRecord(kind: string, id: string): Promise<Record<string, unknown> | null>;
  stop(): Promise<void>;
}

export async function startTeamWorld(baseUrl: string): Promise<TeamWorld> {
  const cluster: Cluster = await startCluster({ fast: true });
  let server: TeamServer | undefined;
  let browser: Browser | undefined;
  const ownerUrl = cluster.url('postgres');
  const owner = new pg.Pool({ connectionString: ownerUrl, max: 1 });
  try {
    await migrate(ownerUrl);
    await createAdmin(ownerUrl, { email: ADMIN.email, team: 'Recouvrement Nord', displayName: ADMIN.name, password: ADMIN.password });
    const config = configFromEnv({ DATABASE_URL: ownerUrl, PORT: '0', LOG_LEVEL: 'silent', ALLOWED_ORIGINS: new URL(baseUrl).origin });
    server = await buildServer(config);
    const serverUrl = await server.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launch();
    const contextA = await browser.newContext(contextOptions('laptop'));
    const contextB = await browser.newContext(contextOptions('phone'));
    const started = { server, browser };
    return {
      serverUrl,
      browser,
      contextA,
      contextB,
      a: await contextA.newPage(),
      b: await contextB.newPage(),
      async serverRecord(kind, id) {
        const { rows } = await owner.query('SELECT data FROM records WHERE kind = $1 AND id = $2', [kind, id]);
        return (rows[0]?.data as Record<string, unknown> | undefined) ?? null;
      },
      async stop() {
        await started.browser.close();
        await started.server.close();
        await owner.end();
        cluster.stop();
      },
    };
  } catch (error) {
    await browser?.close();
    await server?.close();
    await owner.end();
    cluster.stop();
    throw error;
  }
}

export async function openTeamSettings(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/settings/team`);
  await page.waitForSelector('[data-testid="team-section"] [data-testid="team-status"]', { timeout: 30_000 });
}

/** Waits until the device's sync is idle ("En ligne"/"Online", nothing pending) on Settings → Team. */
export async function waitSynced(page: Page, baseUrl: string): Promise<void> {
  if (!page.url().endsWith('/settings/team')) await openTeamSettings(page, baseUrl);
  await page.waitForFunction(() => /En ligne|Online/.test(document.querySelector('[data-testid="team-status"]')?.textContent ?? ''), undefined, {
    timeout: 60_000,
  });
}

/** A signs in as the admin, uploads the demo portfolio, and invites B as an agent; B joins and takes the team's data. */
export async function joinTeam(world: TeamWorld, baseUrl: string): Promise<void> {
  const { a, b } = world;
  await openWorklist(a, baseUrl);
  await openTeamSettings(a, baseUrl);
  await a.fill('#team-serverUrl', world.serverUrl);
  await a.fill('#team-email', ADMIN.email);
  await a.fill('#team-password', ADMIN.password);
  await a.press('#team-password', 'Enter');
  await a.waitForSelector('[data-testid="team-role"][data-role="admin"]');
  await a.waitForSelector('[data-testid="first-connection"][open]');
  await a.click('[data-testid="first-upload"]');
  await a.waitForSelector('[data-testid="first-connection"]:not([open])', { state: 'attached', timeout: 60_000 });
  await waitSynced(a, baseUrl);

  await a.fill('#invite-email', AGENT.email);
  await a.selectOption('#invite-role', 'agent');
  await a.press('#invite-email', 'Enter');
  await a.waitForSelector('[data-testid="invite-link"]');
  const link = await a.inputValue('[data-testid="invite-link"]');

  await openWorklist(b, baseUrl);
  await b.goto(link);
  await b.waitForSelector('#join-name');
  await b.fill('#join-name', AGENT.name);
  await b.fill('#join-password', AGENT.password);
  await b.press('#join-password', 'Enter');
  await b.waitForSelector('[data-testid="join-done"]');
  await openTeamSettings(b, baseUrl);
  await b.waitForSelector('[data-testid="team-role"][data-role="agent"]');
  try {
    await b.waitForSelector('[data-testid="first-connection"][open]', { timeout: 60_000 });
  } catch (error) {
    console.log('[team-setup] B, no first-connection question:', await b.textContent('[data-testid="team-section"]'), b.url());
    throw error;
  }
  await b.click('[data-testid="first-use-team"]');
  await b.waitForSelector('[data-testid="first-connection"]:not([open])', { state: 'attached', timeout: 60_000 });
  await waitSynced(b, baseUrl);
}

/**
 * The two devices of a test file, joined to a fresh team before its tests (A the admin, B an agent) and
 * stopped after them; read it inside the tests.
 */
export function joinedTeamWorld(baseUrl: string): () => TeamWorld {
  let world: TeamWorld | undefined;
  beforeAll(async () => {
    world = await startTeamWorld(baseUrl);
    await joinTeam(world, baseUrl);
  }, 240_000);
  afterAll(async () => {
    await world?.stop();
  });
  return () => {
    if (!world) throw new Error('the team world is not started');
    return world;
  };
}
