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
  ContactForWrite,
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
import { StorageError } from './errors';
import type { Records, RecordTx } from './records';
import { DURABLE } from './tx';
import type { CadenceStoreName, StoredCall } from './schema';
import { recomputeSummary, requireDebtor } from './summaries';
// The agent was told "saved": every write here is durable, it must survive a crash of the browser.

const OUTCOME_STORES: CadenceStoreName[] = ['debtors', 'contacts', 'invoices', 'activities', 'promises', 'tasks', 'summaries', 'kpiDigests', 'calls', 'plans'];

function belongsTo(store: string, record: { id: string; debtorId: string }, debtorId: string): void {
  if (record.debtorId !== debtorId) {
    throw new StorageError('invalid', `Record ${record.id} of ${store} belongs to ${record.debtorId}, not ${debtorId}`, {
      store,
      key: record.id,
      issues: [{ path: 'debtorId', message: `Expected ${debtorId}` }],
    });
  }
}

async function requireCall(tx: RecordTx, callId: string): Promise<void> {
  // A call already committed (by another tab, or twice) must not write its outcome a second time.
  if (!(await tx.has('calls', callId))) {
    throw new StorageError('not_found', `No call in progress with id ${callId}`, { store: 'calls', key: callId });
  }
}

export async function saveCall(records: Records, record: unknown): Promise<void> {
  // Committed at once: a save started on pagehide must reach disk before the tab is torn down.
  await records.putNow('calls', validateCallForWrite(record));
}

/**
 * Puts back a call that was kept aside while IndexedDB refused it. A newer save already in the store wins
 * (another tab went on with the call): then nothing is written and the answer is `stale`.
 */
export function restoreCall(records: Records, record: unknown): Promise<'restored' | 'stale'> {
  const valid = validateRescuedCall(record);
  return records.write(
    ['calls'],
    async (tx) => {
      const stored: unknown = await tx.get('calls', valid.callId);
      const storedAt = readCall(stored, () => undefined)?.updatedAt;
      if (storedAt !== undefined && storedAt >= valid.updatedAt) return 'stale';
      await tx.put('calls', valid);
      return 'restored';
    },
    DURABLE,
  );
}

export async function getCall(records: Records, callId: string, onCorrupt?: CorruptHandler): Promise<StoredCall | undefined> {
  const raw = await records.read(['calls'], (tx) => tx.get('calls', callId));
  return raw === undefined ? undefined : readCall(raw, onCorrupt);
}

async function applyInvoiceChanges(tx: RecordTx, debtorId: string, changes: InvoiceDisputeChange[]): Promise<void> {
  for (const change of changes) {
    const raw = await tx.get('invoices', change.invoiceId);
    if (raw === undefined) throw new StorageError('not_found', `Unknown invoice ${change.invoiceId}`, { store: 'invoices', key: change.invoiceId });
    const invoice = readRequired<Invoice>(InvoiceSchema, 'invoices', raw);
    belongsTo('invoices', invoice, debtorId);
    await tx.put('invoices', toStoredInvoice(validateForWrite(InvoiceSchema, 'invoices', applyInvoiceChange(invoice, change))));
  }
}

/** A new preferred contact takes the flag from every other contact of the debtor: one person to call first. */
async function applyContactChanges(tx: RecordTx, debtorId: string, changes: ContactChange[]): Promise<void> {
  for (const change of changes) {
    if (change.kind === 'update') {
      const raw = await tx.get('contacts', change.contactId);
      if (raw === undefined) throw new StorageError('not_found', `Unknown contact ${change.contactId}`, { store: 'contacts', key: change.contactId });
      const contact = readRequired<Contact>(ContactSchema, 'contacts', raw);
      belongsTo('contacts', contact, debtorId);
      await tx.put('contacts', validateForWrite(ContactForWrite, 'contacts', { ...contact, ...change.patch }));
      continue;
    }
    const created = validateForWrite(ContactForWrite, 'contacts', change.contact);
    belongsTo('contacts', created, debtorId);
    await tx.put('contacts', created);
    if (!created.preferred) continue;
    const others = readRecords<Contact>(ContactSchema, 'contacts', await tx.byDebtor('contacts', debtorId));
    for (const other of others) {
      if (other.id !== created.id && other.preferred) await tx.put('contacts', { ...other, preferred: false });
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
export async function commitCallOutcome(records: Records, callId: string, outcome: CallOutcome, onCorrupt?: CorruptHandler): Promise<void> {
  const activity = validateForWrite(ActivitySchema, 'activities', outcome.activity);
  const debtorId = activity.debtorId;
  const promise = outcome.promise ? validateForWrite(PromiseSchema, 'promises', outcome.promise) : null;
  const tasks = outcome.tasks.map((t) => validateForWrite(TaskSchema, 'tasks', t));
  if (promise) belongsTo('promises', promise, debtorId);
  for (const t of tasks) belongsTo('tasks', t, debtorId);
  const plan = validCallPlan(outcome, debtorId);
  await records.write(
    OUTCOME_STORES,
    async (tx) => {
      await requireCall(tx, callId);
      await requireDebtor(tx, debtorId);
      await tx.put('activities', activity);
      if (promise) await tx.put('promises', promise);
      for (const t of tasks) await tx.put('tasks', t);
      if (plan) {
        if (await tx.has('plans', plan.id)) throw invalidPlan(plan.id, 'id', 'already exists');
        await tx.put('plans', plan);
      }
      await applyInvoiceChanges(tx, debtorId, outcome.invoiceChanges);
      await applyContactChanges(tx, debtorId, outcome.contactChanges);
      await recomputeSummary(tx, debtorId, onCorrupt);
      await tx.delete('calls', callId);
    },
    DURABLE,
  );
}

/** Saves what a call that cannot resume still holds (see recoveredActivity) and closes it, in one transaction. */
export async function recoverCall(records: Records, callId: string, activity: Activity, onCorrupt?: CorruptHandler): Promise<void> {
  const valid = validateForWrite(ActivitySchema, 'activities', activity);
  await records.write(
    OUTCOME_STORES,
    async (tx) => {
      await requireCall(tx, callId);
      await requireDebtor(tx, valid.debtorId);
      await tx.put('activities', valid);
      await recomputeSummary(tx, valid.debtorId, onCorrupt);
      await tx.delete('calls', callId);
    },
    DURABLE,
  );
}

/** Drops a call in progress that holds nothing worth keeping (unreadable, or recovered empty). */
export async function discardCall(records: Records, callId: string): Promise<void> {
  await records.write(['calls'], (tx) => tx.delete('calls', callId), DURABLE);
}
