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
}

export async function loadKpisFrom(records: Records, today: string): Promise<LoadedKpis> {
  const [bundles, costs, digests] = await Promise.all([kpiBundles(records), getKpiCosts(records), kpiHistoryDigests(records)]);
  const todayDay = toDayNumber(today);
  // The payment-history segment from the summary's stored digest, as the worklist reads it; from the records
  // only for a debtor whose summary has none yet.
  const historyOf = (b: DebtorBundle) => {
    const digest = digests.get(b.debtor.id);
    return digest ? paymentHistoryFromDigest(digest, todayDay, b.debtor.segmentOverride?.segment) : paymentHistoryOf(b, today);
  };
  const data = datasetFromBundles(bundles, (b) => b.debtor.segment, undefined, historyOf);
  return { report: computeKpis(data, { today, costs }), costs, debtors: bundles.length };
}
