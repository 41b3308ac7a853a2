/**
 * A payment-plan request taken on the phone becomes a PaymentPlan proposal for the team lead (seed 000,
 * conseils 6 and 7: the debtor makes the first offer, the agent takes time to weigh it). The plan rules are
 * the plans feature's (domain/plans/plan.ts): the instalments settle a balance, plus the late-payment
 * penalties when the plan includes them. So the offer is matched against what it can settle:
 * 1. the overdue invoices (what the call was about, and the total the call screen shows beside the offer);
 * 2. every open invoice, due or not (what the plan page proposes);
 * each with the penalties included, then waived. An offer that settles neither is not a plan the lead can
 * approve: nothing is proposed, and the outcome says by how much it misses, for the agent to complete it.
 */
import { outstandingCents } from '../payments/allocation';
import { planTotal } from '../plans/plan';
import { PLAN_SCHEMA_VERSION, type Invoice, type PaymentMeans, type PaymentPlan } from '../entities';
import type { PlanCommitment } from './context';

/** What a plan from this call could settle: a set of invoices, their balance and the penalties accrued. */
export interface PlanBasis {
  invoiceIds: string[];
  balanceCents: number;
  penaltiesCents: number;
}

export interface PlanMatch {
  basis: PlanBasis;
  penalties: PaymentPlan['penalties'];
}

/** The offer does not settle any basis: what it offers, against the overdue balance. */
export interface UnmatchedPlanOffer {
  offeredCents: number;
  expectedCents: number;
}

/** A plan's means when the call did not capture one: B2B instalments are paid by transfer. */
export const CALL_PLAN_MEANS: PaymentMeans = 'transfer';

const isOpen = (i: Invoice) => i.status === 'open' && outstandingCents(i) > 0;

/** The overdue invoices, then every open one when that is a different set; oldest due first. */
export function planBases(invoices: readonly Invoice[], today: string, penaltiesCents: number): PlanBasis[] {
  const open = invoices.filter(isOpen).sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
  const basis = (list: Invoice[]): PlanBasis => ({
    invoiceIds: list.map((i) => i.id),
    balanceCents: list.reduce((s, i) => s + outstandingCents(i), 0),
    penaltiesCents,
  });
  const overdue = open.filter((i) => i.dueDate < today);
  const bases = overdue.length > 0 ? [basis(overdue)] : [];
  if (open.length > overdue.length) bases.push(basis(open));
  return bases;
}

export function offeredCents(commitment: Pick<PlanCommitment, 'instalments'>): number {
  return commitment.instalments.reduce((s, i) => s + i.amountCents, 0);
}

/** The first basis the offer settles exactly; penalties included is tried first, as it is the creditor's due. */
export function matchPlanBasis(offered: number, bases: readonly PlanBasis[]): PlanMatch | null {
  for (const basis of bases) {
    for (const penalties of ['included', 'waived'] as const) {
      if (penalties === 'included' && basis.penaltiesCents === 0) continue;
      if (offered === planTotal(basis.balanceCents, basis.penaltiesCents, penalties)) return { basis, penalties };
    }
  }
  return null;
}

export interface CallPlanParams {
  id: string;
  debtorId: string;
  contactId: string | null;
  createdAt: string;
  proposedBy: string;
  commitment: PlanCommitment;
  match: PlanMatch;
}

export function callPlan(p: CallPlanParams): PaymentPlan {
  const totalCents = planTotal(p.match.basis.balanceCents, p.match.basis.penaltiesCents, p.match.penalties);
  return {
    schemaVersion: PLAN_SCHEMA_VERSION,
    id: p.id,
    debtorId: p.debtorId,
    createdAt: p.createdAt,
    proposedBy: p.proposedBy,
    ...(p.contactId ? { contactId: p.contactId } : {}),
    invoiceIds: [...p.match.basis.invoiceIds],
    instalments: p.commitment.instalments.map((i) => ({ dueDate: i.date, amountCents: i.amountCents })),
    balanceCents: p.match.basis.balanceCents,
    penaltiesCents: p.match.basis.penaltiesCents,
    penalties: p.match.penalties,
    totalCents,
    means: CALL_PLAN_MEANS,
    status: 'proposed',
    note: p.commitment.note.trim(),
  };
}
