/**
 * The payment-plan form: what the plan settles (the open balance, plus penalties when included), the
 * instalments as typed, and their check by the domain rule (domain/plans/plan.ts). Errors come back per
 * instalment and for the whole plan, as codes the page translates.
 */
import type { DebtorBundle } from '../../domain/bundle';
import type { PaymentMeans, PaymentPlan } from '../../domain/entities';
import { outstandingCents } from '../../domain/payments/allocation';
import { evenInstalments, planIssues, planTotal, type Instalment, type PlanIssueCode } from '../../domain/plans/plan';
import { centsToInput, readAmountCents, type MoneyLocale } from '../../domain/money/parse';

export interface InstalmentRow {
  dueDate: string;
  amount: string;
}

export interface PlanFormValues {
  penalties: PaymentPlan['penalties'];
  means: PaymentMeans;
  note: string;
  rows: InstalmentRow[];
}

export interface PlanBasis {
  balanceCents: number;
  penaltiesCents: number;
  invoiceIds: string[];
}

/** The balance a plan settles: every open (not disputed) invoice, due or not. */
export function planBasis(bundle: Pick<DebtorBundle, 'invoices'>, penaltiesCents: number): PlanBasis {
  const open = bundle.invoices.filter((i) => i.status === 'open' && outstandingCents(i) > 0);
  return { balanceCents: open.reduce((s, i) => s + outstandingCents(i), 0), penaltiesCents, invoiceIds: open.map((i) => i.id) };
}

export type RowError = 'amountInvalid' | Extract<PlanIssueCode, 'amount_not_positive' | 'date_in_past' | 'date_too_far' | 'date_not_increasing'> | 'dateInvalid';
export type PlanError = Extract<PlanIssueCode, 'no_instalments' | 'sum_mismatch'>;

export type PlanFormResult =
  | { ok: true; instalments: Instalment[]; totalCents: number }
  | { ok: false; rows: (RowError | undefined)[]; plan: PlanError[]; totalCents: number; typedCents: number };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function validatePlan(values: PlanFormValues, basis: PlanBasis, today: string, locale: MoneyLocale): PlanFormResult {
  const totalCents = planTotal(basis.balanceCents, basis.penaltiesCents, values.penalties);
  const rows: (RowError | undefined)[] = values.rows.map(() => undefined);
  const instalments: Instalment[] = values.rows.map((r, k) => {
    const reading = readAmountCents(r.amount, locale);
    const cents = typeof reading === 'number' ? reading : undefined;
    if (cents === undefined) rows[k] = 'amountInvalid';
    if (!ISO_DATE.test(r.dueDate)) rows[k] ??= 'dateInvalid';
    return { dueDate: r.dueDate, amountCents: cents ?? 0 };
  });
  const plan: PlanError[] = [];
  for (const issue of planIssues(instalments, { expectedTotalCents: totalCents, today })) {
    if (issue.code === 'no_instalments' || issue.code === 'sum_mismatch') plan.push(issue.code);
    else if (issue.index !== undefined) rows[issue.index] ??= issue.code;
  }
  const typedCents = instalments.reduce((s, i) => s + i.amountCents, 0);
  if (plan.length > 0 || rows.some(Boolean)) return { ok: false, rows, plan, totalCents, typedCents };
  return { ok: true, instalments, totalCents };
}

/** Rows for `count` even monthly instalments from `firstDate`, in the UI language's notation. */
export function generateRows(totalCents: number, count: number, firstDate: string, locale: MoneyLocale): InstalmentRow[] {
  return evenInstalments(totalCents, count, firstDate).map((i) => ({ dueDate: i.dueDate, amount: centsToInput(i.amountCents, locale) }));
}
