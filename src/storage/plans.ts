/**
 * Payment plans: proposed (from a call, or from the dossier), then approved or rejected by the team lead.
 * Approval writes one pending promise per instalment in the same transaction as the decision, so a plan is
 * never approved without its promises, nor its promises tracked without an approved plan.
 *
 * The store checks what it can know on its own: the record's shape, instalments adding up to the plan's
 * total, the total being the balance (plus penalties when included), dates strictly increasing, and at
 * decision time no instalment already past. Whether the balance is today's balance is the form's check
 * (domain/plans/plan.ts `planIssues`), since penalties depend on the rate tables and the day.
 *
 * Loaded on demand by the store: only the plan screens need it.
 */
import { toWallTime } from '../domain/calendar/zonedTime';
import {
  Activity as ActivitySchema,
  PaymentPlan as PlanSchema,
  PaymentPromise as PromiseSchema,
  type Activity,
  type PaymentPlan,
  type PaymentPromise,
  type PlanStatus,
} from '../domain/entities';
import { planPromises, planTotal } from '../domain/plans/plan';
import { readRecords, readRequired, validateForWrite, type CorruptHandler } from './codec';
import { StorageError } from './errors';
import type { Records, RecordTx } from './records';
import { DURABLE } from './tx';
import type { CadenceStoreName } from './schema';
import { recomputeSummary, requireDebtor, SUMMARY_SOURCES } from './summaries';
const PLAN_STORES: CadenceStoreName[] = [...SUMMARY_SOURCES, 'plans'];

export interface PlanDecision {
  status: Exclude<PlanStatus, 'proposed'>;
  decidedBy: string;
  decidedAt: string;
  /** The lead's reason, appended to the plan's note. */
  note?: string;
  /** The timeline entry telling the decision (type `note`), written with it. */
  activity: Activity;
}

export interface PlanFilter {
  debtorId?: string;
  status?: PlanStatus;
}

export function invalid(key: string, path: string, message: string): StorageError {
  return new StorageError('invalid', `Plan ${key}: ${message}`, { store: 'plans', key, issues: [{ path, message }] });
}

/** What the store checks of any plan it writes, proposed here or with a call's outcome (./calls.ts). */
export function checkPlan(plan: PaymentPlan): void {
  const sum = plan.instalments.reduce((s, i) => s + i.amountCents, 0);
  if (sum !== plan.totalCents) throw invalid(plan.id, 'instalments', `instalments sum to ${sum}, not ${plan.totalCents}`);
  if (plan.totalCents !== planTotal(plan.balanceCents, plan.penaltiesCents, plan.penalties)) {
    throw invalid(plan.id, 'totalCents', 'total is not the balance (plus penalties when included)');
  }
  plan.instalments.forEach((i, k) => {
    const previous = plan.instalments[k - 1];
    if (previous && i.dueDate <= previous.dueDate) throw invalid(plan.id, `instalments.${k}.dueDate`, 'dates must increase');
  });
}

function sameDebtor(activity: Activity, plan: PaymentPlan): void {
  if (activity.debtorId !== plan.debtorId) throw invalid(plan.id, 'activity.debtorId', 'activity belongs to another debtor');
}

/** Stores a new proposal (status `proposed`), with its timeline entry when given; refuses an id already used. */
export async function proposePlan(records: Records, input: PaymentPlan, activity?: Activity, onCorrupt?: CorruptHandler): Promise<void> {
  const plan = validateForWrite(PlanSchema, 'plans', input);
  if (plan.status !== 'proposed' || plan.decidedAt !== undefined || plan.decidedBy !== undefined) {
    throw invalid(plan.id, 'status', 'a new plan is proposed, not yet decided');
  }
  checkPlan(plan);
  const entry = activity ? validateForWrite(ActivitySchema, 'activities', activity) : undefined;
  if (entry) sameDebtor(entry, plan);
  await records.write(
    PLAN_STORES,
    async (tx) => {
      await requireDebtor(tx, plan.debtorId);
      if (await tx.has('plans', plan.id)) throw invalid(plan.id, 'id', 'already exists');
      await tx.put('plans', plan);
      if (entry) {
        await tx.put('activities', entry);
        await recomputeSummary(tx, plan.debtorId, onCorrupt);
      }
    },
    DURABLE,
  );
}

/**
 * Approves or rejects a proposed plan. Approval also writes its promises (one per instalment). Fails with
 * `not_found` for an unknown plan and `invalid` when it was already decided or an instalment is already past.
 * Returns the promises created (none on rejection).
 */
export async function decidePlan(records: Records, planId: string, decision: PlanDecision, onCorrupt?: CorruptHandler): Promise<PaymentPromise[]> {
  const activity = validateForWrite(ActivitySchema, 'activities', decision.activity);
  return records.write(PLAN_STORES, (tx) => writeDecision(tx, planId, { ...decision, activity }, onCorrupt), DURABLE);
}

async function writeDecision(tx: RecordTx, planId: string, decision: PlanDecision, onCorrupt?: CorruptHandler): Promise<PaymentPromise[]> {
  const { activity } = decision;
  let created: PaymentPromise[] = [];
  const raw = await tx.get('plans', planId);
  if (raw === undefined) throw new StorageError('not_found', `Unknown plan ${planId}`, { store: 'plans', key: planId });
  const plan = readRequired<PaymentPlan>(PlanSchema, 'plans', raw);
  if (plan.status !== 'proposed') throw invalid(planId, 'status', `already ${plan.status}`);
  sameDebtor(activity, plan);
  const note = decision.note?.trim() ? [plan.note, decision.note.trim()].filter(Boolean).join('\n') : plan.note;
  const decided = validateForWrite(PlanSchema, 'plans', { ...plan, status: decision.status, decidedBy: decision.decidedBy, decidedAt: decision.decidedAt, note });
  await requireDebtor(tx, plan.debtorId);
  if (decision.status === 'approved') {
    const day = toWallTime(decision.decidedAt).date;
    const past = plan.instalments.findIndex((i) => i.dueDate < day);
    if (past >= 0) throw invalid(planId, `instalments.${past}.dueDate`, 'instalment date already past');
    created = planPromises(decided).map((p) => validateForWrite(PromiseSchema, 'promises', p));
    for (const p of created) {
      if (await tx.has('promises', p.id)) throw invalid(planId, 'id', `promise ${p.id} already exists`);
      await tx.put('promises', p);
    }
  }
  await tx.put('plans', decided);
  await tx.put('activities', activity);
  await recomputeSummary(tx, plan.debtorId, onCorrupt);
  return created;
}

/** Plans, newest first; those of one debtor and/or one status when asked. */
export async function listPlans(records: Records, filter: PlanFilter = {}, onCorrupt?: CorruptHandler): Promise<PaymentPlan[]> {
  const raws = await records.read(['plans'], (tx) =>
    filter.debtorId !== undefined
      ? tx.byDebtor('plans', filter.debtorId)
      : filter.status !== undefined
        ? tx.plansByStatus(filter.status)
        : tx.getAll('plans'),
  );
  return readRecords<PaymentPlan>(PlanSchema, 'plans', raws, onCorrupt)
    .filter((p) => filter.status === undefined || p.status === filter.status)
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.id < b.id ? 1 : -1));
}
