import { describe, expect, it } from 'vitest';
import { makeActivity, makeDebtor, makeInvoice, makePromise, makeTask } from '../../tests/fixtures/db/builders';
import { denseGroups, recomputeDebtors } from './debtor-recompute';
import { openCadenceDb } from './db';
import { plainIdbRecords } from './idb-records';
import { memoryRecords } from './memory-records';
import { refreshPromises } from './payments';
import type { Records } from './records';
import { recomputeSummary, SUMMARY_SOURCES } from './summaries';

const TODAY = '2026-12-03';
const id = (n: number) => `d${String(n).padStart(3, '0')}`;

/** 60 debtors, each with invoices, a promise, a note and a task; every third one paid its first invoice. */
async function seed(records: Records): Promise<void> {
  await records.write(SUMMARY_SOURCES, async (tx) => {
    for (let n = 0; n < 60; n++) {
      const debtorId = id(n);
      await tx.put('debtors', makeDebtor({ id: debtorId, name: `Société ${n}` }));
      for (let k = 0; k < 2; k++) {
        const paid = n % 3 === 0 && k === 0;
        await tx.put('invoices', { ...makeInvoice({ id: `${debtorId}-i${k}`, debtorId, number: `F-${n}-${k}`, status: paid ? 'paid' : 'open', amountPaidCents: paid ? 120_000 : 0 }), numberKey: `f-${n}-${k}` });
      }
      await tx.put('promises', makePromise({ id: `${debtorId}-p`, debtorId, invoiceIds: [`${debtorId}-i0`], dueDate: '2026-11-20' }));
      await tx.put('tasks', makeTask({ id: `${debtorId}-t`, debtorId }));
      await tx.put('activities', makeActivity({ id: `${debtorId}-a`, debtorId }));
      if (n % 3 === 0) {
        await tx.put(
          'activities',
          makeActivity({
            id: `${debtorId}-pay`,
            debtorId,
            type: 'payment',
            at: '2026-11-18T09:00:00.000Z',
            outcome: 'imported',
            summary: 'Réglé',
            details: { amountCents: 120_000, invoiceIds: [`${debtorId}-i0`], means: 'other', date: '2026-11-18', allocations: [{ invoiceId: `${debtorId}-i0`, cents: 120_000 }] },
          }),
        );
      }
    }
  });
}

const dump = (records: Records) =>
  records.read(['promises', 'summaries', 'kpiDigests'], async (tx) => ({
    promises: await tx.getAll('promises'),
    summaries: await tx.getAll('summaries'),
    kpiDigests: await tx.getAll('kpiDigests'),
  }));

async function bothWays(makeRecords: () => Promise<Records>, touched: string[]) {
  const bulk = await makeRecords();
  const oneByOne = await makeRecords();
  await seed(bulk);
  await seed(oneByOne);
  const groups: number[] = [];
  await bulk.write(SUMMARY_SOURCES, (tx) => recomputeDebtors(tx, touched, TODAY, { onGroup: (n) => groups.push(n), maxGroup: 8 }));
  await oneByOne.write(SUMMARY_SOURCES, async (tx) => {
    for (const debtorId of touched) {
      await refreshPromises(tx, debtorId, TODAY);
      await recomputeSummary(tx, debtorId);
    }
  });
  return { bulk: await dump(bulk), oneByOne: await dump(oneByOne), groups };
}

// Dense runs (d010–d029), lone debtors far apart (d000, d045, d059), one listed twice.
const TOUCHED = [id(45), ...Array.from({ length: 20 }, (_, i) => id(10 + i)), id(0), id(59), id(12)];

let dbs = 0;
const backends: [string, () => Promise<Records>][] = [
  ['memory', async () => memoryRecords()],
  ['IndexedDB', async () => plainIdbRecords(await openCadenceDb(`debtor-recompute-${++dbs}-${Date.now()}`))],
];

describe.each(backends)('recomputeDebtors on %s', (_name, makeRecords) => {
  it('writes exactly what refreshPromises then recomputeSummary write one debtor at a time', async () => {
    const { bulk, oneByOne, groups } = await bothWays(makeRecords, TOUCHED);
    expect(bulk).toEqual(oneByOne);
    // The kept promises were really recomputed, and only the touched debtors got a summary.
    expect(bulk.promises.filter((p) => (p as { status: string }).status === 'kept').map((p) => (p as { debtorId: string }).debtorId)).toEqual([id(0), id(12), id(15), id(18), id(21), id(24), id(27), id(45)]);
    expect(bulk.summaries.map((s) => (s as { debtorId: string }).debtorId)).toEqual([...new Set(TOUCHED)].sort());
    expect(bulk.kpiDigests.map((d) => (d as { debtorId: string }).debtorId)).toEqual([...new Set(TOUCHED)].sort());
    // Every touched debtor counted once, in groups of at most 8 (each group's reads issued before the previous
    // one is written); d059, far from d025–d045 among the stored debtors, read alone.
    expect(groups).toEqual([8, 8, 6, 1]);
  });

  it('notes a corrupt record in its debtor’s KPI digest as the one-by-one rebuild does', async () => {
    const [bulk, oneByOne] = [await makeRecords(), await makeRecords()];
    const reported: [string[], string[]] = [[], []];
    for (const records of [bulk, oneByOne]) {
      await seed(records);
      // A raw put, as an older build could have left it: the write path's parse is bypassed.
      await records.write(['invoices'], (tx) => tx.put('invoices', { ...makeInvoice({ id: `${id(11)}-i1`, debtorId: id(11) }), amountInclVatCents: -5, numberKey: 'x' } as never));
    }
    await bulk.write(SUMMARY_SOURCES, (tx) => recomputeDebtors(tx, [id(10), id(11), id(12)], TODAY, { onCorrupt: (r) => reported[0].push(String(r.key)) }));
    await oneByOne.write(SUMMARY_SOURCES, async (tx) => {
      for (const debtorId of [id(10), id(11), id(12)]) {
        await refreshPromises(tx, debtorId, TODAY, (r) => reported[1].push(String(r.key)));
        await recomputeSummary(tx, debtorId, (r) => reported[1].push(String(r.key)));
      }
    });
    const [a, b] = [await dump(bulk), await dump(oneByOne)];
    expect(a.kpiDigests).toEqual(b.kpiDigests);
    const digest = a.kpiDigests.find((d) => (d as { debtorId: string }).debtorId === id(11)) as { corrupt?: { store: string; key: string }[] };
    expect(digest.corrupt?.map((c) => [c.store, c.key])).toEqual([['invoices', `${id(11)}-i1`]]);
    expect(reported[0]).toContain(`${id(11)}-i1`);
  });

  it('refuses a debtor that is not stored, and writes nothing', async () => {
    const records = await makeRecords();
    await seed(records);
    await expect(records.write(SUMMARY_SOURCES, (tx) => recomputeDebtors(tx, [id(3), 'd999'], TODAY))).rejects.toMatchObject({ kind: 'not_found' });
    expect((await dump(records)).summaries).toEqual([]);
  });
});

describe('denseGroups', () => {
  const keys = Array.from({ length: 1000 }, (_, i) => id(i));
  const rank = (x: string) => keys.indexOf(x);

  it('keeps debtors that sit together in one group and cuts where the stored debtors between them are many', () => {
    const ids = [id(1), id(2), id(4), id(5), id(500), id(900), id(901)];
    expect(denseGroups(ids, rank)).toEqual([[id(1), id(2), id(4), id(5)], [id(500)], [id(900), id(901)]]);
  });

  it('never lets a group hold more than the maximum', () => {
    const ids = keys.slice(0, 25);
    expect(denseGroups(ids, rank, 10).map((g) => g.length)).toEqual([10, 10, 5]);
  });
});
