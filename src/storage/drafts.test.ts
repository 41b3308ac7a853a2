import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { createDbFromFixture, FIXTURES } from '../../tests/fixtures/db/load';
import type { RecapDraft } from '../domain/drafts/recap-draft';
import { DB_VERSION, openCadenceDb } from './db';
import { draft } from './contract/settings.contract';
import { createCadenceStore } from './store';
import { readStore } from '../../tests/fixtures/db/read';

let n = 0;

describe('recap drafts on IndexedDB', () => {
  it('sets an unreadable stored draft aside instead of failing the recap', async () => {
    const name = `drafts-${++n}-${Date.now()}`;
    const db = await openCadenceDb(name);
    await db.put('drafts', { ...draft(), schemaVersion: 99 } as unknown as RecapDraft);
    const reported: string[] = [];
    const store = createCadenceStore(db, { onCorrupt: (r) => reported.push(`${r.store}:${r.key}`) });
    expect(await store.getRecapDraft('act-call-1')).toBeUndefined();
    expect(reported).toEqual(['drafts:act-call-1']);
    store.close();
  });
});

describe('v6 upgrade', () => {
  it('opens a v5 database with data at v6 with every record kept and an empty drafts store', async () => {
    const name = `drafts-upgrade-${Date.now()}`;
    const fx = FIXTURES.v5;
    await createDbFromFixture(name, fx);
    const before = await openDB(name);
    expect(before.version).toBe(5);
    expect(before.objectStoreNames.contains('drafts')).toBe(false);
    const stores = [...before.objectStoreNames];
    const data = Object.fromEntries(await Promise.all(stores.map(async (s) => [s, await before.getAll(s)] as const)));
    before.close();

    const db = await openCadenceDb(name);
    expect(db.version).toBe(DB_VERSION);
    for (const s of stores) expect(await readStore(db, s), s).toEqual(data[s]);
    expect(await db.count('drafts')).toBe(0);
    expect([...db.transaction('drafts').store.indexNames]).toEqual(['debtorId']);
    db.close();
  });

  it('the v6 fixture’s draft reads back through the store', async () => {
    const name = `drafts-v6-${Date.now()}`;
    await createDbFromFixture(name, FIXTURES.v6);
    const store = createCadenceStore(await openCadenceDb(name));
    expect(await store.getRecapDraft('act-2')).toEqual(FIXTURES.v6.stores.drafts?.[0]);
    store.close();
  });
});
