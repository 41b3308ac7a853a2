/**
 * The recap email's input, built from a committed call and the dossier (seed 001, "envoi d'un courrier ou
 * email rappelant les engagements pris par téléphone"): the person who committed, the call's date, the
 * reason, the commitments, the invoices concerned, what happens next, the agent's signature; in the
 * debtor's language. The text itself is domain/drafts/recapEmail.ts.
 */
import type { DebtorBundle } from '../../../domain/bundle';
import { callContact } from '../../../domain/call/facts';
import { CALL_PLAN_MEANS } from '../../../domain/call/outcome-plan';
import { toWallTime } from '../../../domain/calendar/zonedTime';
import type { DraftInvoice } from '../../../domain/drafts/common';
import type { RecapCommitment, RecapEmailInput, RecapNextStep } from '../../../domain/drafts/recapEmail';
import type { Invoice, PaymentPlan } from '../../../domain/entities';
import { outstandingCents } from '../../../domain/payments/allocation';
import { concernedInvoices } from '../../../domain/payments/balance';
import type { RecapCall, RecapFollowUp } from '../../../domain/call/recap-call';

export interface RecapRecipient {
  name: string;
  email: string;
}

export interface RecapDraftInput {
  email: RecapEmailInput;
  to: RecapRecipient;
  /** The send_recap task this call booked, to mark done once the recap is sent. */
  recapTaskId: string | null;
}

/** The person who committed: as corrected on the call, else the one dialled, else the dossier's first choice. */
export function recapRecipient(call: RecapCall, bundle: Pick<DebtorBundle, 'contacts' | 'debtor'>): RecapRecipient {
  if (call.contactCheck?.status === 'corrected') return { name: call.contactCheck.contact.name, email: call.contactCheck.contact.email };
  const contact = bundle.contacts.find((c) => c.id === call.contactId) ?? callContact(bundle.contacts);
  // Without a contact the company is greeted: the agent edits the greeting if they learnt a name.
  return contact ? { name: contact.name, email: contact.email } : { name: bundle.debtor.name, email: '' };
}

function draftInvoice(i: Invoice): DraftInvoice {
  return {
    number: i.number,
    issueDate: i.issueDate,
    dueDate: i.dueDate,
    label: i.label,
    amountExclVatCents: i.amountExclVatCents,
    amountInclVatCents: i.amountInclVatCents,
    outstandingCents: outstandingCents(i),
  };
}

/** The invoices a commitment names; when it names none, those overdue on the day of the call. */
function invoicesOfCall(call: RecapCall, invoices: readonly Invoice[], plan: PaymentPlan | null, callDate: string): Invoice[] {
  const c = call.commitment;
  const named = c?.kind === 'promise' || c?.kind === 'dispute' ? c.invoiceIds : c?.kind === 'plan' && plan ? plan.invoiceIds : [];
  return concernedInvoices(named, invoices, callDate);
}

function commitments(call: RecapCall, plan: PaymentPlan | null): RecapCommitment[] {
  const c = call.commitment;
  if (c?.kind === 'promise') return c.restatedConfirmed ? [{ amountCents: c.amountCents, date: c.date, means: c.means }] : [];
  if (c?.kind !== 'plan') return [];
  // The debtor's offer as taken on the phone; the next step says the lead's answer is still to come.
  if (plan) return plan.instalments.map((i) => ({ amountCents: i.amountCents, date: i.dueDate, means: plan.means }));
  return c.instalments.map((i) => ({ amountCents: i.amountCents, date: i.date, means: CALL_PLAN_MEANS }));
}

function stepOf(f: RecapFollowUp): RecapNextStep | null {
  switch (f.reason) {
    case 'check_immediate_payment':
    case 'check_promise':
      return { kind: 'check_payment', date: f.dueDate };
    case 'answer_payment_plan':
      return { kind: 'plan_answer', date: f.dueDate };
    case 'requested_call_back':
      return { kind: 'call_back', date: f.dueDate, ...(f.dueTime ? { time: f.dueTime } : {}) };
    case 'verify_dispute':
      return { kind: 'dispute_review' };
    default:
      // Retries, the recap itself, the search for a contact: the agent's own work, nothing to tell the debtor.
      return null;
  }
}

/** What happens next, from the tasks the call booked; calls recorded before the follow-up rules fall back on the commitment. */
export function nextSteps(call: RecapCall): RecapNextStep[] {
  const steps: RecapNextStep[] = [];
  // Seed 004: a debtor who did not receive the invoice is offered a duplicate.
  if (call.reason?.code === 'invoice_not_received') steps.push({ kind: 'send_duplicate' });
  if (call.followUps.length > 0) {
    for (const f of call.followUps) {
      const step = stepOf(f);
      if (step) steps.push(step);
    }
    return steps;
  }
  const c = call.commitment;
  if (c?.kind === 'promise' && c.restatedConfirmed) steps.push({ kind: 'check_payment', date: c.date });
  if (c?.kind === 'dispute') steps.push({ kind: 'dispute_review' });
  return steps;
}

export interface RecapSource {
  call: RecapCall;
  bundle: Pick<DebtorBundle, 'debtor' | 'contacts' | 'invoices'>;
  signature: string;
  /** The plan proposed with the call, when there is one. */
  plan?: PaymentPlan | null;
}

export function recapDraftInput({ call, bundle, signature, plan = null }: RecapSource): RecapDraftInput {
  const callDate = toWallTime(call.at).date;
  const to = recapRecipient(call, bundle);
  const reason = call.reason ? { code: call.reason.code, ...(call.reason.detail.trim() ? { text: call.reason.detail } : {}) } : undefined;
  const email: RecapEmailInput = {
    locale: bundle.debtor.language,
    contact: { name: to.name },
    signature,
    callDate,
    ...(reason ? { reason } : {}),
    commitments: commitments(call, plan),
    invoices: invoicesOfCall(call, bundle.invoices, plan, callDate).map(draftInvoice),
    nextSteps: nextSteps(call),
  };
  return { email, to, recapTaskId: call.followUps.find((f) => f.kind === 'send_recap')?.taskId ?? null };
}
