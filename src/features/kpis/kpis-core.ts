/** The KPI report from stored records: the digests, the dataset, the computation (domain/kpis). */
import { datasetFromDigests, kpiDigest, kpiDigestFault, type KpiDigest } from '../../domain/kpis/kpi-digest';
import { computeKpis, type KpiCosts, type KpiReport } from '../../domain/kpis/kpis';
import type { CorruptRecord } from '../../storage/codec';
import { kpiBundlesFromStored } from '../../storage/kpi-records';
import { getKpiCosts, readKpiDigests, readKpiRecordsOf } from '../../storage/kpi-source';
import type { Records } from '../../storage/records';

export interface LoadedKpis {
  report: KpiReport;
  costs: KpiCosts;
  debtors: number;
  /** Stored records left out because a field the KPIs read was unsound (the rest is still computed). */
  skipped: number;
  /** Debtors whose digest was missing or unsound, computed from their records instead. */
  fromRecords: number;
  /**
   * Where the time went, in ms: reading (`readMs` = `fetchMs`, IndexedDB's getAll of the digests and the
   * structured clone, + `checkMs`, checking them and reading the records of debtors without a sound one),
   * building the dataset, computing the months.
   */
  timings: { readMs: number; fetchMs: number; checkMs: number; datasetMs: number; computeMs: number };
}

/**
 * Reads the KPI digests (domain/kpis/kpi-digest.ts), one per debtor. A debtor whose digest is missing (written
 * by a path that predates it) or fails its check is not left out nor trusted: its records are read and checked
 * as before the digests existed, and its digest computed here (not stored: the worker only reads).
 */
export async function loadKpisFrom(records: Records, today: string, onCorrupt?: (record: CorruptRecord) => void): Promise<LoadedKpis> {
  const t0 = performance.now();
  const [stored, costs] = await Promise.all([readKpiDigests(records), getKpiCosts(records)]);
  const t1 = performance.now();
  let skipped = 0;
  const report = (record: CorruptRecord) => {
    skipped++;
    onCorrupt?.(record);
  };
  const sound = new Map<string, KpiDigest>();
  for (const d of stored.digests) if (kpiDigestFault(d) === undefined) sound.set((d as KpiDigest).debtorId, d as KpiDigest);
  const missing = stored.debtorIds.filter((id) => !sound.has(id));
  if (missing.length > 0) {
    for (const bundle of kpiBundlesFromStored(await readKpiRecordsOf(records, missing), report)) sound.set(bundle.debtor.id, kpiDigest(bundle));
  }
  // In debtor id order, as the records were read before: the report's groups come out in the same order.
  const digests: KpiDigest[] = [];
  for (const id of stored.debtorIds) {
    const digest = sound.get(id);
    if (!digest) continue;
    digests.push(digest);
    for (const record of digest.corrupt ?? []) report(record);
  }
  const t2 = performance.now();
  const data = datasetFromDigests(digests, today);
  const t3 = performance.now();
  const kpis = computeKpis(data, { today, costs });
  const timings = { readMs: t2 - t0, fetchMs: t1 - t0, checkMs: t2 - t1, datasetMs: t3 - t2, computeMs: performance.now() - t3 };
  return { report: kpis, costs, debtors: digests.length, skipped, fromRecords: missing.length, timings };
}
