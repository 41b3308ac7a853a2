/**
 * The app's sync engine against the real server and PostgreSQL: two devices, each the app's own IndexedDB
 * store (fake-indexeddb in node) driven through session/team-sync.ts, signed in as two agents of one team.
 * A promise made on one reaches the other; the same contact edited on both ends the same on both with the
 * loser told; a push whose answer is lost (a crash between push and ack) is replayed and stores nothing twice.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBundle, makeContact, makeDebtor, makeInvoice, makePromise } from '../../tests/fixtures/db/builders';
import { createTeamSync, type TeamSync } from '../../src/session/team-sync';
import type { CadenceStore } from '../../src/storage/api';
import { openCadenceDb } from '../../src/storage/db';
import { createCadenceStore } from '../../src/storage/store';
import type { NetworkWatch } from '../../src/sync/client/engine';
import { Device, freshDatabase, type RunningServer, seedTeam, startServer, type Team, type TestDb } from './harness';

let db: TestDb;
let srv: RunningServer;
let team: Team;
let dbCount = 0;

const online: NetworkWatch = { online: () => true, subscribe: () => () => undefined };

/** fetch as a browser would send it for this device: its cookies on every request. */
function cookieFetch(device: Device): typeof fetch {
  return (input, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set('cookie', [...device.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    return fetch(input, { ...init, headers });
  };
}

interface App {
  store: CadenceStore;
  team: TeamSync;
  device: Device;
}

async function app(member: string, wrap: (f: typeof fetch) => typeof fetch = (f) => f): Promise<App> {
  const device = new Device(srv.url, `${member} laptop`);
  expect((await device.login(team.members[member]!.email)).status).toBe(200);
  const store = createCadenceStore(await openCadenceDb(`sync-client-${member}-${++dbCount}-${Date.now()}`));
  const sync = createTeamSync({ store, serverUrl: srv.url, fetch: wrap(cookieFetch(device)), csrfToken: () => device.csrf, deviceName: `${member} laptop`, network: online });
  return { store, team: sync, device };
}

beforeAll(async () => {
  db = await freshDatabase();
  team = await seedTeam(db, 'Engine', { alice: 'agent', bob: 'agent', carol: 'agent', dave: 'agent' });
  srv = await startServer(db);
});
afterAll(async () => {
  await srv?.close();
  await db?.drop();
});

const until = async (check: () => Promise<boolean>, ms = 5000): Promise<number> => {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > ms) throw new Error('not in time');
    await new Promise((r) => setTimeout(r, 25));
  }
  return Date.now() - start;
};

describe('two devices on the team server', () => {
  let a: App;
  let b: App;

  beforeAll(async () => {
    a = await app('alice');
    b = await app('bob');
    await a.team.start();
    await b.team.start();
    expect(a.team.status.get().firstConnection).toBeUndefined();
  });
  afterAll(() => {
    a.team.stop();
    b.team.stop();
  });

  it('a promise recorded on A reaches B through the live stream', async () => {
    await a.store.putBundles([makeBundle({ debtor: makeDebtor({ id: 'deb-live' }), contacts: [makeContact({ id: 'c-live', debtorId: 'deb-live' })], invoices: [makeInvoice({ id: 'i-live', debtorId: 'deb-live' })] })]);
    await a.team.syncNow();
    await until(async () => (await b.store.getDossier('deb-live')) !== undefined);
    await a.store.putPromise(makePromise({ id: 'pr-live', debtorId: 'deb-live', invoiceIds: ['i-live'], dueDate: '2099-01-15' }));
    // No syncNow on either side: A's write schedules its push, the server's event makes B pull.
    const ms = await until(async () => ((await b.store.getDossier('deb-live'))?.promises ?? []).some((p) => p.id === 'pr-live'));
    // The 2 s is for two browsers (sync-ui's e2e); here the shared 2-core machine gets more room.
    expect(ms).toBeLessThan(5000);
    const summary = (await b.store.listSummaries()).find((s) => s.debtorId === 'deb-live');
    expect(summary).toBeDefined();
    await until(async () => a.team.status.get().state === 'idle');
    expect(a.team.status.get()).toMatchObject({ state: 'idle', pending: 0, failed: 0 });
  });

  it('the same contact edited on both: one result on both, the lost edit told to its author', async () => {
    await a.store.putBundles([makeBundle({ debtor: makeDebtor({ id: 'deb-x' }), contacts: [makeContact({ id: 'c-x', debtorId: 'deb-x', phone: '01 00 00 00 00' })] })]);
    await a.team.syncNow();
    await b.team.syncNow();
    expect((await b.store.getDossier('deb-x'))?.contacts[0]?.phone).toBe('01 00 00 00 00');
    // Both offline (not syncing) while they edit.
    a.team.stop();
    b.team.stop();
    await a.store.putContact(makeContact({ id: 'c-x', debtorId: 'deb-x', phone: '06 11 11 11 11' }));
    await b.store.putContact(makeContact({ id: 'c-x', debtorId: 'deb-x', phone: '06 22 22 22 22', email: 'bob-edit@example.fr' }));
    await a.team.syncNow();
    await b.team.syncNow();
    await a.team.syncNow();
    const onA = (await a.store.getDossier('deb-x'))?.contacts[0];
    const onB = (await b.store.getDossier('deb-x'))?.contacts[0];
    expect(onA).toEqual(onB);
    // A reached the server first: its phone wins; B's email, not contested, is kept.
    expect(onB).toMatchObject({ phone: '06 11 11 11 11', email: 'bob-edit@example.fr' });
    expect(b.team.lostEdits.get()).toEqual([expect.objectContaining({ kind: 'contact', recordId: 'c-x', field: 'phone', lost: '06 22 22 22 22', kept: '06 11 11 11 11' })]);
    expect(a.team.lostEdits.get()).toEqual([]);
    await b.team.dismissLostEdit(b.team.lostEdits.get()[0]!);
    expect(b.team.lostEdits.get()).toEqual([]);
    await a.team.start();
    await b.team.start();
  });
});

describe('a crash between push and acknowledgement', () => {
  it('replays the same mutations and the server stores each once', async () => {
    let loseNextAnswer = true;
    const crashing = (f: typeof fetch): typeof fetch => async (input, init) => {
      const res = await f(input, init);
      if (String(input).endsWith('/sync/push') && loseNextAnswer) {
        loseNextAnswer = false;
        await res.text();
        throw new TypeError('fetch failed: the tab died before the answer');
      }
      return res;
    };
    const c = await app('carol', crashing);
    await c.team.start();
    // Stopped: no live loop, so each sync below is the test's own.
    c.team.stop();
    await c.team.syncNow();
    const bundles = Array.from({ length: 30 }, (_, i) => makeBundle({ debtor: makeDebtor({ id: `deb-crash-${i}` }), invoices: [makeInvoice({ id: `inv-crash-${i}`, debtorId: `deb-crash-${i}`, number: `FC-${i}` })] }));
    loseNextAnswer = true;
    await c.store.putBundles(bundles);
    const sent = await c.store.sync!.pending(1000);
    expect(sent).toHaveLength(60);
    const crashed = await c.team.syncNow();
    expect(crashed).toMatchObject({ state: 'offline', pending: 60 });
    const ids = sent.map((m) => m.id);
    expect(Number((await db.owner.query('SELECT count(*) AS n FROM audit WHERE mutation_id = ANY($1::uuid[])', [ids])).rows[0].n)).toBe(60);
    const after = await c.team.syncNow();
    expect(after).toMatchObject({ state: 'idle', pending: 0, failed: 0 });
    const audit = await db.owner.query('SELECT mutation_id, count(*) AS n FROM audit WHERE mutation_id = ANY($1::uuid[]) GROUP BY mutation_id', [ids]);
    expect(audit.rows).toHaveLength(60);
    expect(audit.rows.every((r) => Number(r.n) === 1)).toBe(true);
    const records = await db.owner.query("SELECT count(*) AS n FROM records WHERE id LIKE 'deb-crash-%' OR id LIKE 'inv-crash-%'");
    expect(Number(records.rows[0].n)).toBe(60);
  });
});

describe('first connection of a device that has data', () => {
  it('waits for the choice; upload sends it to the team, another device starting from the team gets it', async () => {
    const d = await app('dave');
    await d.store.putBundles([makeBundle({ debtor: makeDebtor({ id: 'deb-own', name: 'Dave’s own debtor' }), invoices: [makeInvoice({ id: 'inv-own', debtorId: 'deb-own', number: 'OWN-1' })] })]);
    await d.team.start();
    expect(d.team.status.get().firstConnection).toBe('needed');
    expect(await d.store.sync!.counts()).toEqual({ pending: 0, failed: 0 });
    const status = await d.team.firstConnection('upload');
    expect(status).toMatchObject({ state: 'idle', pending: 0, failed: 0 });
    expect(status.firstConnection).toBeUndefined();

    const e = await app('alice');
    await e.store.putBundles([makeBundle({ debtor: makeDebtor({ id: 'deb-stale', name: 'Left behind' }) })]);
    await e.team.start();
    expect(e.team.status.get().firstConnection).toBe('needed');
    await e.team.firstConnection('useTeam');
    expect(await e.store.getDossier('deb-stale')).toBeUndefined();
    expect((await e.store.getDossier('deb-own'))?.invoices.map((i) => i.number)).toEqual(['OWN-1']);
    expect(await e.store.sync!.counts()).toEqual({ pending: 0, failed: 0 });
    d.team.stop();
    e.team.stop();
  });
});
