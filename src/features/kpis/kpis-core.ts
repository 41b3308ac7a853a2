/** The KPI report from stored records: one read, the dataset, the computation (domain/kpis). */
import { datasetFromBundles } from '../../domain/kpis/dataset';
import { computeKpis, type KpiCosts, type KpiReport } from '../../domain/kpis/kpis';
import { getKpiCosts, kpiBundles } from '../../storage/kpi-source';
import type { Records } from '../../storage/records';

export interface LoadedKpis {
  report: KpiReport;
  costs: KpiCosts;
  debtors: number;
}

export async function loadKpisFrom(records: Records, today: string): Promise<LoadedKpis> {
  const [bundles, costs] = await Promise.all([kpiBundles(records), getKpiCosts(records)]);
  const data = datasetFromBundles(bundles, (b) => b.debtor.segment);
  return { report: computeKpis(data, { today, costs }), costs, debtors: bundles.length };
}
