/**
 * What an ended call leaves in the dossier: one call activity, plus the promise, tasks, payment-plan proposal,
 * disputed invoices and contact changes to write in the same transaction (issue 3, "Outcome"; issue 4 for the
 * follow-up rules and the plan). Pure: ids come from the injected generator, dates from the call's own clock,
 * and what the dossier knows (previous calls, what a plan could settle) is passed in as data.
 */
import {
  ACTIVITY_SCHEMA_VERSION,
  CONTACT_SCHEMA_VERSION,
  PROMISE_SCHEMA_VERSION,
  type Activity,
  type Contact,
  type Invoice,
  type PaymentPlan,
  type PaymentPromise,
  type Task,
} from '../entities';
import { captureOf, type CallContext, type CallEnding, type Captures, type Commitment, type ContactCheck, type DelayReason, type ObjectionUse } from './context';
import { callFollowUps, type CallFollowUp, type FollowUpHistory } from './outcome-followups';
import { callPlan, matchPlanBasis, offeredCents, type PlanBasis, type UnmatchedPlanOffer } from './outcome-plan';
import type { StepId } from './steps';

export type { CallFollowUp } from './outcome-followups';
export type { PlanBasis, UnmatchedPlanOffer } from './outcome-plan';

/** `details` of the call activity: everything the timeline, the recap and the KPIs read back. */
// A type alias, not an interface: Activity.details is a Record, and only aliases are assignable to one.
export type CallActivityDetails = {
  callId: string;
  ending: CallEnding;
  /** Where the call ended: the step on screen when it was cut off, refused, or finished. */
  endedAtStep: StepId;
  reason: DelayReason | null;
  commitment: Commitment | null;
  /** A payment plan is only the debtor's offer until the team lead approves it; null when none was proposed. */
  planStatus: 'awaiting_approval' | null;
  /** The PaymentPlan proposed with this call, when its offer settles the balance. */
  planId: string | null;
  /** The contact the agent dialled (the recap greets them, or their corrected details). */
  contactId: string | null;
  /** The tasks this call booked, with the seed rule each comes from. */
  followUps: CallFollowUp[];
  /** The follow-up rules ask for the recap email right after the call. */
  recapNow: boolean;
  contactCheck: ContactCheck | null;
  captures: Captures;
  startedAt: string;
  endedAt: string;
  durationSeconds: number;
  scriptId: string;
  scriptVersion: number;
  /** Seconds per step (analytics per script version); absent for calls stored before it was kept. */
  stepSeconds?: Partial<Record<StepId, number>>;
  /** The objections opened and the answer read, in order. */
  objectionsUsed?: ObjectionUse[];
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
  /** The debtor's plan offer as a proposal for the team lead, written in the same transaction. */
  plan: PaymentPlan | null;
  /** A plan offer that settles no balance: not proposed, for the agent to complete on the plan page. */
  unmatchedPlan: UnmatchedPlanOffer | null;
  invoiceChanges: InvoiceDisputeChange[];
  contactChanges: ContactChange[];
}

/** What the dossier tells the outcome: previous calls (contact pacing) and what a plan offer could settle. */
export interface OutcomeDossier extends FollowUpHistory {
  /** Candidate bases for a plan offer, in order of preference (see ./outcome-plan.ts `planBases`). */
  planBases?: readonly PlanBasis[];
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
 * The delay reason with the agent's words. Calls begun when step 5 also had a script field for them
 * ("Précisions sur la raison") may hold words there: they join the reason, so they reach the recap.
 */
export function reasonWithDetail(context: Pick<CallContext, 'reason' | 'captures'>): DelayReason | null {
  const reason = context.reason;
  const legacy = captureOf(context, 'delay_reason', 'reason_detail');
  const words = typeof legacy === 'string' ? legacy.trim() : '';
  if (!reason || !words || reason.detail.includes(words)) return reason;
  return { ...reason, detail: reason.detail.trim() ? `${reason.detail.trim()} — ${words}` : words };
}

/**
 * The records an ended call writes. A promise is written whenever it was restated and confirmed, even if
 * the line then dropped: the debtor committed. Tasks come from the follow-up rules (./outcome-followups.ts).
 * A plan request becomes a proposal when its offer settles one of `dossier.planBases`.
 * Throws on a call that has not ended (a programming error).
 */
export function callOutcome(context: CallContext, endedAt: string, newId: () => string, dossier: OutcomeDossier = {}): CallOutcome {
  const ending = context.ending;
  if (!ending) throw new Error(`Call ${context.callId} has not ended`);
  const commitment = context.commitment;
  const activityId = newId();

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

  const followUps = callFollowUps(context, ending, promise?.dueDate ?? null, endedAt, newId, dossier);
  const { plan, unmatchedPlan } = planOf(context, commitment, endedAt, newId, dossier.planBases ?? []);

  const durationSeconds = Math.max(0, Math.round((Date.parse(endedAt) - Date.parse(context.startedAt)) / 1000));
  const details: CallActivityDetails = {
    callId: context.callId,
    ending,
    endedAtStep: context.step,
    reason: reasonWithDetail(context),
    commitment,
    planStatus: plan ? 'awaiting_approval' : null,
    planId: plan?.id ?? null,
    contactId: context.contactId,
    contactCheck: context.contactCheck,
    captures: context.captures,
    followUps: followUps.followUps,
    recapNow: followUps.recapNow,
    startedAt: context.startedAt,
    endedAt,
    durationSeconds,
    scriptId: context.scriptId,
    scriptVersion: context.scriptVersion,
    ...(context.stepSeconds ? { stepSeconds: context.stepSeconds } : {}),
    ...(context.objectionsUsed?.length ? { objectionsUsed: context.objectionsUsed } : {}),
  };
  const activity = {
    schemaVersion: ACTIVITY_SCHEMA_VERSION,
    id: activityId,
    debtorId: context.debtorId,
    type: 'call',
    at: endedAt,
    outcome: ending.type,
    summary: context.notes.trim(),
    agent: context.agentName,
    details,
  } satisfies Activity & { details: CallActivityDetails };

  const invoiceChanges: InvoiceDisputeChange[] =
    commitment?.kind === 'dispute'
      ? commitment.invoiceIds.map((invoiceId) => ({ invoiceId, status: 'disputed', disputeReason: commitment.why.trim() }))
      : [];

  return { activity, promise, tasks: followUps.tasks, plan, unmatchedPlan, invoiceChanges, contactChanges: contactChanges(context, ending, newId) };
}

function planOf(
  context: CallContext,
  commitment: Commitment | null,
  endedAt: string,
  newId: () => string,
  bases: readonly PlanBasis[],
): { plan: PaymentPlan | null; unmatchedPlan: UnmatchedPlanOffer | null } {
  if (commitment?.kind !== 'plan') return { plan: null, unmatchedPlan: null };
  const offered = offeredCents(commitment);
  const match = matchPlanBasis(offered, bases);
  if (!match) return { plan: null, unmatchedPlan: { offeredCents: offered, expectedCents: bases[0]?.balanceCents ?? 0 } };
  const plan = callPlan({
    id: `plan-${newId()}`,
    debtorId: context.debtorId,
    contactId: context.contactId,
    createdAt: endedAt,
    proposedBy: context.agentName,
    commitment,
    match,
  });
  return { plan, unmatchedPlan: null };
}

export function applyInvoiceChange(invoice: Invoice, change: InvoiceDisputeChange): Invoice {
  return { ...invoice, status: change.status, disputeReason: change.disputeReason };
}
