/**
 * The import from a read file to the database, as the module worker runs it: plan against what is stored,
 * then write it in one transaction (storage/import-commit.ts), which a cancel aborts until it commits.
 */
import type { Debtor, Invoice } from '../../domain/entities';
import type { StoredInvoice } from '../../storage/schema';
import { closuresOf, planImport, type ExistingPortfolio, type PlanOptions, type PlanResult } from '../../domain/import/plan';
import { planRecords } from '../../domain/import/plan-records';
import type { ColumnRef } from '../../domain/import/errors';
import type { FilePayment } from '../../domain/import/payments-file';
import { importedPaymentId, paymentLineKeys, planPayments, type PaymentsPlan } from '../../domain/import/payments-plan';
import type { ParsedPortfolio } from '../../domain/import/portfolio';
import type { FileKind } from '../../domain/import/read-file';
import { commitImport, discardUnfinishedImports } from '../../storage/import-commit';
import type { Records } from '../../storage/records';

export interface Stored {
  existing: ExistingPortfolio;
  invoices: Map<string, Invoice>;
}

/** Debtors and invoices as stored, the only records a plan compares with. */
export async function readStored(records: Records): Promise<Stored> {
  const [debtors, invoices] = await records.read(['debtors', 'invoices'], (tx) => Promise.all([tx.getAll('debtors'), tx.getAll('invoices')]));
  const plain = (invoices as StoredInvoice[]).map(({ numberKey: _key, ...invoice }) => invoice as Invoice);
  return { existing: { debtors: debtors as Debtor[], invoices: plain }, invoices: new Map(plain.map((i) => [i.id, i])) };
}

export function planAgainst(stored: Stored, portfolio: ParsedPortfolio, options: Omit<PlanOptions, 'newId'>): PlanResult {
  return planImport(portfolio, stored.existing, { ...options, newId: (kind) => `${kind === 'debtor' ? 'deb' : 'inv'}-${crypto.randomUUID()}` });
}

/**
 * A payments file's lines matched against the invoices as stored, each line's id looked up among the payment
 * activities (one key each) so a line imported before shows as recorded and takes no invoice again.
 */
export async function planPaymentsAgainst(records: Records, payments: readonly FilePayment[], today: string, dateColumn?: ColumnRef): Promise<PaymentsPlan> {
  const lineIds = await Promise.all(paymentLineKeys(payments).map(importedPaymentId));
  const stored = await readStored(records);
  const known = await records.read(['activities'], (tx) => Promise.all(lineIds.map((id) => tx.has('activities', id))));
  const recorded = new Set(lineIds.filter((_, i) => known[i]));
  return planPayments({ payments, lineIds, recorded, debtors: stored.existing.debtors, invoices: stored.existing.invoices, today, ...(dateColumn ? { dateColumn } : {}) });
}

export interface CommitInput {
  plan: Extract<PlanResult, { ok: true }>['plan'];
  stored: Stored;
  kind: FileKind;
  fileName: string;
  now: string;
  today: string;
  agent: string;
  paymentSummary: (debtorId: string, cents: number, invoiceNumbers: string[]) => string;
  /** Records written so far, of `total`; `switching` once the transaction is committing (cancel is over). */
  onProgress?: (written: number, total: number, switching: boolean) => void;
  /** Asked as each batch of records is written: true aborts the one transaction (nothing stored). */
  cancelled?: () => boolean;
}

/** Writes the plan in one transaction. Resolves once the data is committed; throws (nothing changed) otherwise. */
export async function commitPlan(db: Records, input: CommitInput): Promise<void> {
  // What a killed tab of older code left staged goes first: the app no longer stages, but a database may
  // still hold it.
  await discardUnfinishedImports(db);
  const records = planRecords(input.plan, {
    storedInvoices: input.stored.invoices,
    now: input.now,
    agent: input.agent,
    newId: (kind) => `${kind === 'contact' ? 'con' : 'act'}-${crypto.randomUUID()}`,
    paymentSummary: input.paymentSummary,
  });
  await commitImport(
    db,
    { id: `imp-${crypto.randomUUID()}`, kind: input.kind, fileName: input.fileName.slice(0, 200), createdAt: input.now, closed: closuresOf(input.plan) },
    records,
    input.today,
    input.now,
    { ...(input.onProgress ? { onProgress: input.onProgress } : {}), ...(input.cancelled ? { cancelled: input.cancelled } : {}) },
  );
}
