/** The KPI report from stored records: one read, the dataset, the computation (domain/kpis). */
import { toDayNumber } from '../../domain/calendar/isoDate';
import { datasetFromBundles, paymentHistoryFromDigest, paymentHistoryOf } from '../../domain/kpis/dataset';
import type { DebtorBundle } from '../../domain/bundle';
import { computeKpis, type KpiCosts, type KpiReport } from '../../domain/kpis/kpis';
import { getKpiCosts, kpiBundles, kpiHistoryDigests } from '../../storage/kpi-source';
import type { Records } from '../../storage/records';

export interface LoadedKpis {
  report: KpiReport;
  costs: KpiCosts;
  debtors: number;
  /** Where the time went, in ms: reading the records, building the dataset, computing the months. */
  timings: { readMs: number; datasetMs: number; computeMs: number };
}

export async function loadKpisFrom(records: Records, today: string): Promise<LoadedKpis> {
  const t0 = performance.now();
  const [bundles, costs, digests] = await Promise.all([kpiBundles(records), getKpiCosts(records), kpiHistoryDigests(records)]);
  const t1 = performance.now();
  const todayDay = toDayNumber(today);
  // The payment-history segment from the summary's stored digest, as the worklist reads it; from the records
  // only for a debtor whose summary has none yet.
  const historyOf = (b: DebtorBundle) => {
    const digest = digests.get(b.debtor.id);
    return digest ? paymentHistoryFromDigest(digest, todayDay, b.debtor.segmentOverride?.segment) : paymentHistoryOf(b, today);
  };
  const data = datasetFromBundles(bundles, (b) => b.debtor.segment, undefined, historyOf);
  const t2 = performance.now();
  const report = computeKpis(data, { today, costs });
  const timings = { readMs: t1 - t0, datasetMs: t2 - t1, computeMs: performance.now() - t2 };
  return { report, costs, debtors: bundles.length, timings };
}
