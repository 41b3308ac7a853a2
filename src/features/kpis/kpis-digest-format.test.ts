/**
 * A change of the KPI digest's format (KPI_DIGEST_VERSION) with no database upgrade: the digests a database
 * holds from the previous format are not trusted, the first /kpis open computes the report from the records
 * and stores rebuilt digests, and every later open reads those — never the records on every open.
 * On the committed v10 fixture, whose digests are of format 1.
 */
import { describe, expect, it } from 'vitest';
import { createDbFromFixture, FIXTURES } from '../../../tests/fixtures/db/load';
import { kpiDigest, kpiDigestFault, KPI_DIGEST_VERSION } from '../../domain/kpis/kpi-digest';
import { openCadenceDb } from '../../storage/db';
import { idbRecords } from '../../storage/idb-records';
import { kpiBundles } from '../../storage/kpi-source';
import { loadKpis } from './load-kpis';

const TODAY = '2026-12-03';

/** Typed arrays from IndexedDB are of Node's realm, those built here of jsdom's: compared as lists, by type. */
const plainDigest = (d: { nums: Int32Array | Float64Array }) => ({ ...d, nums: [Object.prototype.toString.call(d.nums), ...d.nums] });

describe('KPI digests of an older format', () => {
  it('are rebuilt from the records on the first open and stored, and read on the next', async () => {
    expect(KPI_DIGEST_VERSION).toBeGreaterThan(1);
    const name = `kpi-digest-format-${Date.now()}`;
    await createDbFromFixture(name, FIXTURES.v10);
    const debtors = FIXTURES.v10.stores.debtors!.length;

    // No Worker here: load-kpis runs the worker's code in place, the write-back included.
    const first = await loadKpis(name, TODAY);
    expect(first.fromRecords).toBe(debtors);
    expect(first.debtors).toBe(debtors);

    const db = await openCadenceDb(name);
    const stored = await db.getAll('kpiDigests');
    expect(stored.map((d) => [d.v, kpiDigestFault(d)])).toEqual(stored.map(() => [KPI_DIGEST_VERSION, undefined]));
    expect(stored.map(plainDigest)).toEqual((await kpiBundles(idbRecords(db))).map((b) => plainDigest(kpiDigest(b))));
    db.close();

    const second = await loadKpis(name, TODAY);
    expect(second.fromRecords).toBe(0);
    expect(second.report).toEqual(first.report);
  });
});
