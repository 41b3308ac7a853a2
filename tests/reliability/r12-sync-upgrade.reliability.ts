/**
 * R12 (upgrades, issue 14: "a device on database v7 with pending outbox mutations upgrades and still syncs
 * them"). Outbox rows exist from database v9 on, so this is two scenarios, each on a team of its own on the real
 * server and PostgreSQL, in real Chromium:
 *  1. A device at v9 (tests/fixtures/db/v9.json, written by the v9 upgrade steps) that was signed in to the
 *     team and holds three pending mutations (a contact's phone, a call note, a promise), opened by today's app
 *     (v9 → v10, KPI digests backfilled) and, apart, by the next release (R5's build, one database version
 *     more, so v9 → v11 with the outbox in it). Its session cookie is gone (as after a long time offline): the agent signs in again and the three
 *     reach the server in the order they were made, each applied once.
 *  2. A device at v7 (no outbox yet) opened by today's app (v7 → v10) that joins the team for the first time and
 *     answers "upload to the team": every record it holds reaches the server, nothing refused or left out.
 */
import type { Browser, Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Device } from '../../server/test/device';
import type { Contact, Debtor } from '../../src/domain/entities';
import { DB_VERSION } from '../../src/storage/db-version';
import { FIXTURES } from '../fixtures/db/load';
import { contextOptions, launch } from '../e2e/browser';
import { freePort, startPreview, type PreviewServer } from '../e2e/preview';
import { FIXTURE_PAGE_PATH } from './build';
import { figure } from './harness';
import { dumpDatabase } from './idb-dump';
import { deviceSync, signIn, startTeamServer, type Credentials, type TeamHarness } from './team-server';

const distDir = inject('distDir');
const nextDistDir = inject('nextDistDir');
const READY = '[data-testid="worklist"][data-state="ready"]';

let team: TeamHarness;
let browser: Browser;
let port: number;
let preview: PreviewServer | undefined;
const figures: string[] = [];

beforeAll(async () => {
  // Its own preview port: the next release is served on the same origin (same IndexedDB) after today's.
  port = await freePort();
  team = await startTeamServer([`http://127.0.0.1:${port}`]);
  browser = await launch();
});
afterAll(async () => {
  if (figures.length) figure(`R12 upgrade with a pending outbox: ${figures.join('; ')}`);
  await browser?.close();
  await preview?.stop();
  await team?.stop();
});

async function serve(dir: string): Promise<string> {
  await preview?.stop();
  preview = await startPreview(dir, port);
  return preview.url;
}

async function writeFixture(page: Page, base: string, key: 'v7' | 'v9'): Promise<void> {
  await page.goto(`${base}${FIXTURE_PAGE_PATH}index.html`);
  await page.waitForSelector('body[data-ready="true"]');
  expect(await page.evaluate((k) => window.createFixtureDb('cadence', k), key)).toBe(FIXTURES[key].dbVersion);
}

/**
 * The v9 device as signed in to this team: its team link points at this server under a client id of its own,
 * and the session's membership record (settings `team`) names the user, the first connection already answered.
 */
async function joinedAtV9(page: Page, serverUrl: string, clientId: string, user: { id: string; email: string; team: string }): Promise<void> {
  await page.evaluate(
    async ({ serverUrl, clientId, user }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('cadence');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction(['syncState', 'settings'], 'readwrite');
      const state = tx.objectStore('syncState');
      const link = await new Promise<Record<string, unknown>>((resolve) => {
        const r = state.get('team');
        r.onsuccess = () => resolve(r.result as Record<string, unknown>);
      });
      state.put({ ...link, serverUrl, clientId });
      tx.objectStore('settings').put(
        { schemaVersion: 1, serverUrl, clientId, user: { id: user.id, name: 'Camille Martin', email: user.email, role: 'admin', team: user.team }, checkedAt: null, firstConnectionDone: user.team },
        'team',
      );
      await new Promise<void>((resolve, reject) => ((tx.oncomplete = () => resolve()), (tx.onerror = () => reject(tx.error))));
      db.close();
    },
    { serverUrl, clientId, user },
  );
}

async function outboxEmpty(page: Page): Promise<void> {
  await expect.poll(async () => (await deviceSync(page)).outboxIds.length, { timeout: 90_000, interval: 250 }).toBe(0);
}

describe('R12 upgrade with pending outbox mutations', () => {
  it.each([
    ['today’s app', 'current' as const],
    ['the next release', 'next' as const],
  ])('a v9 device with three pending mutations, opened by %s, pushes them in order, each once', { timeout: 5 * 60_000 }, async (_label, release) => {
    const fixture = FIXTURES.v9;
    const pending = (fixture.stores.outbox as { id: string; mutation: { name: string } }[]).map((r) => ({ id: r.id, name: r.mutation.name }));
    expect(pending.map((p) => p.name)).toEqual(['contact.update', 'activity.add', 'promise.add']);
    const lead: Credentials = { email: `lead-${release}@r12.test`, password: 'r12 lead password 2026' };
    const { userId, teamId } = await team.addTeam(`Équipe v9 ${release}`, lead);
    // The team already holds the debtor and its contacts (another device uploaded them).
    const seeder = new Device(team.url, 'seed');
    expect((await seeder.login(lead.email, lead.password)).status).toBe(200);
    const debtor = (fixture.stores.debtors as Debtor[]).find((d) => d.id === 'deb-boul-dupont')!;
    const contacts = (fixture.stores.contacts as Contact[]).filter((c) => c.debtorId === debtor.id);
    const seeded = await seeder.push([
      { id: '01900000-0000-7000-8000-000000000001', clientTime: debtor.updatedAt, name: 'debtor.create', args: { debtor } },
      ...contacts.map((contact, i) => ({ id: `01900000-0000-7000-8000-00000000001${i}`, clientTime: debtor.updatedAt, name: 'contact.create' as const, args: { contact } })),
    ]);
    expect(seeded.body.results.map((r) => r.status)).toEqual(['applied', ...contacts.map(() => 'applied')]);

    const context = await browser.newContext({ ...contextOptions('laptop'), serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      await writeFixture(page, await serve(distDir), 'v9');
      const clientId = randomUUID();
      await joinedAtV9(page, team.url, clientId, { id: userId, email: lead.email, team: teamId });
      const base = release === 'next' ? await serve(nextDistDir) : preview!.url;

      await page.goto(`${base}/`);
      await page.waitForSelector(READY, { timeout: 60_000 });
      const version = (await dumpDatabase(page)).version;
      expect(version).toBe(release === 'next' ? DB_VERSION + 1 : DB_VERSION);
      // Upgraded, the rows still wait: the server has not seen this device (its session had ended).
      expect((await deviceSync(page)).outboxIds).toEqual(pending.map((p) => p.id));
      await page.goto(`${base}/settings/team`);
      await page.waitForSelector('#team-password', { timeout: 30_000 });
      await signIn(page, base, team.url, 'none', lead);
      await outboxEmpty(page);
      expect((await deviceSync(page)).failed).toBe(0);

      const audit = (await team.db.query('SELECT mutation_id::text AS id, name, status, version::int AS version FROM audit WHERE client_id = $1 ORDER BY id', [clientId])).rows as { id: string; name: string; status: string; version: number }[];
      expect(audit.map((a) => ({ id: a.id, name: a.name }))).toEqual(pending);
      expect(audit.map((a) => a.status)).toEqual(['applied', 'applied', 'applied']);
      // The server ordered them as the device made them.
      expect(audit.map((a) => a.version)).toEqual([...audit.map((a) => a.version)].sort((a, b) => a - b));
      const records = (await team.db.query("SELECT kind, id, data FROM records WHERE team_id = $1 AND kind IN ('contact', 'activity', 'promise') ORDER BY kind, id", [teamId])).rows as { kind: string; id: string; data: Record<string, unknown> }[];
      expect(records.filter((r) => r.kind === 'activity').map((r) => r.id)).toEqual(['act-v9-note']);
      expect(records.filter((r) => r.kind === 'promise').map((r) => [r.id, r.data.amountCents])).toEqual([['pro-v9', 50_000]]);
      expect(records.find((r) => r.id === 'con-dupont-compta')?.data.phone).toBe('+33 4 78 00 00 09');
      figures.push(`v9→v${version} (${release === 'next' ? 'next release' : 'today'}): ${audit.length}/3 pending mutations applied once, in order (versions ${audit.map((a) => a.version).join(' < ')})`);
    } finally {
      await context.close();
    }
  });

  it('a v7 device (no outbox yet) joins for the first time and uploads everything it holds, nothing refused or left out', { timeout: 5 * 60_000 }, async () => {
    const fixture = FIXTURES.v7;
    const lead: Credentials = { email: 'lead-v7@r12.test', password: 'r12 lead password 2026' };
    const { teamId } = await team.addTeam('Équipe v7', lead);
    const context = await browser.newContext({ ...contextOptions('laptop'), serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      const base = await serve(distDir);
      await writeFixture(page, base, 'v7');
      await page.goto(`${base}/`);
      await page.waitForSelector(READY, { timeout: 60_000 });
      expect((await dumpDatabase(page)).version).toBe(DB_VERSION);
      await signIn(page, base, team.url, 'upload', lead);
      await outboxEmpty(page);
      const device = await deviceSync(page);
      expect(device.failed).toBe(0);
      const rejected = (await team.db.query("SELECT count(*)::int AS n FROM audit WHERE client_id = $1 AND status <> 'applied'", [device.clientId])).rows[0].n;
      expect(rejected).toBe(0);

      const kinds = { debtors: 'debtor', contacts: 'contact', invoices: 'invoice', activities: 'activity', promises: 'promise', plans: 'plan' } as const;
      const onServer = (await team.db.query('SELECT kind, id FROM records WHERE team_id = $1 AND NOT deleted', [teamId])).rows as { kind: string; id: string }[];
      const parts: string[] = [];
      let expected = 0;
      for (const [store, kind] of Object.entries(kinds)) {
        const local = (fixture.stores[store] as { id: string }[]).map((r) => r.id).sort();
        expect(onServer.filter((r) => r.kind === kind).map((r) => r.id).sort(), `${store} on the server`).toEqual(local);
        parts.push(`${store} ${local.length}`);
        expected += local.length;
      }
      const versions = (fixture.stores.scriptVersions as { scriptId: string; version: number }[]).map((v) => `${v.scriptId}@${v.version}`);
      expect(onServer.filter((r) => r.kind === 'scriptVersion').map((r) => r.id)).toEqual(versions);
      // The letterhead, rate tables and studio settings, and the company name of the device's settings.
      const settings = ['company', ...Object.keys(fixture.settingsRecords ?? {})].sort();
      expect(onServer.filter((r) => r.kind === 'teamSetting').map((r) => r.id).sort()).toEqual(settings);
      figures.push(`v7→v${DB_VERSION} first connection "upload": ${expected}/${expected} records on the server (${parts.join(', ')}), script versions ${versions.length}, team settings ${settings.length}, 0 refused`);
    } finally {
      await context.close();
    }
  });
});
