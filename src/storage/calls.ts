/**
 * The calls in progress, and the two ways a call leaves the `calls` store: its outcome committed into the
 * dossier, or (when its snapshot cannot resume) its notes and captures recovered into the timeline. Each is
 * one transaction, so a call is never both in progress and recorded, nor lost between the two.
 *
 * Loaded on demand by the store (only the call screen and the resume banner need it), so none of it weighs
 * on the first load.
 */
import { applyInvoiceChange, type CallOutcome, type ContactChange, type InvoiceDisputeChange } from '../domain/call/outcome';
import {
  Activity as ActivitySchema,
  Contact as ContactSchema,
  Invoice as InvoiceSchema,
  PaymentPlan as PlanSchema,
  PaymentPromise as PromiseSchema,
  Task as TaskSchema,
  type Activity,
  type Contact,
  type Invoice,
  type PaymentPlan,
} from '../domain/entities';
import { toStoredInvoice } from './bundles';
import { checkPlan, invalid as invalidPlan } from './plans';
import { validateCallForWrite, validateRescuedCall, readCall } from './call-records';
import { readRecords, readRequired, validateForWrite, type CorruptHandler } from './codec';
import type { CadenceDatabase } from './db';
import { StorageError } from './errors';
import type { CadenceStoreName, StoredCall } from './schema';
import { recomputeSummary, requireDebtor, type SummaryTransaction } from './summaries';
import { commitOrAbort } from './tx';

// The agent was told "saved": the write must survive a crash of the browser, not only of the tab.
const DURABLE = { durability: 'strict' } as const;

const OUTCOME_STORES: CadenceStoreName[] = ['debtors', 'contacts', 'invoices', 'activities', 'promises', 'tasks', 'summaries', 'calls', 'plans'];

function belongsTo(store: string, record: { id: string; debtorId: string }, debtorId: string): void {
  if (record.debtorId !== debtorId) {
    throw new StorageError('invalid', `Record ${record.id} of ${store} belongs to ${record.debtorId}, not ${debtorId}`, {
      store,
      key: record.id,
      issues: [{ path: 'debtorId', message: `Expected ${debtorId}` }],
    });
  }
}

async function requireCall(tx: SummaryTransaction, callId: string): Promise<void> {
  // A call already committed (by another tab, or twice) must not write its outcome a second time.
  if ((await tx.objectStore('calls').getKey(callId)) === undefined) {
    throw new StorageError('not_found', `No call in progress with id ${callId}`, { store: 'calls', key: callId });
  }
}

export async function saveCall(db: CadenceDatabase, record: unknown): Promise<void> {
  const valid = validateCallForWrite(record);
  await commitOrAbort(db.transaction('calls', 'readwrite', DURABLE), async (tx) => {
    // Commit now rather than after the put's result comes back: a save started on pagehide must reach disk
    // before the tab is torn down (reliability R3, R10).
    const put = tx.store.put(valid);
    tx.commit();
    await put;
  });
}

/**
 * Puts back a call that was kept aside while IndexedDB refused it. A newer save already in the store wins
 * (another tab went on with the call): then nothing is written and the answer is `stale`.
 */
export async function restoreCall(db: CadenceDatabase, record: unknown): Promise<'restored' | 'stale'> {
  const valid = validateRescuedCall(record);
  let answer: 'restored' | 'stale' = 'stale';
  await commitOrAbort(db.transaction('calls', 'readwrite', DURABLE), async (tx) => {
    const stored: unknown = await tx.store.get(valid.callId);
    const storedAt = readCall(stored, () => undefined)?.updatedAt;
    if (storedAt !== undefined && storedAt >= valid.updatedAt) return;
    await tx.store.put(valid);
    answer = 'restored';
  });
  return answer;
}

export async function getCall(db: CadenceDatabase, callId: string, onCorrupt?: CorruptHandler): Promise<StoredCall | undefined> {
  const raw: unknown = await db.get('calls', callId);
  return raw === undefined ? undefined : readCall(raw, onCorrupt);
}

/** Newest first: the call the agent most likely means to resume leads. */
export async function activeCalls(db: CadenceDatabase, debtorId?: string, onCorrupt?: CorruptHandler): Promise<StoredCall[]> {
  const raws: unknown[] = debtorId === undefined ? await db.getAll('calls') : await db.getAllFromIndex('calls', 'debtorId', debtorId);
  const calls: StoredCall[] = [];
  for (const raw of raws) {
    const call = readCall(raw, onCorrupt);
    if (call) calls.push(call);
  }
  return calls.sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt));
}

async function applyInvoiceChanges(tx: SummaryTransaction, debtorId: string, changes: InvoiceDisputeChange[]): Promise<void> {
  const store = tx.objectStore('invoices');
  for (const change of changes) {
    const raw = await store.get(change.invoiceId);
    if (raw === undefined) throw new StorageError('not_found', `Unknown invoice ${change.invoiceId}`, { store: 'invoices', key: change.invoiceId });
    const invoice = readRequired<Invoice>(InvoiceSchema, 'invoices', raw);
    belongsTo('invoices', invoice, debtorId);
    await store.put(toStoredInvoice(validateForWrite(InvoiceSchema, 'invoices', applyInvoiceChange(invoice, change))));
  }
}

/** A new preferred contact takes the flag from every other contact of the debtor: one person to call first. */
async function applyContactChanges(tx: SummaryTransaction, debtorId: string, changes: ContactChange[]): Promise<void> {
  const store = tx.objectStore('contacts');
  for (const change of changes) {
    if (change.kind === 'update') {
      const raw = await store.get(change.contactId);
      if (raw === undefined) throw new StorageError('not_found', `Unknown contact ${change.contactId}`, { store: 'contacts', key: change.contactId });
      const contact = readRequired<Contact>(ContactSchema, 'contacts', raw);
      belongsTo('contacts', contact, debtorId);
      await store.put(validateForWrite(ContactSchema, 'contacts', { ...contact, ...change.patch }));
      continue;
    }
    const created = validateForWrite(ContactSchema, 'contacts', change.contact);
    belongsTo('contacts', created, debtorId);
    await store.put(created);
    if (!created.preferred) continue;
    const others = readRecords<Contact>(ContactSchema, 'contacts', await store.index('debtorId').getAll(debtorId));
    for (const other of others) {
      if (other.id !== created.id && other.preferred) await store.put({ ...other, preferred: false });
    }
  }
}

/** A plan offered on the call: proposed (never decided), checked like any plan, and new. */
function validCallPlan(outcome: CallOutcome, debtorId: string): PaymentPlan | null {
  if (!outcome.plan) return null;
  const plan = validateForWrite(PlanSchema, 'plans', outcome.plan);
  belongsTo('plans', plan, debtorId);
  if (plan.status !== 'proposed' || plan.decidedAt !== undefined || plan.decidedBy !== undefined) {
    throw invalidPlan(plan.id, 'status', 'a plan from a call is proposed, not yet decided');
  }
  checkPlan(plan);
  return plan;
}

/**
 * Writes an ended call's outcome — activity, promise, tasks, payment-plan proposal, disputed invoices, contact
 * changes — rebuilds the debtor's summary and deletes the call in progress, all in one transaction: all of it,
 * or nothing (a plan the store refuses leaves the call in progress, to commit again).
 */
export async function commitCallOutcome(db: CadenceDatabase, callId: string, outcome: CallOutcome, onCorrupt?: CorruptHandler): Promise<void> {
  const activity = validateForWrite(ActivitySchema, 'activities', outcome.activity);
  const debtorId = activity.debtorId;
  const promise = outcome.promise ? validateForWrite(PromiseSchema, 'promises', outcome.promise) : null;
  const tasks = outcome.tasks.map((t) => validateForWrite(TaskSchema, 'tasks', t));
  if (promise) belongsTo('promises', promise, debtorId);
  for (const t of tasks) belongsTo('tasks', t, debtorId);
  const plan = validCallPlan(outcome, debtorId);
  await commitOrAbort(db.transaction(OUTCOME_STORES, 'readwrite', DURABLE), async (tx) => {
    await requireCall(tx, callId);
    await requireDebtor(tx, debtorId);
    await tx.objectStore('activities').put(activity);
    if (promise) await tx.objectStore('promises').put(promise);
    for (const t of tasks) await tx.objectStore('tasks').put(t);
    if (plan) {
      if ((await tx.objectStore('plans').getKey(plan.id)) !== undefined) throw invalidPlan(plan.id, 'id', 'already exists');
      await tx.objectStore('plans').put(plan);
    }
    await applyInvoiceChanges(tx, debtorId, outcome.invoiceChanges);
    await applyContactChanges(tx, debtorId, outcome.contactChanges);
    await recomputeSummary(tx, debtorId, onCorrupt);
    await tx.objectStore('calls').delete(callId);
  });
}

/** Saves what a call that cannot resume still holds (see recoveredActivity) and closes it, in one transaction. */
export async function recoverCall(db: CadenceDatabase, callId: string, activity: Activity, onCorrupt?: CorruptHandler): Promise<void> {
  const valid = validateForWrite(ActivitySchema, 'activities', activity);
  await commitOrAbort(db.transaction(OUTCOME_STORES, 'readwrite', DURABLE), async (tx) => {
    await requireCall(tx, callId);
    await requireDebtor(tx, valid.debtorId);
    await tx.objectStore('activities').put(valid);
    await recomputeSummary(tx, valid.debtorId, onCorrupt);
    await tx.objectStore('calls').delete(callId);
  });
}

/** Drops a call in progress that holds nothing worth keeping (unreadable, or recovered empty). */
export async function discardCall(db: CadenceDatabase, callId: string): Promise<void> {
  await commitOrAbort(db.transaction('calls', 'readwrite', DURABLE), async (tx) => {
    await tx.store.delete(callId);
  });
}
