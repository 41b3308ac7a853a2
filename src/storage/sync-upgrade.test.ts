/**
 * Database v9 (outbox and sync state): a v8 database upgrades with every record kept and stays solo (no outbox
 * rows); a v9 database left with pending mutations (tab closed before they were pushed) is opened by the
 * current code and still pushes them, in order, under its client id, and new changes get later ids.
 */
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { createDbFromFixture, FIXTURES } from '../../tests/fixtures/db/load';
import { makeActivity } from '../../tests/fixtures/db/builders';
import { createSyncEngine } from '../sync/client/engine';
import { FakeClock, FakeServer, FakeTransport } from '../sync/client/engine.testing';
import { Mutation } from '../sync/protocol';
import { DB_VERSION, openCadenceDb } from './db';
import type { TeamSyncStore } from './sync-local';
import { createCadenceStore } from './store';

let n = 0;
const freshName = (): string => `sync-upgrade-${++n}-${Date.now()}`;

describe('database v9', () => {
  it('upgrades a v8 database: every record kept, empty outbox and sync state, no row written while not joined', async () => {
    const name = freshName();
    await createDbFromFixture(name, FIXTURES.v8);
    const db = await openCadenceDb(name);
    expect(db.version).toBe(DB_VERSION);
    expect(db.objectStoreNames.contains('outbox')).toBe(true);
    expect(db.objectStoreNames.contains('syncState')).toBe(true);
    const store = createCadenceStore(db);
    expect(await store.counts()).toEqual({ debtors: FIXTURES.v8.stores.debtors!.length, invoices: FIXTURES.v8.stores.invoices!.length });
    await store.addActivity(makeActivity({ id: 'after-upgrade', debtorId: 'deb-boul-dupont' }));
    expect(await store.sync!.counts()).toEqual({ pending: 0, failed: 0 });
    expect(await store.sync!.teamLink()).toBeUndefined();
    store.close();
  });

  it('the v9 fixture is what v9 writes: outbox rows valid for the protocol, clock at the last one', () => {
    const rows = FIXTURES.v9.stores.outbox as { id: string; mutation: unknown }[];
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(Mutation.safeParse(row.mutation).success).toBe(true);
    const clock = (FIXTURES.v9.stores.syncState as { key: string; lastId?: string }[]).find((r) => r.key === 'clock');
    expect(clock?.lastId).toBe(rows[2]!.id);
  });

  it('a v9 database with pending mutations, opened by the current code, still pushes them in order', async () => {
    const name = freshName();
    await createDbFromFixture(name, FIXTURES.v9);
    const raw = await openDB(name);
    expect(raw.version).toBe(9);
    raw.close();

    const store = createCadenceStore(await openCadenceDb(name));
    const sync = store.sync as TeamSyncStore;
    const fixtureRows = FIXTURES.v9.stores.outbox as { mutation: Mutation }[];
    const server = new FakeServer();
    const transport = new FakeTransport(server);
    const engine = createSyncEngine({ local: sync, transport, clock: new FakeClock(), today: () => '2026-12-01' });
    // A change made now, after the upgrade, goes behind the old ones.
    await store.addActivity(makeActivity({ id: 'act-after', debtorId: 'deb-boul-dupont', type: 'note' }));
    const status = await engine.syncNow();
    expect(status).toMatchObject({ state: 'idle', pending: 0, failed: 0 });
    const pushed = transport.pushes.flatMap((p) => p.mutations);
    expect(pushed.slice(0, 3)).toEqual(fixtureRows.map((r) => r.mutation));
    expect(pushed[3]).toMatchObject({ name: 'activity.add', args: { activity: { id: 'act-after' } } });
    expect(pushed[3]!.id > pushed[2]!.id).toBe(true);
    expect(transport.pushes[0]!.clientId).toBe('5f0c3c1e-8a1d-4a53-9a55-3c0e9d7b2a10');
    // The pull resumed from the stored checkpoint, not from the start.
    expect(transport.pulls[0]!.cookie).toEqual({ version: 42 });
    store.close();
  });
});
