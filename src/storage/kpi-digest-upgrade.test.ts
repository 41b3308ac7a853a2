/**
 * Database v10 (kpiDigests): a v9 database upgrades with every record kept and one KPI digest per debtor,
 * backfilled from its records inside the upgrade; a corrupt record neither wedges the upgrade nor vanishes
 * from the KPIs' count; the v10 fixture is what v10 writes.
 */
import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { createDbFromFixture, FIXTURES, storedRecord } from '../../tests/fixtures/db/load';
import { datasetFromBundles, paymentHistoryOf } from '../domain/kpis/dataset';
import { datasetFromDigests, kpiDigest, kpiDigestFault } from '../domain/kpis/kpi-digest';
import { DB_VERSION, openCadenceDb } from './db';
import { idbRecords } from './idb-records';
import { kpiBundles, readKpiDigests } from './kpi-source';
import { readRecord, readStore } from '../../tests/fixtures/db/read';

let n = 0;
const freshName = (): string => `kpi-digest-upgrade-${++n}-${Date.now()}`;
const TODAY = '2026-12-03';

describe('database v10', () => {
  it('upgrades a v9 database: every record kept, one digest per debtor, equal to the one its records give', async () => {
    const name = freshName();
    await createDbFromFixture(name, FIXTURES.v9);
    const db = await openCadenceDb(name);
    expect(db.version).toBe(DB_VERSION);
    for (const [store, values] of Object.entries(FIXTURES.v9.stores)) {
      const keyed = (await readStore(db, store as never)) as unknown[];
      expect(keyed.length, store).toBe(values.length);
    }
    const records = idbRecords(db);
    const bundles = await kpiBundles(records);
    const digests = await db.getAll('kpiDigests');
    expect(digests.map((d) => d.debtorId)).toEqual(bundles.map((b) => b.debtor.id));
    expect(digests).toEqual(bundles.map((b) => kpiDigest(b)));
    // What the v10 fixture says v10 wrote, in the digest's format 1: the same numbers in a Float64Array.
    expect(digests.map((d) => ({ ...d, v: 1, nums: Float64Array.from(d.nums) }))).toEqual(FIXTURES.v10.stores.kpiDigests!.map((d) => storedRecord('kpiDigests', d)));
    const stored = await readKpiDigests(records);
    expect(stored.debtorIds).toEqual(bundles.map((b) => b.debtor.id));
    expect(datasetFromDigests(stored.digests as typeof digests, TODAY)).toEqual(datasetFromBundles(bundles, (b) => b.debtor.segment, undefined, (b) => paymentHistoryOf(b, TODAY)));
    db.close();
  });

  it('a corrupt record does not wedge the backfill: left out of its debtor’s digest, noted in it for the KPIs to report', async () => {
    const fx = FIXTURES.v9;
    const invoice = fx.stores.invoices![0] as { id: string; debtorId: string };
    const broken = { ...invoice, id: 'inv-broken', amountInclVatCents: -1 };
    const name = freshName();
    await createDbFromFixture(name, { ...fx, stores: { ...fx.stores, invoices: [...fx.stores.invoices!, broken] } });
    const onCorrupt = vi.fn();
    const db = await openCadenceDb(name, { onCorrupt });
    expect(onCorrupt).toHaveBeenCalledWith(expect.objectContaining({ store: 'invoices', key: 'inv-broken' }));
    const digest = await db.get('kpiDigests', invoice.debtorId);
    expect(kpiDigestFault(digest)).toBeUndefined();
    expect(digest?.corrupt).toEqual([{ store: 'invoices', key: 'inv-broken', issues: [{ path: 'amountInclVatCents', message: 'Invalid amountInclVatCents' }] }]);
    expect(await readRecord(db, 'invoices', 'inv-broken')).toMatchObject({ amountInclVatCents: -1 });
    db.close();
  });

  it('opens the v10 fixture as it is: its digests, of format 1, kept but not trusted (features/kpis rebuilds them)', async () => {
    const name = freshName();
    await createDbFromFixture(name, FIXTURES.v10);
    const raw = await openDB(name);
    expect(raw.version).toBe(10);
    raw.close();
    const db = await openCadenceDb(name);
    const digests = await db.getAll('kpiDigests');
    expect(digests).toHaveLength(FIXTURES.v10.stores.debtors!.length);
    expect(digests).toEqual(FIXTURES.v10.stores.kpiDigests!.map((d) => storedRecord('kpiDigests', d)));
    expect(digests.map((d) => kpiDigestFault(d))).toEqual(digests.map(() => 'v'));
    db.close();
  });
});
