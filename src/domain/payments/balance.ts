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
