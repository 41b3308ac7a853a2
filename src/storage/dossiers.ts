/**
 * One debtor's dossier: read whole, and its records written one at a time (each write that changes what the
 * debtor owes or what was done about it rebuilds the debtor's summary in the same transaction). Loaded on
 * demand by the store: the worklist, the first screen, reads summaries only.
 */
import type { DebtorBundle } from '../domain/bundle';
import {
  Activity as ActivitySchema,
  Contact as ContactSchema,
  ContactForWrite,
  Debtor as DebtorSchema,
  Invoice as InvoiceSchema,
  PaymentPromise as PromiseSchema,
  Task as TaskSchema,
  type Activity,
  type Contact,
  type Debtor,
  type DebtorKind,
  type Invoice,
  type PaymentPromise,
  type SegmentOverride,
  type Settings,
  type Task,
  SegmentOverride as SegmentOverrideSchema,
} from '../domain/entities';
import { toStoredInvoice } from './bundles';
import { readRecords, readRequired, validateForWrite, type CorruptHandler } from './codec';
import { StorageError } from './errors';
import type { Records } from './records';
import type { StoredInvoice } from './schema';
import { SUMMARY_SOURCES, recomputeSummary, requireDebtor } from './summaries';

/** What each per-debtor store holds, as written. */
interface DebtorRecords {
  invoices: StoredInvoice;
  activities: Activity;
  promises: PaymentPromise;
  tasks: Task;
}

const byDueDate = <T extends { dueDate: string }>(a: T, b: T): number => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0);

/** The timeline in time order; instants in the same millisecond keep the order IndexedDB's `debtorId_at` index gives. */
function byInstant(a: Activity, b: Activity): number {
  return Date.parse(a.at) - Date.parse(b.at) || (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function getDossier(records: Records, debtorId: string, onCorrupt?: CorruptHandler): Promise<DebtorBundle | undefined> {
  return records.read(['debtors', 'contacts', 'invoices', 'activities', 'promises', 'tasks'], async (tx) => {
    const [rawDebtor, contacts, invoices, activities, promises, tasks] = await Promise.all([
      tx.get('debtors', debtorId),
      tx.byDebtor('contacts', debtorId),
      tx.byDebtor('invoices', debtorId),
      tx.byDebtor('activities', debtorId),
      tx.byDebtor('promises', debtorId),
      tx.byDebtor('tasks', debtorId),
    ]);
    if (rawDebtor === undefined) return undefined;
    const debtor = readRequired<Debtor>(DebtorSchema, 'debtors', rawDebtor);
    // Instants are compared as times, not text: offsets other than Z order differently as text.
    const timeline = readRecords<Activity>(ActivitySchema, 'activities', activities, onCorrupt).sort(byInstant);
    return {
      debtor,
      contacts: readRecords<Contact>(ContactSchema, 'contacts', contacts, onCorrupt),
      invoices: readRecords<Invoice>(InvoiceSchema, 'invoices', invoices, onCorrupt).sort(byDueDate),
      activities: timeline,
      promises: readRecords<PaymentPromise>(PromiseSchema, 'promises', promises, onCorrupt).sort(byDueDate),
      tasks: readRecords<Task>(TaskSchema, 'tasks', tasks, onCorrupt).sort(byDueDate),
    };
  });
}

/** Puts one debtor record and rebuilds the summary of its debtor (and of its former debtor if it moved). */
function putDebtorRecord<S extends keyof DebtorRecords>(records: Records, store: S, record: DebtorRecords[S], onCorrupt?: CorruptHandler): Promise<void> {
  return records.write(SUMMARY_SOURCES, async (tx) => {
    await requireDebtor(tx, record.debtorId);
    // Read as unknown: the previous version may predate today's schema.
    const previous: unknown = await tx.get(store, record.id);
    await tx.put(store, record);
    await recomputeSummary(tx, record.debtorId, onCorrupt);
    const previousOwner = typeof previous === 'object' && previous !== null ? (previous as { debtorId?: unknown }).debtorId : undefined;
    if (typeof previousOwner === 'string' && previousOwner !== record.debtorId) {
      await recomputeSummary(tx, previousOwner, onCorrupt);
    }
  });
}

export async function putContact(records: Records, contact: Contact): Promise<void> {
  const valid = validateForWrite(ContactForWrite, 'contacts', contact);
  await records.write(['debtors', 'contacts'], async (tx) => {
    if (!(await tx.has('debtors', valid.debtorId))) {
      throw new StorageError('not_found', `Unknown debtor ${valid.debtorId}`, { store: 'debtors', key: valid.debtorId });
    }
    await tx.put('contacts', valid);
  });
}

export async function putInvoice(records: Records, invoice: Invoice, onCorrupt?: CorruptHandler): Promise<void> {
  const valid = validateForWrite(InvoiceSchema, 'invoices', invoice);
  await putDebtorRecord(records, 'invoices', toStoredInvoice(valid), onCorrupt);
}

export const addActivity = (records: Records, activity: Activity, onCorrupt?: CorruptHandler): Promise<void> =>
  putDebtorRecord(records, 'activities', validateForWrite(ActivitySchema, 'activities', activity), onCorrupt);

export const putPromise = (records: Records, promise: PaymentPromise, onCorrupt?: CorruptHandler): Promise<void> =>
  putDebtorRecord(records, 'promises', validateForWrite(PromiseSchema, 'promises', promise), onCorrupt);

export const putTask = (records: Records, task: Task, onCorrupt?: CorruptHandler): Promise<void> =>
  putDebtorRecord(records, 'tasks', validateForWrite(TaskSchema, 'tasks', task), onCorrupt);

/** What a team lead decides about a debtor's history segment: a segment with its reason, or `null` to remove it. */
export interface SegmentOverrideChange {
  segment: SegmentOverride['segment'] | null;
  reason: string;
  by: { name: string; role: Settings['role'] };
  /** The instant of the decision (ISO with offset); also the debtor's `updatedAt`. */
  at: string;
}

/**
 * Sets or removes a debtor's segment override, with its author, date and reason, and rebuilds the summary in
 * the same transaction (the worklist priority reads it). Only a team lead may: any other role is refused with
 * `forbidden` before anything is read, whatever the screen showed.
 */
export async function setSegmentOverride(records: Records, debtorId: string, change: SegmentOverrideChange, onCorrupt?: CorruptHandler): Promise<void> {
  if (change.by.role !== 'lead') {
    throw new StorageError('forbidden', `Role ${change.by.role} may not override a segment`, { store: 'debtors', key: debtorId });
  }
  const override =
    change.segment === null
      ? undefined
      : validateForWrite(SegmentOverrideSchema, 'debtors', { segment: change.segment, by: change.by.name.trim(), at: change.at, reason: change.reason.trim() });
  await records.write(SUMMARY_SOURCES, async (tx) => {
    const { segmentOverride: _previous, ...rest } = await requireDebtor(tx, debtorId);
    const next: Debtor = override ? { ...rest, segmentOverride: override, updatedAt: change.at } : { ...rest, updatedAt: change.at };
    await tx.put('debtors', validateForWrite(DebtorSchema, 'debtors', next));
    await recomputeSummary(tx, debtorId, onCorrupt);
  });
}

/**
 * Says whether the debtor is a business or a consumer (« particulier »): French late-payment law treats them
 * apart (no B2B penalties nor 40 € indemnity for a consumer), so penalties and letters follow it. Any role may:
 * it is a fact about the debtor, not a decision. The summary is rebuilt in the same transaction; on a team the
 * outbox turns the write into a `debtor.update` of `kind`. Unchanged kind: nothing is written.
 */
export async function setDebtorKind(records: Records, debtorId: string, kind: DebtorKind, at: string, onCorrupt?: CorruptHandler): Promise<void> {
  await records.write(SUMMARY_SOURCES, async (tx) => {
    const debtor = await requireDebtor(tx, debtorId);
    if (debtor.kind === kind) return;
    await tx.put('debtors', validateForWrite(DebtorSchema, 'debtors', { ...debtor, kind, updatedAt: at }));
    await recomputeSummary(tx, debtorId, onCorrupt);
  });
}
