/**
 * What the KPIs read: each debtor's KPI digest (domain/kpis/kpi-digest.ts, v10), the records of the debtors
 * whose digest is missing or unsound, and the unit costs of the cost per claim. Runs on any Records, in the
 * KPI worker on IndexedDB. The worker checks records with ./kpi-records.ts (the fields it reads);
 * `kpiBundles` parses them whole for the exports.
 */
import type { DebtorBundle } from '../domain/bundle';
import { Activity, Debtor, Invoice, PaymentPromise } from '../domain/entities';
import { kpiDigestFault, type KpiDigest } from '../domain/kpis/kpi-digest';
import { DEFAULT_KPI_COSTS, KpiCosts } from '../domain/kpis/kpis';
import { readRecords, validateForWrite, type CorruptHandler } from './codec';
import type { StoredKpiRecords } from './kpi-records';
import type { Records } from './records';
import { KPI_COSTS_KEY } from './schema';

export interface StoredKpiDigests {
  /** Every stored digest, in debtor id order, unchecked (see `kpiDigestFault`). */
  digests: unknown[];
  /** Every stored debtor's id, in order: a debtor without a sound digest is read from its records. */
  debtorIds: string[];
}

/** The digests and the debtors' ids, in one transaction: 50,000 small records and 50,000 keys. */
export async function readKpiDigests(records: Records): Promise<StoredKpiDigests> {
  const [digests, debtorIds] = await records.read(['kpiDigests', 'debtors'], (tx) => Promise.all([tx.getAll('kpiDigests'), tx.getAllKeys('debtors')]));
  return { digests, debtorIds: debtorIds as string[] };
}

/** Digests per request when they are read a chunk at a time: ten chunks at 50,000 debtors. */
export const DIGEST_CHUNK = 5_000;

/**
 * The digests in key order, a chunk at a time, each handed to `onChunk` (unchecked) while the next one is
 * being read: IndexedDB reads in the browser's process while the worker checks the chunk it has, instead of
 * the worker waiting for one getAll of the whole store and IndexedDB then idling while the worker works. The
 * debtors' ids come in the same transaction (asked after the second chunk, so the first reaches the worker at
 * once). `onChunk` must not await anything: the transaction lives on the requests in flight.
 */
export async function readKpiDigestChunks(records: Records, onChunk: (digests: unknown[]) => void, chunk = DIGEST_CHUNK): Promise<{ debtorIds: string[] }> {
  return records.read(['kpiDigests', 'debtors'], async (tx) => {
    let next: Promise<unknown[]> | undefined = tx.getAll('kpiDigests', { limit: chunk });
    let keys: Promise<unknown[]> | undefined;
    let read = 0;
    while (next) {
      const digests: unknown[] = await next;
      // The store's key is the record's `debtorId` (its key path). A key that is not a string (never written
      // by Cadence) ends the chunks early: the debtors after it then have no digest and are read from their
      // records, so nothing is left out.
      const last = (digests.at(-1) as { debtorId?: unknown } | undefined)?.debtorId;
      next = digests.length === chunk && typeof last === 'string' ? tx.getAll('kpiDigests', { after: last, limit: chunk }) : undefined;
      if (++read === 2 || !next) keys ??= tx.getAllKeys('debtors');
      onChunk(digests);
    }
    return { debtorIds: (await (keys as Promise<unknown[]>)) as string[] };
  });
}

/**
 * Stores digests the KPI worker rebuilt from the records (the stored one was missing, of an older version or
 * unsound), so the next open reads them instead of the records again. In transactions of `chunk` digests,
 * so writers of the store (every save of a debtor's records) wait at most one of them; a digest is written
 * only where the stored one is still not sound, never over one a writer put in the meantime.
 */
export async function storeRebuiltDigests(records: Records, digests: readonly KpiDigest[], chunk = 2_000): Promise<number> {
  let written = 0;
  for (let i = 0; i < digests.length; i += chunk) {
    const part = digests.slice(i, i + chunk);
    written += await records.write(['kpiDigests', 'debtors'], async (tx) => {
      const [stored, alive] = await Promise.all([Promise.all(part.map((d) => tx.get('kpiDigests', d.debtorId))), Promise.all(part.map((d) => tx.has('debtors', d.debtorId)))]);
      // Nor for a debtor deleted since (a team's sync removes its digest with it).
      const stale = part.filter((_, k) => alive[k] && kpiDigestFault(stored[k]) !== undefined);
      await tx.putMany('kpiDigests', stale);
      return stale.length;
    });
  }
  return written;
}

/**
 * Above this many debtors to read, one getAll of each store costs less than four requests per debtor (a
 * request is about 1 ms in Chromium, a getAll of the 50,000-debtor portfolio's four stores about 3 s).
 */
const READ_ALL_ABOVE = 1_000;

/** The records of these debtors (each in the result once, unchecked), in one transaction. */
export async function readKpiRecordsOf(records: Records, debtorIds: readonly string[]): Promise<StoredKpiRecords> {
  const wanted = new Set(debtorIds);
  if (debtorIds.length > READ_ALL_ABOVE) {
    const all = await readKpiRecords(records);
    const mine = (values: readonly unknown[], key: 'id' | 'debtorId') => values.filter((v) => wanted.has((v as Record<string, unknown> | null)?.[key] as string));
    return { debtors: mine(all.debtors, 'id'), invoices: mine(all.invoices, 'debtorId'), activities: mine(all.activities, 'debtorId'), promises: mine(all.promises, 'debtorId') };
  }
  return records.read(['debtors', 'invoices', 'activities', 'promises'], async (tx) => {
    const ids = [...wanted];
    const [debtors, invoices, activities, promises] = await Promise.all([
      Promise.all(ids.map((id) => tx.get('debtors', id))),
      Promise.all(ids.map((id) => tx.byDebtor('invoices', id))),
      Promise.all(ids.map((id) => tx.byDebtor('activities', id))),
      Promise.all(ids.map((id) => tx.byDebtor('promises', id))),
    ]);
    return { debtors: debtors.filter((d) => d !== undefined), invoices: invoices.flat(), activities: activities.flat(), promises: promises.flat() };
  });
}

/** The four stores the KPIs read, as stored, in one transaction (unchecked: see `kpiBundlesFromStored`). */
export async function readKpiRecords(records: Records): Promise<StoredKpiRecords> {
  const [debtors, invoices, activities, promises] = await records.read(['debtors', 'invoices', 'activities', 'promises'], (tx) =>
    Promise.all([tx.getAll('debtors'), tx.getAll('invoices'), tx.getAll('activities'), tx.getAll('promises')]),
  );
  return { debtors, invoices, activities, promises };
}

/** Full bundles, every record through its zod schema: what the exports need (names, numbers, labels). */
export async function kpiBundles(records: Records, onCorrupt?: CorruptHandler): Promise<DebtorBundle[]> {
  const { debtors, invoices, activities, promises } = await readKpiRecords(records);
  const bundles = new Map<string, DebtorBundle>();
  for (const debtor of readRecords<Debtor>(Debtor, 'debtors', debtors, onCorrupt)) {
    bundles.set(debtor.id, { debtor, contacts: [], invoices: [], activities: [], promises: [], tasks: [] });
  }
  for (const i of readRecords<Invoice>(Invoice, 'invoices', invoices, onCorrupt)) bundles.get(i.debtorId)?.invoices.push(i);
  for (const a of readRecords<Activity>(Activity, 'activities', activities, onCorrupt)) bundles.get(a.debtorId)?.activities.push(a);
  for (const p of readRecords<PaymentPromise>(PaymentPromise, 'promises', promises, onCorrupt)) bundles.get(p.debtorId)?.promises.push(p);
  return [...bundles.values()];
}

export async function getKpiCosts(records: Records): Promise<KpiCosts> {
  const raw = await records.read(['settings'], (tx) => tx.get('settings', KPI_COSTS_KEY));
  const parsed = KpiCosts.safeParse(raw);
  return parsed.success ? parsed.data : DEFAULT_KPI_COSTS;
}

export async function putKpiCosts(records: Records, costs: KpiCosts): Promise<void> {
  const valid = validateForWrite(KpiCosts, 'settings', costs);
  await records.write(['settings'], (tx) => tx.put('settings', valid, KPI_COSTS_KEY));
}
