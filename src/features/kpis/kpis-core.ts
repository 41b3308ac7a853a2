/** The KPI report from stored records: the digests, the dataset, the computation (domain/kpis). */
import { datasetBuilder, datasetFromDigests, kpiDigest, kpiDigestFault, type KpiDigest } from '../../domain/kpis/kpi-digest';
import { computeKpis, type KpiCosts, type KpiReport } from '../../domain/kpis/kpis';
import type { CorruptRecord } from '../../storage/codec';
import { kpiBundlesFromStored, type StoredKpiRecords } from '../../storage/kpi-records';
import { DIGEST_CHUNK, getKpiCosts, readKpiDigestChunks, readKpiRecordsOf } from '../../storage/kpi-source';
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
   * Digests computed here from the records (`fromRecords` of them, less the debtors whose own record is
   * unsound): the caller stores them (`storeRebuiltDigests`) once the report is out, so the next open reads
   * them instead of the records.
   */
  rebuilt: KpiDigest[];
  /**
   * Where the time went, in ms. The digests are read a chunk at a time and each chunk is checked and added to
   * the dataset while IndexedDB reads the next: `readMs` runs until the last chunk and the debtors' ids are in
   * (and the records of debtors without a sound digest read); `checkMs` and `datasetMs` are the worker's own
   * time checking digests (reading and checking those records too) and building the dataset, most of it
   * inside `readMs`; `fetchMs` is the rest of `readMs`, the worker waiting for IndexedDB (its structured clone
   * included).
   */
  timings: { readMs: number; fetchMs: number; checkMs: number; datasetMs: number; computeMs: number };
}

/** The debtor a corrupt record belongs to: its key for a debtor, the raw record's `debtorId` for the others. */
function debtorFinder(stored: StoredKpiRecords): (record: CorruptRecord) => string | undefined {
  const owners = new Map<string, Map<unknown, unknown>>();
  return (record) => {
    if (record.store === 'debtors') return record.key;
    let owner = owners.get(record.store);
    if (!owner) {
      const list = (stored[record.store as keyof StoredKpiRecords] ?? []) as readonly ({ id?: unknown; debtorId?: unknown } | null)[];
      owners.set(record.store, (owner = new Map(list.map((r) => [r?.id, r?.debtorId]))));
    }
    const debtor = owner.get(record.key);
    return typeof debtor === 'string' ? debtor : undefined;
  };
}

/**
 * Reads the KPI digests (domain/kpis/kpi-digest.ts), one per debtor. A debtor whose digest is missing (written
 * by a path that predates it), of an older version, or fails its check is not left out nor trusted: its
 * records are read and checked as before the digests existed, and its digest computed here and handed back
 * in `rebuilt` for the caller to store.
 */
export async function loadKpisFrom(records: Records, today: string, onCorrupt?: (record: CorruptRecord) => void, chunk = DIGEST_CHUNK): Promise<LoadedKpis> {
  const t0 = performance.now();
  let skipped = 0;
  const report = (record: CorruptRecord) => {
    skipped++;
    onCorrupt?.(record);
  };
  let checkMs = 0;
  let datasetMs = 0;
  // Sound digests in key (debtor id) order, and the dataset of them built as they arrive.
  const sound: KpiDigest[] = [];
  const builder = datasetBuilder(today);
  const costsRead = getKpiCosts(records);
  const { debtorIds } = await readKpiDigestChunks(records, (chunk) => {
    const c0 = performance.now();
    const checked: KpiDigest[] = [];
    for (const d of chunk) if (kpiDigestFault(d) === undefined) checked.push(d as KpiDigest);
    const c1 = performance.now();
    builder.add(checked);
    for (const d of checked) sound.push(d);
    checkMs += c1 - c0;
    datasetMs += performance.now() - c1;
  }, chunk);
  const costs = await costsRead;
  const readingMs = { check: checkMs, dataset: datasetMs };
  const c0 = performance.now();
  const byId = new Map<string, KpiDigest>();
  for (const d of sound) byId.set(d.debtorId, d);
  const missing = debtorIds.filter((id) => !byId.has(id));
  const rebuilt: KpiDigest[] = [];
  if (missing.length > 0) {
    const stored = await readKpiRecordsOf(records, missing);
    const corrupt = new Map<string, CorruptRecord[]>();
    const debtorOf = debtorFinder(stored);
    const noted = (record: CorruptRecord) => {
      report(record);
      const debtor = debtorOf(record);
      if (debtor !== undefined) corrupt.set(debtor, [...(corrupt.get(debtor) ?? []), record]);
    };
    for (const bundle of kpiBundlesFromStored(stored, noted)) {
      // With the records it was built without, as every write path builds it (storage/summaries.ts).
      const digest = kpiDigest(bundle, corrupt.get(bundle.debtor.id) ?? []);
      byId.set(digest.debtorId, digest);
      rebuilt.push(digest);
    }
  }
  const fresh = new Set(rebuilt.map((d) => d.debtorId));
  // In debtor id order, as the records were read before: the report's groups come out in the same order.
  // A digest without its debtor (deleted since) is left out.
  const digests: KpiDigest[] = [];
  for (const id of debtorIds) {
    const digest = byId.get(id);
    if (!digest) continue;
    digests.push(digest);
    // A rebuilt digest's corrupt records were reported by the read above.
    if (!fresh.has(id)) for (const record of digest.corrupt ?? []) report(record);
  }
  const c1 = performance.now();
  checkMs += c1 - c0;
  // The dataset built while reading holds exactly these digests in this order unless some were rebuilt or
  // left out: then it is built again from the list (a one-off after a format change, or a corrupt store).
  const sameOrder = digests.length === sound.length && digests.every((d, i) => d === sound[i]);
  const data = sameOrder ? builder.dataset : datasetFromDigests(digests, today);
  const t2 = performance.now();
  datasetMs += t2 - c1;
  const kpis = computeKpis(data, { today, costs });
  const readMs = c1 - t0;
  const timings = { readMs, fetchMs: readMs - readingMs.check - readingMs.dataset - (c1 - c0), checkMs, datasetMs, computeMs: performance.now() - t2 };
  return { report: kpis, costs, debtors: digests.length, skipped, fromRecords: missing.length, rebuilt, timings };
}
