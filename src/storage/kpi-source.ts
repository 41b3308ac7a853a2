/**
 * What the KPIs read: every debtor with its invoices, activities and promises (contacts and tasks are not
 * needed), and the unit costs of the cost per claim. Runs on any Records, in the KPI worker on IndexedDB.
 * The worker checks the records with ./kpi-records.ts (the fields it reads); `kpiBundles` parses them whole.
 */
import type { DebtorBundle } from '../domain/bundle';
import { Activity, Debtor, Invoice, PaymentPromise } from '../domain/entities';
import { DEFAULT_KPI_COSTS, KpiCosts } from '../domain/kpis/kpis';
import { readRecords, validateForWrite, type CorruptHandler } from './codec';
import type { StoredKpiRecords } from './kpi-records';
import type { Records } from './records';
import { KPI_COSTS_KEY } from './schema';

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
