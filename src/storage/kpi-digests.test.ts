/**
 * The KPI digests (v10) follow the records through every kind of write that rebuilds a summary: after each,
 * the stored digests are exactly those the records give. Derived like the summaries: a backup leaves them
 * out and a restore rebuilds them.
 */
import { describe, expect, it } from 'vitest';
import { makeBundle, makeDebtor, makeInvoice } from '../../tests/fixtures/db/builders';
import { generateDemoPortfolio } from '../domain/demo';
import { kpiDigest } from '../domain/kpis/kpi-digest';
import { exportRecords, restoreRecords } from './backup';
import { putBundles } from './bundles';
import { setSegmentOverride } from './dossiers';
import { kpiBundles, readKpiDigestChunks, storeRebuiltDigests } from './kpi-source';
import { memoryRecords } from './memory-records';
import { recordPayment } from './payments';
import type { Records } from './records';

const TODAY = '2026-12-03';

async function expectInStep(records: Records): Promise<number> {
  const stored = await records.read(['kpiDigests'], (tx) => tx.getAll('kpiDigests'));
  expect(stored).toEqual((await kpiBundles(records)).map((b) => kpiDigest(b)));
  return stored.length;
}

describe('KPI digests kept in step with the records', () => {
  it('through bundles written, a debtor written again, a payment, an override, and a backup restored', async () => {
    const records = memoryRecords();
    const demo = generateDemoPortfolio({ today: TODAY });
    await putBundles(records, demo);
    expect(await expectInStep(records)).toBe(demo.length);

    // d1 is new; then written again with one more invoice: its digest is rebuilt from the store.
    const d1 = makeBundle({ debtor: makeDebtor({ id: 'd1' }), invoices: [makeInvoice({ id: 'i1', debtorId: 'd1', dueDate: '2026-10-01' })] });
    await putBundles(records, [d1]);
    await putBundles(records, [{ ...d1, invoices: [makeInvoice({ id: 'i2', debtorId: 'd1', number: 'FA-2026-0002', dueDate: '2026-11-01', amountInclVatCents: 90_000 })] }]);
    await expectInStep(records);
    const before = await records.read(['kpiDigests'], (tx) => tx.get('kpiDigests', 'd1'));

    await recordPayment(records, { id: 'pay-1', debtorId: 'd1', amountCents: 50_000, date: '2026-11-17', means: 'transfer', invoiceIds: ['i1'], at: '2026-11-17T14:00:00.000Z', agent: 'Camille Martin', summary: 'Virement reçu' }, TODAY);
    await expectInStep(records);
    const paid = await records.read(['kpiDigests'], (tx) => tx.get('kpiDigests', 'd1'));
    expect(paid).not.toEqual(before);

    await setSegmentOverride(records, 'd1', { segment: 'bad_payer', reason: 'Relances ignorées', by: { name: 'Nadia Roche', role: 'lead' }, at: '2026-11-20T09:15:00.000Z' });
    await expectInStep(records);
    expect(await records.read(['kpiDigests'], (tx) => tx.get('kpiDigests', 'd1'))).toMatchObject({ override: 'bad_payer' });

    const backup = await exportRecords(records);
    expect(Object.keys(backup)).not.toContain('kpiDigests');
    const restored = memoryRecords();
    await restoreRecords(restored, backup);
    expect(await expectInStep(restored)).toBe(demo.length + 1);
  });
});

describe('storeRebuiltDigests', () => {
  it('stores a rebuilt digest only where the stored one is still unsound and the debtor still exists', async () => {
    const records = memoryRecords();
    const demo = generateDemoPortfolio({ today: TODAY }).slice(0, 3);
    await putBundles(records, demo);
    const [a, b, c] = demo.map((bundle) => kpiDigest(bundle));
    if (!a || !b || !c) throw new Error('three demo debtors');
    await records.write(['kpiDigests', 'debtors'], async (tx) => {
      // a: of an older format; b: missing; c: a writer's sound digest, put after the worker read.
      await tx.put('kpiDigests', { ...a, v: 1 });
      await tx.delete('kpiDigests', b.debtorId);
      await tx.put('kpiDigests', { ...c, agent: 'written meanwhile' });
    });
    // A fourth debtor's digest rebuilt, then the debtor deleted (a team's sync) before the write-back.
    const gone = { ...a, debtorId: 'deb-gone' };
    expect(await storeRebuiltDigests(records, [a, b, c, gone], 2)).toBe(2);
    const stored = await records.read(['kpiDigests'], (tx) => Promise.all([a, b, c, gone].map((d) => tx.get('kpiDigests', d.debtorId))));
    expect(stored).toEqual([a, b, { ...c, agent: 'written meanwhile' }, undefined]);
  });
});

describe('readKpiDigestChunks', () => {
  it('hands over every digest in key order, a chunk at a time, and the debtors’ ids', async () => {
    const records = memoryRecords();
    const demo = generateDemoPortfolio({ today: TODAY });
    await putBundles(records, demo);
    const [all, ids] = await records.read(['kpiDigests', 'debtors'], (tx) => Promise.all([tx.getAll('kpiDigests'), tx.getAllKeys('debtors')]));
    // A size that divides the store (the last request comes back empty), one that does not, one past it.
    const divisor = [2, 3, 5, 7].map((k) => demo.length / k).find(Number.isInteger);
    if (divisor === undefined) throw new Error('the demo’s size has a small divisor');
    for (const size of [divisor, 6, demo.length + 1]) {
      const chunks: unknown[][] = [];
      const { debtorIds } = await readKpiDigestChunks(records, (c) => chunks.push(c), size);
      expect(chunks.flat()).toEqual(all);
      expect(chunks.every((c) => c.length <= size)).toBe(true);
      expect(debtorIds).toEqual(ids);
    }
  });
});
