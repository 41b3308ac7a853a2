/**
 * What an ended call leaves in the dossier: one call activity, plus the promise, tasks, disputed invoices
 * and contact changes to write in the same transaction (issue 3, "Outcome"). Pure: ids come from the
 * injected generator, dates from the call's own clock.
 */
import { nextBusinessDay } from '../calendar/businessDays';
import {
  ACTIVITY_SCHEMA_VERSION,
  CONTACT_SCHEMA_VERSION,
  PROMISE_SCHEMA_VERSION,
  TASK_SCHEMA_VERSION,
  type Activity,
  type Contact,
  type Invoice,
  type PaymentPromise,
  type Task,
} from '../entities';
import type { CallBack, CallContext, CallEnding, Captures, Commitment, ContactCheck, DelayReason } from './context';
import type { StepId } from './steps';

/** `details` of the call activity: everything the timeline, the recap and the KPIs read back. */
// A type alias, not an interface: Activity.details is a Record, and only aliases are assignable to one.
export type CallActivityDetails = {
  callId: string;
  ending: CallEnding;
  /** Where the call ended: the step on screen when it was cut off, refused, or finished. */
  endedAtStep: StepId;
  reason: DelayReason | null;
  commitment: Commitment | null;
  /** A payment plan is only the debtor's offer until the team lead approves it. */
  planStatus: 'awaiting_approval' | null;
  contactCheck: ContactCheck | null;
  captures: Captures;
  startedAt: string;
  endedAt: string;
  durationSeconds: number;
  scriptId: string;
  scriptVersion: number;
};

export interface InvoiceDisputeChange {
  invoiceId: string;
  status: 'disputed';
  disputeReason: string;
}

export type ContactChange =
  | { kind: 'update'; contactId: string; patch: Pick<Contact, 'name' | 'role' | 'phone' | 'email'> }
  /** A new person to call; `preferred: true`, so the writer clears the flag on the debtor's other contacts. */
  | { kind: 'create'; contact: Contact };

export interface CallOutcome {
  activity: Activity & { details: CallActivityDetails };
  promise: PaymentPromise | null;
  tasks: Task[];
  invoiceChanges: InvoiceDisputeChange[];
  contactChanges: ContactChange[];
}

function task(context: CallContext, newId: () => string, kind: Task['kind'], dueDate: string, note = '', time?: string): Task {
  const base: Task = { schemaVersion: TASK_SCHEMA_VERSION, id: newId(), debtorId: context.debtorId, kind, dueDate, note, done: false };
  return time ? { ...base, dueTime: time } : base;
}

function callBackTask(context: CallContext, newId: () => string, callBack: CallBack, note = ''): Task {
  return task(context, newId, 'call_back', callBack.date, note, callBack.time);
}

function endingTasks(context: CallContext, ending: CallEnding, newId: () => string): Task[] {
  switch (ending.type) {
    case 'wrong_person':
      return [callBackTask(context, newId, ending.callBack, [ending.contact.name, ending.contact.phone].filter(Boolean).join(' · '))];
    case 'cut_off':
    case 'call_back_requested':
      return [callBackTask(context, newId, ending.callBack)];
    case 'no_answer':
    case 'voicemail':
      return [task(context, newId, 'retry_call', nextBusinessDay(context.today))];
    case 'plan_request':
      // Seed 000, conseil 7: take time to weigh the offer, then give the debtor an answer.
      return [task(context, newId, 'reminder', nextBusinessDay(context.today))];
    default:
      return [];
  }
}

function contactChanges(context: CallContext, ending: CallEnding, newId: () => string): ContactChange[] {
  const create = (c: { name: string; role: Contact['role']; phone: string; email: string }): ContactChange => ({
    kind: 'create',
    contact: { schemaVersion: CONTACT_SCHEMA_VERSION, id: newId(), debtorId: context.debtorId, ...c, preferred: true },
  });
  const changes: ContactChange[] = [];
  if (context.contactCheck?.status === 'corrected') {
    const c = context.contactCheck.contact;
    changes.push(
      context.contactId
        ? { kind: 'update', contactId: context.contactId, patch: { name: c.name, role: c.role, phone: c.phone, email: c.email } }
        : create(c),
    );
  }
  if (ending.type === 'wrong_person') changes.push(create({ ...ending.contact, email: '' }));
  return changes;
}

/**
 * The records an ended call writes. A promise is written whenever it was restated and confirmed, even if
 * the line then dropped: the debtor committed. Throws on a call that has not ended (a programming error).
 */
export function callOutcome(context: CallContext, endedAt: string, newId: () => string): CallOutcome {
  const ending = context.ending;
  if (!ending) throw new Error(`Call ${context.callId} has not ended`);
  const commitment = context.commitment;
  const durationSeconds = Math.max(0, Math.round((Date.parse(endedAt) - Date.parse(context.startedAt)) / 1000));
  const details: CallActivityDetails = {
    callId: context.callId,
    ending,
    endedAtStep: context.step,
    reason: context.reason,
    commitment,
    planStatus: commitment?.kind === 'plan' ? 'awaiting_approval' : null,
    contactCheck: context.contactCheck,
    captures: context.captures,
    startedAt: context.startedAt,
    endedAt,
    durationSeconds,
    scriptId: context.scriptId,
    scriptVersion: context.scriptVersion,
  };
  const activity = {
    schemaVersion: ACTIVITY_SCHEMA_VERSION,
    id: newId(),
    debtorId: context.debtorId,
    type: 'call',
    at: endedAt,
    outcome: ending.type,
    summary: context.notes.trim(),
    agent: context.agentName,
    details,
  } satisfies Activity & { details: CallActivityDetails };

  const promised = commitment?.kind === 'promise' && commitment.restatedConfirmed ? commitment : null;
  const promise: PaymentPromise | null = promised
    ? {
        schemaVersion: PROMISE_SCHEMA_VERSION,
        id: newId(),
        debtorId: context.debtorId,
        ...(context.contactId ? { contactId: context.contactId } : {}),
        createdAt: endedAt,
        amountCents: promised.amountCents,
        dueDate: promised.date,
        means: promised.means,
        invoiceIds: [...promised.invoiceIds],
        status: 'pending',
        paidCents: 0,
      }
    : null;

  const tasks = endingTasks(context, ending, newId);
  if (promise) tasks.push(task(context, newId, 'check_promise', promise.dueDate));

  const invoiceChanges: InvoiceDisputeChange[] =
    commitment?.kind === 'dispute'
      ? commitment.invoiceIds.map((invoiceId) => ({ invoiceId, status: 'disputed', disputeReason: commitment.why.trim() }))
      : [];

  return { activity, promise, tasks, invoiceChanges, contactChanges: contactChanges(context, ending, newId) };
}

export function applyInvoiceChange(invoice: Invoice, change: InvoiceDisputeChange): Invoice {
  return { ...invoice, status: change.status, disputeReason: change.disputeReason };
}
