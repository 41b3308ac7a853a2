import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { createDbFromFixture, FIXTURES } from '../../tests/fixtures/db/load';
import { bundleFixture } from '../domain/call/call.fixtures';
import { DB_VERSION, openCadenceDb } from './db';
import { createCadenceStore } from './store';
import { readStore } from '../../tests/fixtures/db/read';

let n = 0;
async function setup() {
  const db = await openCadenceDb(`calls-test-${++n}-${Date.now()}`);
  const store = createCadenceStore(db);
  await store.putBundles([bundleFixture()]);
  return { db, store };
}

// What every store does with calls is in the contract (./contract/calls.contract.ts); here, what only a
// database that outlives the code can hold: a call written by an older version, and the upgrade that made room.
const AT = '2026-11-18T09:40:00.000Z';

describe('calls on IndexedDB', () => {
  it('hands back a stored envelope from another machine version untouched, for the session to recover', async () => {
    const { db, store } = await setup();
    const old = { callId: 'old', debtorId: 'd1', updatedAt: AT, envelope: { machineVersion: 0, snapshot: { context: { notes: 'vieux' } } } };
    await db.put('calls', old);
    expect(await store.getCall('old')).toEqual(old);
  });
});

describe('v4 upgrade', () => {
  it('opens a v3 database with data at v4 with nothing lost and an empty calls store', async () => {
    const name = `calls-upgrade-${Date.now()}`;
    const fx = FIXTURES.v3;
    await createDbFromFixture(name, fx);
    const before = await openDB(name);
    expect(before.version).toBe(3);
    expect(before.objectStoreNames.contains('calls')).toBe(false);
    const snapshotOf = async (db: typeof before, stores: string[]) =>
      Object.fromEntries(await Promise.all(stores.map(async (s) => [s, await readStore(db, s)] as const)));
    const stores = [...Object.keys(fx.stores)];
    const data = await snapshotOf(before, stores);
    const settings = await before.get('settings', 'settings');
    before.close();

    const db = await openCadenceDb(name);
    expect(db.version).toBe(DB_VERSION);
    expect(await snapshotOf(db as unknown as typeof before, stores)).toEqual(data);
    expect(await db.get('settings', 'settings')).toEqual(settings);
    expect(await db.count('calls')).toBe(0);
    expect([...db.transaction('calls').store.indexNames]).toEqual(['debtorId']);
    const store = createCadenceStore(db);
    expect((await store.listSummaries()).length).toBe(fx.stores.debtors?.length);
    store.close();
  });
});
