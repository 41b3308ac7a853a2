/** The KPI report from stored records: one read, the dataset, the computation (domain/kpis). */
import { datasetFromBundles, paymentHistoryOf } from '../../domain/kpis/dataset';
import { computeKpis, type KpiCosts, type KpiReport } from '../../domain/kpis/kpis';
import type { CorruptRecord } from '../../storage/codec';
import { kpiBundlesFromStored } from '../../storage/kpi-records';
import { getKpiCosts, readKpiRecords } from '../../storage/kpi-source';
import type { Records } from '../../storage/records';

export interface LoadedKpis {
  report: KpiReport;
  costs: KpiCosts;
  debtors: number;
  /** Stored records left out because a field the KPIs read was unsound (the rest is still computed). */
  skipped: number;
  /**
   * Where the time went, in ms: reading the records (`readMs` = `fetchMs`, IndexedDB's getAll and the
   * structured clone, + `checkMs`, checking and grouping them), building the dataset, computing the months.
   */
  timings: { readMs: number; fetchMs: number; checkMs: number; datasetMs: number; computeMs: number };
}

export async function loadKpisFrom(records: Records, today: string, onCorrupt?: (record: CorruptRecord) => void): Promise<LoadedKpis> {
  const t0 = performance.now();
  // The summaries' payment-history digests are not read: at 50,000 debtors they are 32.5 MB of the 119 MB the
  // KPIs would read (v8 serialisation), and IndexedDB's getAll is most of the time; the same segment is
  // computed from the records already read (domain/kpis/dataset.ts `paymentHistoryOf`, as the summary does).
  const [stored, costs] = await Promise.all([readKpiRecords(records), getKpiCosts(records)]);
  const t1 = performance.now();
  let skipped = 0;
  const bundles = kpiBundlesFromStored(stored, (record) => {
    skipped++;
    onCorrupt?.(record);
  });
  const t2 = performance.now();
  const data = datasetFromBundles(bundles, (b) => b.debtor.segment, undefined, (b) => paymentHistoryOf(b, today));
  const t3 = performance.now();
  const report = computeKpis(data, { today, costs });
  const timings = { readMs: t2 - t0, fetchMs: t1 - t0, checkMs: t2 - t1, datasetMs: t3 - t2, computeMs: performance.now() - t3 };
  return { report, costs, debtors: bundles.length, skipped, timings };
}
