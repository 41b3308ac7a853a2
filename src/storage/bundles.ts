/**
 * Whole-debtor writes (seeding, imports, restores): validated entirely before any transaction opens, then
 * written in one transaction. Loaded on demand by the store: the first screen only reads.
 */
import type { DebtorBundle } from '../domain/bundle';
import {
  Activity as ActivitySchema,
  ContactForWrite,
  Debtor as DebtorSchema,
  Invoice as InvoiceSchema,
  PaymentPromise as PromiseSchema,
  Task as TaskSchema,
} from '../domain/entities';
import { kpiDigest } from '../domain/kpis/kpi-digest';
import { summarizeDebtor } from '../domain/summarize';
import { toSearchKey } from '../domain/text';
import { validateForWrite, type CorruptHandler } from './codec';
import { StorageError } from './errors';
import type { Records } from './records';
import type { CadenceStoreName, StoredInvoice } from './schema';
import type { Invoice } from '../domain/entities';
import { recomputeSummary } from './summaries';

export function toStoredInvoice(invoice: Invoice): StoredInvoice {
  return { ...invoice, numberKey: toSearchKey(invoice.number) };
}

function requireOwner(store: string, record: { id: string; debtorId: string }, debtorId: string): void {
  if (record.debtorId !== debtorId) {
    throw new StorageError('invalid', `Record ${record.id} of ${store} belongs to ${record.debtorId}, not ${debtorId}`, {
      store,
      key: record.id,
      issues: [{ path: 'debtorId', message: `Expected ${debtorId}` }],
    });
  }
}

/** Parses every record of a bundle and checks each one belongs to the bundle's debtor. */
export function validateBundle(bundle: DebtorBundle): DebtorBundle {
  const debtor = validateForWrite(DebtorSchema, 'debtors', bundle.debtor);
  const owned = <T extends { id: string; debtorId: string }>(store: string, schema: Parameters<typeof validateForWrite<T>>[0], list: unknown[]): T[] =>
    list.map((raw) => {
      const record = validateForWrite(schema, store, raw);
      requireOwner(store, record, debtor.id);
      return record;
    });
  return {
    debtor,
    contacts: owned('contacts', ContactForWrite, bundle.contacts),
    invoices: owned('invoices', InvoiceSchema, bundle.invoices),
    activities: owned('activities', ActivitySchema, bundle.activities),
    promises: owned('promises', PromiseSchema, bundle.promises),
    tasks: owned('tasks', TaskSchema, bundle.tasks),
  };
}

const noop = (): void => undefined;
const BUNDLE_STORES: CadenceStoreName[] = ['debtors', 'contacts', 'invoices', 'activities', 'promises', 'tasks', 'summaries', 'kpiDigests'];

/** Writes whole bundles in one transaction; a bundle of a debtor already stored gets its summary and KPI digest rebuilt from the store. */
function writeBundles(records: Records, bundles: readonly DebtorBundle[], onCorrupt?: CorruptHandler): Promise<void> {
  return records.write(BUNDLE_STORES, async (tx) => {
    const seen = new Map<string, number>();
    for (const b of bundles) seen.set(b.debtor.id, (seen.get(b.debtor.id) ?? 0) + 1);
    const existing = await Promise.all(bundles.map((b) => tx.has('debtors', b.debtor.id)));
    const writes: Promise<unknown>[] = [];
    // Each request gets a handler at once: if a later put fails, the ones queued before it reject with
    // AbortError, and that must not surface as unhandled rejections.
    const track = (request: Promise<unknown>): void => {
      request.catch(noop);
      writes.push(request);
    };
    const rebuildFromStore = new Set<string>();
    // Invoices all at once: on IndexedDB one block per debtor (./invoice-blocks.ts); a debtor not stored yet
    // holds none, so its block is written without reading anything first.
    const invoicesOfNew: StoredInvoice[] = [];
    const invoicesOfStored: StoredInvoice[] = [];
    bundles.forEach((b, i) => {
      track(tx.put('debtors', b.debtor));
      for (const c of b.contacts) track(tx.put('contacts', c));
      const fresh = !existing[i] && seen.get(b.debtor.id) === 1;
      for (const inv of b.invoices) (fresh ? invoicesOfNew : invoicesOfStored).push(toStoredInvoice(inv));
      for (const a of b.activities) track(tx.put('activities', a));
      for (const p of b.promises) track(tx.put('promises', p));
      for (const t of b.tasks) track(tx.put('tasks', t));
      // A debtor already stored may own records the bundle lacks: its summary must come from the store.
      if (existing[i] || (seen.get(b.debtor.id) ?? 0) > 1) rebuildFromStore.add(b.debtor.id);
      else {
        track(tx.put('summaries', summarizeDebtor(b)));
        track(tx.put('kpiDigests', kpiDigest(b)));
      }
    });
    track(tx.putInvoicesOfNewDebtors(invoicesOfNew));
    track(tx.putMany('invoices', invoicesOfStored));
    await Promise.all(writes);
    for (const id of rebuildFromStore) await recomputeSummary(tx, id, onCorrupt);
  });
}

/** Writes bundles whole: all of them in one transaction, or none (every record parsed before it opens). */
export async function putBundles(records: Records, bundles: DebtorBundle[], onCorrupt?: CorruptHandler): Promise<void> {
  const valid = bundles.map(validateBundle);
  if (valid.length > 0) await writeBundles(records, valid, onCorrupt);
}
