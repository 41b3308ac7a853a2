/**
 * Applying one pull page (src/sync/protocol.ts SyncedRecord) to the device's stores, in one transaction. It
 * writes through the plain records, never the capturing ones (./outbox-capture.ts): what comes from the server
 * must not go back to it as a new mutation.
 *
 * - Each row's data passes its kind's zod schema; a row that does not is skipped and reported, not half-applied.
 * - Tombstones delete (a debtor's tombstone takes its records with it).
 * - Mutable fields are the server's, field by field, except those this device edited and has not pushed yet:
 *   its pending edits stay on top until the server has decided them (then the next pull brings the outcome).
 * - Derived values are recomputed here, never taken from the server: an invoice's paid amount is the amount it
 *   was created with plus the payments recorded since (their allocations), promise status and paid amount from
 *   the payments as of `today`, and the worklist summary.
 */
import {
  Activity as ActivitySchema,
  Contact as ContactSchema,
  Debtor as DebtorSchema,
  Invoice as InvoiceSchema,
  PaymentPlan as PlanSchema,
  PaymentPromise as PromiseSchema,
  Settings as SettingsSchema,
  CreditorProfile as CreditorSchema,
  RateSettings as RatesSchema,
  DEFAULT_SETTINGS,
  type Activity,
  type Invoice,
  type Settings,
} from '../domain/entities';
import { PaymentDetails } from '../domain/payments/allocation';
import { ScriptRecord as ScriptRecordSchema, ScriptVersionRecord as VersionSchema, StudioSettings as StudioSchema, type ScriptRecord, type ScriptVersionRecord } from '../scripts/library';
import type { LostEdit, PullResponse, SyncedRecord } from '../sync/protocol';
import { toStoredInvoice } from './bundles';
import { readRecord, readRecords, type CorruptHandler } from './codec';
import type { OutboxEntry, PullCheckpoint, StoredLostEdit } from './outbox-types';
import { refreshPromises } from './payments';
import type { DebtorStoreName, Records, RecordTx } from './records';
import { ALL_STORES, CREDITOR_KEY, RATES_KEY, SETTINGS_KEY, STUDIO_KEY } from './schema';
import { recomputeSummary } from './summaries';

type Data = Record<string, unknown>;
/** What goes with a debtor's tombstone (a call in progress and a recap draft stay: the agent may be on it). */
const PER_DEBTOR: readonly DebtorStoreName[] = ['contacts', 'invoices', 'activities', 'promises', 'tasks', 'plans'];

/** Field edits this device made and has not pushed yet, per record (`kind:id`), newest last. */
async function pendingEdits(tx: RecordTx): Promise<{ fields: Map<string, Data>; deleted: Set<string> }> {
  const fields = new Map<string, Data>();
  const deleted = new Set<string>();
  for (const raw of (await tx.getAll('outbox')) as OutboxEntry[]) {
    const m = raw.mutation;
    if (m.name === 'debtor.update' || m.name === 'debtor.setSegmentOverride' || m.name === 'contact.update' || m.name === 'invoice.update') {
      const key = `${m.name.split('.')[0]}:${m.args.id}`;
      fields.set(key, { ...fields.get(key), ...(m.args.set as Data) });
    } else if (m.name === 'debtor.delete' || m.name === 'contact.delete') {
      deleted.add(`${m.name.split('.')[0]}:${m.args.id}`);
    }
  }
  return { fields, deleted };
}

function withPending(data: Data, edits: Data | undefined): Data {
  if (!edits) return data;
  const out = { ...data, ...edits };
  for (const [k, v] of Object.entries(edits)) if (v === null && (k === 'disputeReason' || k === 'segmentOverride')) delete out[k];
  return out;
}

async function deleteDebtor(tx: RecordTx, debtorId: string): Promise<void> {
  for (const store of PER_DEBTOR) {
    for (const raw of await tx.byDebtor(store, debtorId)) {
      const id = (raw as { id?: unknown }).id;
      if (typeof id === 'string') await tx.delete(store, id);
    }
  }
  await tx.delete('summaries', debtorId);
  await tx.delete('kpiDigests', debtorId);
  await tx.delete('debtors', debtorId);
}

interface PageState {
  touched: Set<string>;
  /** Invoices pulled in this page: the paid amount and status the server holds (before this device's payments). */
  invoiceBase: Map<string, { debtorId: string; paid: number; status: Invoice['status'] }>;
  /** Payment activities new to this device in this page. */
  newPayments: Activity[];
  pending: Awaited<ReturnType<typeof pendingEdits>>;
  onCorrupt: CorruptHandler;
}

async function applyScriptVersion(tx: RecordTx, version: ScriptVersionRecord): Promise<void> {
  // Versions are immutable: the server's copy is the one this device published or pulled before.
  await tx.put('scriptVersions', version);
  const raw = await tx.get('scripts', version.scriptId);
  const current = raw === undefined ? undefined : readRecord<ScriptRecord>(ScriptRecordSchema, 'scripts', raw);
  if (current && current.currentVersion >= version.version) return;
  const record: ScriptRecord = current
    ? { ...current, status: 'published', currentVersion: version.version, updatedAt: version.publishedAt, updatedBy: version.author }
    : {
        schemaVersion: 1,
        id: version.scriptId,
        name: version.script.name,
        locale: version.script.locale,
        status: 'published',
        currentVersion: version.version,
        draft: null,
        updatedAt: version.publishedAt,
        updatedBy: version.author,
      };
  await tx.put('scripts', record);
}

async function applyTeamSetting(tx: RecordTx, id: string, data: Data, onCorrupt: CorruptHandler): Promise<void> {
  const value = data.value;
  const report = () => onCorrupt({ store: 'settings', key: id, issues: [{ path: 'value', message: 'not a valid team setting' }] });
  if (id === 'rates') {
    const rates = readRecord(RatesSchema, 'settings', value, onCorrupt);
    if (rates) await tx.put('settings', rates, RATES_KEY);
  } else if (id === 'creditor') {
    const creditor = readRecord(CreditorSchema, 'settings', value, onCorrupt);
    if (creditor) await tx.put('settings', creditor, CREDITOR_KEY);
  } else if (id === 'studio') {
    const studio = readRecord(StudioSchema, 'settings', value, onCorrupt);
    if (studio) await tx.put('settings', studio, STUDIO_KEY);
  } else if (id === 'company' && typeof value === 'string' && value.trim() !== '') {
    const raw = await tx.get('settings', SETTINGS_KEY);
    const settings = (raw === undefined ? undefined : readRecord<Settings>(SettingsSchema, 'settings', raw, onCorrupt)) ?? { ...DEFAULT_SETTINGS };
    await tx.put('settings', { ...settings, company: value }, SETTINGS_KEY);
  } else {
    report();
  }
}

async function applyRecord(tx: RecordTx, row: SyncedRecord, page: PageState): Promise<void> {
  const { onCorrupt, pending } = page;
  const pendingKey = `${row.kind}:${row.id}`;
  const data = (row.data ?? {}) as Data;
  const debtorOf = (v: { debtorId: string }) => page.touched.add(v.debtorId);
  const debtorExists = (id: string) => tx.has('debtors', id);
  switch (row.kind) {
    case 'debtor': {
      if (row.deleted) {
        if (await debtorExists(row.id)) await deleteDebtor(tx, row.id);
        page.touched.delete(row.id);
        return;
      }
      if (pending.deleted.has(pendingKey)) return;
      const debtor = readRecord(DebtorSchema, 'debtors', withPending(data, pending.fields.get(pendingKey)), onCorrupt);
      if (!debtor) return;
      await tx.put('debtors', debtor);
      page.touched.add(debtor.id);
      return;
    }
    case 'contact': {
      if (row.deleted) return tx.delete('contacts', row.id);
      if (pending.deleted.has(pendingKey)) return;
      const contact = readRecord(ContactSchema, 'contacts', withPending(data, pending.fields.get(pendingKey)), onCorrupt);
      if (contact && (await debtorExists(contact.debtorId))) await tx.put('contacts', contact);
      return;
    }
    case 'invoice': {
      if (row.deleted) return tx.delete('invoices', row.id);
      const invoice = readRecord(InvoiceSchema, 'invoices', withPending(data, pending.fields.get(pendingKey)), onCorrupt);
      if (!invoice || !(await debtorExists(invoice.debtorId))) return;
      page.invoiceBase.set(invoice.id, { debtorId: invoice.debtorId, paid: invoice.amountPaidCents, status: invoice.status });
      await tx.put('invoices', toStoredInvoice(invoice));
      debtorOf(invoice);
      return;
    }
    case 'activity': {
      const activity = row.deleted ? undefined : readRecord(ActivitySchema, 'activities', data, onCorrupt);
      if (!activity || !(await debtorExists(activity.debtorId))) return;
      // Append-only: what this device already holds is the same record.
      if (await tx.has('activities', activity.id)) return;
      await tx.put('activities', activity);
      if (activity.type === 'payment') page.newPayments.push(activity);
      debtorOf(activity);
      return;
    }
    case 'promise': {
      const promise = row.deleted ? undefined : readRecord(PromiseSchema, 'promises', data, onCorrupt);
      if (!promise || !(await debtorExists(promise.debtorId))) return;
      await tx.put('promises', promise);
      debtorOf(promise);
      return;
    }
    case 'plan': {
      const plan = row.deleted ? undefined : readRecord(PlanSchema, 'plans', data, onCorrupt);
      if (!plan || !(await debtorExists(plan.debtorId))) return;
      await tx.put('plans', plan);
      debtorOf(plan);
      return;
    }
    case 'scriptVersion': {
      const version = row.deleted ? undefined : readRecord(VersionSchema, 'scriptVersions', data, onCorrupt);
      if (version) await applyScriptVersion(tx, version);
      return;
    }
    case 'teamSetting':
      if (!row.deleted) await applyTeamSetting(tx, row.id, data, onCorrupt);
      return;
    case 'trainingScore':
      // Scores are read by the lead from the server; a device keeps only its own trainee history.
      return;
  }
}

const allocationsOf = (activity: Activity): { invoiceId: string; cents: number }[] => {
  const details = PaymentDetails.safeParse(activity.details ?? {});
  return details.success ? (details.data.allocations ?? []) : [];
};

/** Paid amounts: the server's base plus this device's payment allocations, status `paid` once fully paid. */
async function rederiveInvoices(tx: RecordTx, debtorId: string, page: PageState): Promise<void> {
  const invoices = readRecords<Invoice>(InvoiceSchema, 'invoices', await tx.byDebtor('invoices', debtorId), page.onCorrupt);
  const activities = readRecords<Activity>(ActivitySchema, 'activities', await tx.byDebtor('activities', debtorId), page.onCorrupt);
  const allPaid = new Map<string, number>();
  for (const a of activities) if (a.type === 'payment') for (const x of allocationsOf(a)) allPaid.set(x.invoiceId, (allPaid.get(x.invoiceId) ?? 0) + x.cents);
  const newlyPaid = new Map<string, number>();
  for (const a of page.newPayments) if (a.debtorId === debtorId) for (const x of allocationsOf(a)) newlyPaid.set(x.invoiceId, (newlyPaid.get(x.invoiceId) ?? 0) + x.cents);
  for (const invoice of invoices) {
    const base = page.invoiceBase.get(invoice.id);
    const paid = base ? base.paid + (allPaid.get(invoice.id) ?? 0) : invoice.amountPaidCents + (newlyPaid.get(invoice.id) ?? 0);
    const status = paid >= invoice.amountInclVatCents && invoice.amountInclVatCents > 0 ? 'paid' : base ? base.status : invoice.status;
    if (paid === invoice.amountPaidCents && status === invoice.status) continue;
    await tx.put('invoices', toStoredInvoice({ ...invoice, amountPaidCents: paid, status }));
  }
}

async function storeLostEdits(tx: RecordTx, edits: readonly LostEdit[]): Promise<void> {
  for (const edit of edits) {
    const key = `lost:${edit.mutationId}:${edit.field}`;
    if (await tx.has('syncState', key)) continue;
    await tx.put('syncState', { key, edit, dismissed: false } satisfies StoredLostEdit);
  }
}

export { storeLostEdits };

export async function applyPullPage(records: Records, page: PullResponse, today: string, onCorrupt: CorruptHandler = () => undefined): Promise<void> {
  await records.write(ALL_STORES, async (tx) => {
    const state: PageState = { touched: new Set(), invoiceBase: new Map(), newPayments: [], pending: await pendingEdits(tx), onCorrupt };
    for (const row of page.records) await applyRecord(tx, row, state);
    for (const debtorId of state.touched) {
      if (!(await tx.has('debtors', debtorId))) continue;
      await rederiveInvoices(tx, debtorId, state);
      await refreshPromises(tx, debtorId, today, onCorrupt);
      await recomputeSummary(tx, debtorId, onCorrupt);
    }
    const previous = (await tx.get('syncState', 'checkpoint')) as PullCheckpoint | undefined;
    await tx.put('syncState', { ...previous, key: 'checkpoint', cookie: page.cookie } satisfies PullCheckpoint);
    await storeLostEdits(tx, page.conflicts);
  });
}
