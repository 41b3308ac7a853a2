import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { createDbFromFixture, FIXTURES } from '../../tests/fixtures/db/load';
import { makeBundle, makeInvoice } from '../../tests/fixtures/db/builders';
import { DB_VERSION, openCadenceDb } from './db';
import { plan } from './contract/plans.contract';
import { createCadenceStore } from './store';
import { readStore } from '../../tests/fixtures/db/read';

let n = 0;
async function setup() {
  const db = await openCadenceDb(`plans-test-${++n}-${Date.now()}`);
  const store = createCadenceStore(db);
  await store.putBundles([makeBundle({ invoices: [makeInvoice()] })]);
  return { db, store };
}

describe('upgrade to v5', () => {
  it('a v4 database keeps every record, its call in progress included, and gains the plans store', async () => {
    const name = `plans-upgrade-${Date.now()}`;
    const fx = FIXTURES.v3;
    const call = { callId: 'call-1', debtorId: 'deb-boul-dupont', updatedAt: '2026-11-20T10:00:00.000Z', envelope: { machineVersion: 1 } };
    await createDbFromFixture(name, { ...fx, dbVersion: 4, stores: { ...fx.stores, calls: [call] } });
    const before = await openDB(name);
    expect(before.version).toBe(4);
    expect(before.objectStoreNames.contains('plans')).toBe(false);
    const snapshot: Record<string, unknown[]> = {};
    for (const storeName of before.objectStoreNames) snapshot[storeName] = await before.getAll(storeName);
    before.close();

    const db = await openCadenceDb(name);
    expect(db.version).toBe(DB_VERSION);
    for (const [storeName, records] of Object.entries(snapshot)) {
      expect(await readStore(db, storeName as never), storeName).toEqual(records);
    }
    const store = createCadenceStore(db);
    const debtorId = (fx.stores.debtors?.[0] as { id: string }).id;
    const balance = 1_000;
    await store.proposePlan(plan({ id: 'p-up', debtorId, invoiceIds: [], balanceCents: balance, totalCents: balance, instalments: [{ dueDate: '2027-01-05', amountCents: balance }] }));
    expect((await store.listPlans({ debtorId })).map((p) => p.id)).toEqual(['p-up']);
    store.close();
  });
});
