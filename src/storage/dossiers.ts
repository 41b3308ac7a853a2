/**
 * One debtor's dossier: read whole, and its records written one at a time (each write that changes what the
 * debtor owes or what was done about it rebuilds the debtor's summary in the same transaction). Loaded on
 * demand by the store: the worklist, the first screen, reads summaries only.
 */
import type { DebtorBundle } from '../domain/bundle';
import {
  Activity as ActivitySchema,
  Contact as ContactSchema,
  Debtor as DebtorSchema,
  Invoice as InvoiceSchema,
  PaymentPromise as PromiseSchema,
  Task as TaskSchema,
  type Activity,
  type Contact,
  type Debtor,
  type Invoice,
  type PaymentPromise,
  type Task,
} from '../domain/entities';
import { toStoredInvoice } from './bundles';
import { readRecords, readRequired, validateForWrite, type CorruptHandler } from './codec';
import type { CadenceDatabase } from './db';
import { StorageError } from './errors';
import type { StoredInvoice } from './schema';
import { SUMMARY_SOURCES, recomputeSummary, requireDebtor } from './summaries';
import { commitOrAbort } from './tx';

/** What each per-debtor store holds, as written. */
interface DebtorRecords {
  invoices: StoredInvoice;
  activities: Activity;
  promises: PaymentPromise;
  tasks: Task;
}

const byDueDate = <T extends { dueDate: string }>(a: T, b: T): number => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0);

export async function getDossier(db: CadenceDatabase, debtorId: string, onCorrupt?: CorruptHandler): Promise<DebtorBundle | undefined> {
  const tx = db.transaction(['debtors', 'contacts', 'invoices', 'activities', 'promises', 'tasks']);
  const range = IDBKeyRange.bound([debtorId, ''], [debtorId, '\uffff']);
  const [rawDebtor, contacts, invoices, activities, promises, tasks] = await Promise.all([
    tx.objectStore('debtors').get(debtorId),
    tx.objectStore('contacts').index('debtorId').getAll(debtorId),
    tx.objectStore('invoices').index('debtorId').getAll(debtorId),
    tx.objectStore('activities').index('debtorId_at').getAll(range),
    tx.objectStore('promises').index('debtorId').getAll(debtorId),
    tx.objectStore('tasks').index('debtorId').getAll(debtorId),
  ]);
  if (rawDebtor === undefined) return undefined;
  const debtor = readRequired<Debtor>(DebtorSchema, 'debtors', rawDebtor);
  const timeline = readRecords<Activity>(ActivitySchema, 'activities', activities, onCorrupt);
  // The index orders instants as text; offsets other than Z need a real time comparison.
  timeline.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return {
    debtor,
    contacts: readRecords<Contact>(ContactSchema, 'contacts', contacts, onCorrupt),
    invoices: readRecords<Invoice>(InvoiceSchema, 'invoices', invoices, onCorrupt).sort(byDueDate),
    activities: timeline,
    promises: readRecords<PaymentPromise>(PromiseSchema, 'promises', promises, onCorrupt).sort(byDueDate),
    tasks: readRecords<Task>(TaskSchema, 'tasks', tasks, onCorrupt).sort(byDueDate),
  };
}

/** Puts one debtor record and rebuilds the summary of its debtor (and of its former debtor if it moved). */
function putDebtorRecord<S extends keyof DebtorRecords>(db: CadenceDatabase, store: S, record: DebtorRecords[S], onCorrupt?: CorruptHandler): Promise<void> {
  return commitOrAbort(db.transaction([...SUMMARY_SOURCES], 'readwrite'), async (tx) => {
    await requireDebtor(tx, record.debtorId);
    const objectStore = tx.objectStore(store);
    // Read as unknown: the previous version may predate today's schema.
    const previous: unknown = await objectStore.get(record.id);
    await objectStore.put(record);
    await recomputeSummary(tx, record.debtorId, onCorrupt);
    const previousOwner = typeof previous === 'object' && previous !== null ? (previous as { debtorId?: unknown }).debtorId : undefined;
    if (typeof previousOwner === 'string' && previousOwner !== record.debtorId) {
      await recomputeSummary(tx, previousOwner, onCorrupt);
    }
  });
}

export async function putContact(db: CadenceDatabase, contact: Contact): Promise<void> {
  const valid = validateForWrite(ContactSchema, 'contacts', contact);
  await commitOrAbort(db.transaction(['debtors', 'contacts'], 'readwrite'), async (tx) => {
    if ((await tx.objectStore('debtors').getKey(valid.debtorId)) === undefined) {
      throw new StorageError('not_found', `Unknown debtor ${valid.debtorId}`, { store: 'debtors', key: valid.debtorId });
    }
    await tx.objectStore('contacts').put(valid);
  });
}

export async function putInvoice(db: CadenceDatabase, invoice: Invoice, onCorrupt?: CorruptHandler): Promise<void> {
  const valid = validateForWrite(InvoiceSchema, 'invoices', invoice);
  await putDebtorRecord(db, 'invoices', toStoredInvoice(valid), onCorrupt);
}

export const addActivity = (db: CadenceDatabase, activity: Activity, onCorrupt?: CorruptHandler): Promise<void> =>
  putDebtorRecord(db, 'activities', validateForWrite(ActivitySchema, 'activities', activity), onCorrupt);

export const putPromise = (db: CadenceDatabase, promise: PaymentPromise, onCorrupt?: CorruptHandler): Promise<void> =>
  putDebtorRecord(db, 'promises', validateForWrite(PromiseSchema, 'promises', promise), onCorrupt);

export const putTask = (db: CadenceDatabase, task: Task, onCorrupt?: CorruptHandler): Promise<void> =>
  putDebtorRecord(db, 'tasks', validateForWrite(TaskSchema, 'tasks', task), onCorrupt);
