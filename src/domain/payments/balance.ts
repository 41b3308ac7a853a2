/**
 * What is still owed on the invoices a commitment names, and what remains once the commitment is honoured.
 * Every draft and screen that puts a promise next to invoices states these figures, never the invoices' full
 * amounts as if nothing had been paid (a 1 500 € promise shown beside an "1 800 €" total read as a shortfall
 * that did not exist; a 1 234,56 € promise on 71 338,80 € of invoices said nothing about the rest).
 */
export interface OwedInvoice {
  id: string;
  number: string;
  /** Incl. VAT still unpaid. */
  outstandingCents: number;
}

export interface CommitmentBalance {
  invoices: OwedInvoice[];
  /** Still owed on those invoices today. */
  owedCents: number;
  /** What the debtor committed to pay (a promise, or the sum of a plan's instalments). */
  committedCents: number;
  /** Owed once the commitment is paid; 0 when it covers everything. */
  remainingAfterCents: number;
  /** The commitment covers the whole of what is owed on those invoices. */
  settles: boolean;
}

export function commitmentBalance(invoices: readonly OwedInvoice[], committedCents: number): CommitmentBalance {
  const owedCents = invoices.reduce((s, i) => s + Math.max(0, i.outstandingCents), 0);
  const committed = Math.max(0, committedCents);
  return {
    invoices: invoices.map((i) => ({ ...i, outstandingCents: Math.max(0, i.outstandingCents) })),
    owedCents,
    committedCents: committed,
    remainingAfterCents: Math.max(0, owedCents - committed),
    settles: committed >= owedCents,
  };
}

export interface BalanceInvoice {
  id: string;
  number: string;
  dueDate: string;
  status: string;
  amountInclVatCents: number;
  amountPaidCents: number;
}

const owedOf = (i: BalanceInvoice): number => Math.max(0, i.amountInclVatCents - i.amountPaidCents);

/**
 * The invoices a commitment is about: those it names, else those overdue on `day` (open, something owed,
 * due before that day), oldest due first.
 */
export function concernedInvoices<I extends BalanceInvoice>(named: readonly string[], invoices: readonly I[], day: string): I[] {
  const list = named.length > 0 ? invoices.filter((i) => named.includes(i.id)) : invoices.filter((i) => i.status === 'open' && owedOf(i) > 0 && i.dueDate < day);
  return [...list].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.number.localeCompare(b.number)));
}

/** A call's money commitment as the balance needs it: a promise's amount, or a plan's instalments. */
export type MoneyCommitment =
  | { kind: 'promise'; amountCents: number; invoiceIds: readonly string[] }
  | { kind: 'plan'; instalments: readonly { amountCents: number }[] }
  | { kind: 'dispute' | 'none' };

/**
 * What a call's commitment leaves owed on the invoices it concerns, as of the call's day; null when the call
 * ended without money promised. A plan concerns the invoices of the plan proposed with it.
 */
export function commitmentOwed(
  commitment: MoneyCommitment,
  invoices: readonly BalanceInvoice[],
  day: string,
  planInvoiceIds: readonly string[] = [],
): CommitmentBalance | null {
  if (commitment.kind !== 'promise' && commitment.kind !== 'plan') return null;
  const named = commitment.kind === 'promise' ? commitment.invoiceIds : planInvoiceIds;
  const committed = commitment.kind === 'promise' ? commitment.amountCents : commitment.instalments.reduce((s, i) => s + i.amountCents, 0);
  const list = concernedInvoices(named, invoices, day).map((i) => ({ id: i.id, number: i.number, outstandingCents: owedOf(i) }));
  return commitmentBalance(list, committed);
}
