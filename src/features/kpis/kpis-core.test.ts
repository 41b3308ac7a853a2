import { describe, expect, it } from 'vitest';
import { toDayNumber } from '../../domain/calendar/isoDate';
import { generateDemoPortfolio } from '../../domain/demo';
import { generateLargePortfolio } from '../../domain/demo/large-portfolio';
import type { DebtorBundle } from '../../domain/bundle';
import type { SegmentDigest } from '../../domain/segmentation/history-segment';
import { datasetFromBundles, paymentHistoryFromDigest, paymentHistoryOf } from '../../domain/kpis/dataset';
import { computeKpis, DEFAULT_KPI_COSTS, type KpiReport } from '../../domain/kpis/kpis';
import { putBundles } from '../../storage/bundles';
import type { CorruptRecord } from '../../storage/codec';
import { kpiBundles, storeRebuiltDigests } from '../../storage/kpi-source';
import { memoryRecords } from '../../storage/memory-records';
import { refreshSummaries } from '../../storage/summaries';
import type { Records } from '../../storage/records';
import { loadKpisFrom } from './kpis-core';

const TODAY = '2026-12-03';

/** The payment-history digest of each debtor's worklist summary, as the worker read them before. */
async function summaryDigests(records: Records): Promise<Map<string, SegmentDigest>> {
  const summaries = (await records.read(['summaries'], (tx) => tx.getAll('summaries'))) as { debtorId: string; history?: SegmentDigest }[];
  return new Map(summaries.flatMap((s) => (s.history ? [[s.debtorId, s.history] as const] : [])));
}

/**
 * The report as the worker computed it before its fast read: every record through its full zod schema, the
 * payment-history segment from the summaries' digests (now computed from the records already read).
 */
async function reportThroughFullParse(records: Records, today: string): Promise<KpiReport> {
  const [bundles, digests] = await Promise.all([kpiBundles(records), summaryDigests(records)]);
  expect(digests.size).toBe(bundles.length);
  const todayDay = toDayNumber(today);
  const historyOf = (b: DebtorBundle) => {
    const digest = digests.get(b.debtor.id);
    return digest ? paymentHistoryFromDigest(digest, todayDay, b.debtor.segmentOverride?.segment) : paymentHistoryOf(b, today);
  };
  return computeKpis(datasetFromBundles(bundles, (b) => b.debtor.segment, undefined, historyOf), { today, costs: DEFAULT_KPI_COSTS });
}

/**
 * A digest with its numbers as a list behind their array's type: typed arrays from a structured clone are of
 * Node's realm, those built here of jsdom's, which `toEqual` tells apart.
 */
const plainDigest = (d: unknown) => {
  const nums = (d as { nums: Int32Array | Float64Array }).nums;
  return { ...(d as object), nums: [Object.prototype.toString.call(nums), ...nums] };
};

async function storedPortfolio(bundles: DebtorBundle[]): Promise<Records> {
  const records = memoryRecords();
  await putBundles(records, bundles);
  return records;
}

describe('the KPI worker’s read', () => {
  it('gives from the digests the very report the full parse gives, on the demo and on a generated portfolio', { timeout: 60_000 }, async () => {
    const demo = generateDemoPortfolio({ today: TODAY });
    // The demo holds payments, letters, promises, overrides; the large generator the load portfolio's shapes.
    const large = [...generateLargePortfolio({ today: TODAY, debtors: 1_500, invoices: 6_000, seed: 7 })].flat();
    for (const bundles of [demo, large]) {
      const records = await storedPortfolio(bundles);
      const loaded = await loadKpisFrom(records, TODAY);
      const expected = await reportThroughFullParse(records, TODAY);
      expect(loaded.report).toEqual(expected);
      // Read in many chunks (the store's size is no multiple of 64 nor of 1: the last chunk short or empty).
      for (const chunk of [64, 1]) expect((await loadKpisFrom(records, TODAY, undefined, chunk)).report).toEqual(expected);
      expect(loaded.debtors).toBe(bundles.length);
      expect(loaded.skipped).toBe(0);
      expect(loaded.fromRecords).toBe(0);
      expect(loaded.report.overall[11]?.receivablesCents).toBeGreaterThan(0);
      // Without any digest (a path that predates them): every debtor read from its records, the same report.
      const written = await records.read(['kpiDigests'], (tx) => tx.getAll('kpiDigests'));
      await records.write(['kpiDigests'], (tx) => tx.clear('kpiDigests'));
      const fallback = await loadKpisFrom(records, TODAY);
      expect(fallback.fromRecords).toBe(bundles.length);
      expect(fallback.report).toEqual(expected);
      // The digests it rebuilt are those the write paths wrote; once stored, the next read takes them.
      expect(fallback.rebuilt.map(plainDigest)).toEqual(written.map(plainDigest));
      expect(await storeRebuiltDigests(records, fallback.rebuilt)).toBe(bundles.length);
      const again = await loadKpisFrom(records, TODAY);
      expect(again.fromRecords).toBe(0);
      expect(again.rebuilt).toEqual([]);
      expect(again.report).toEqual(expected);
    }
  });

  it('reads the records of a debtor whose digest is missing or unsound, and reports their unsound records', async () => {
    const bundles = generateDemoPortfolio({ today: TODAY });
    const records = await storedPortfolio(bundles);
    const clean = await loadKpisFrom(records, TODAY);
    const [first, second] = bundles as [DebtorBundle, DebtorBundle];
    const invoice = second.invoices[0];
    const activity = second.activities[0];
    if (!invoice || !activity) throw new Error('the demo’s second debtor has an invoice and an activity');
    await records.write(['debtors', 'invoices', 'activities', 'kpiDigests'], async (tx) => {
      // Raw puts, as a bug or an older build could have left them: the write path's parse and digest bypassed.
      await tx.put('debtors', { ...first.debtor, segment: 'nowhere' } as never);
      await tx.put('invoices', { ...invoice, amountInclVatCents: -5 } as never);
      await tx.put('activities', { ...activity, at: '2026-02-31T09:00:00.000Z' } as never);
      // The first debtor's digest is gone, the second's is of a format this code does not know.
      await tx.delete('kpiDigests', first.debtor.id);
      const digest = (await tx.get('kpiDigests', second.debtor.id)) as object;
      await tx.put('kpiDigests', { ...digest, v: 0 } as never);
    });
    const reported: CorruptRecord[] = [];
    const loaded = await loadKpisFrom(records, TODAY, (r) => reported.push(r));
    expect(loaded.fromRecords).toBe(2);
    expect(loaded.skipped).toBe(3);
    // The second debtor's digest is rebuilt with its two unsound records noted; the first debtor's own
    // record is unsound, so it has none.
    expect(loaded.rebuilt.map((d) => [d.debtorId, d.corrupt?.map((c) => c.key)])).toEqual([[second.debtor.id, [invoice.id, activity.id]]]);
    expect(reported.map((r) => [r.store, r.key, r.issues[0]?.path])).toEqual([
      ['debtors', first.debtor.id, 'segment'],
      ['invoices', invoice.id, 'amountInclVatCents'],
      ['activities', activity.id, 'at'],
    ]);
    expect(loaded.debtors).toBe(bundles.length - 1);
    // The same figures as a portfolio that never held those three records.
    const without = bundles.slice(1).map((b) => (b === second ? { ...b, invoices: b.invoices.slice(1), activities: b.activities.slice(1) } : b));
    expect(loaded.report).toEqual((await loadKpisFrom(await storedPortfolio(without), TODAY)).report);
    expect(loaded.report).not.toEqual(clean.report);
    // Stored, the rebuilt digest goes on reporting the same records; only the first debtor is read again.
    await storeRebuiltDigests(records, loaded.rebuilt);
    const again: CorruptRecord[] = [];
    const next = await loadKpisFrom(records, TODAY, (r) => again.push(r));
    expect(next.fromRecords).toBe(1);
    expect(next.report).toEqual(loaded.report);
    expect(again.map((r) => [r.store, r.key]).sort()).toEqual(reported.map((r) => [r.store, r.key]).sort());
    // The full parse throws on the first of them: the exports stay strict.
    await expect(kpiBundles(records)).rejects.toMatchObject({ name: 'StorageError' });
  });

  it('goes on reporting a record its debtor’s digest was rebuilt without', async () => {
    const bundles = generateDemoPortfolio({ today: TODAY });
    const records = await storedPortfolio(bundles);
    const second = bundles[1] as DebtorBundle;
    const invoice = second.invoices[0];
    if (!invoice) throw new Error('the demo’s second debtor has an invoice');
    await records.write(['invoices'], (tx) => tx.put('invoices', { ...invoice, amountInclVatCents: -5 } as never));
    // Any later write about the debtor rebuilds its summary and digest, leaving the corrupt invoice out.
    const seen: CorruptRecord[] = [];
    await refreshSummaries(records, [second.debtor.id], async () => undefined, (r) => seen.push(r));
    expect(seen.map((r) => r.key)).toEqual([invoice.id]);
    const reported: CorruptRecord[] = [];
    const loaded = await loadKpisFrom(records, TODAY, (r) => reported.push(r));
    expect(loaded.fromRecords).toBe(0);
    expect(loaded.skipped).toBe(1);
    expect(reported.map((r) => [r.store, r.key, r.issues[0]?.path])).toEqual([['invoices', invoice.id, 'amountInclVatCents']]);
    const without = bundles.map((b) => (b === second ? { ...b, invoices: b.invoices.slice(1) } : b));
    expect(loaded.report).toEqual((await loadKpisFrom(await storedPortfolio(without), TODAY)).report);
  });
});
