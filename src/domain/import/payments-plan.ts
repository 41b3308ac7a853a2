/**
 * What a payments file would record, before anything is stored: each bank line matched (./payments-file.ts)
 * against the invoices still owed, with what the agent must decide.
 *
 * - `sure` lines are recorded on commit; `to_confirm` ones only once the agent confirms them; `unmatched`
 *   ones are listed and never recorded; `recorded` ones were recorded by an earlier import of the same line.
 * - A line's identity across imports is its content, not its position: value date, amount, reference,
 *   customer code and name (`paymentFingerprint`, spacing and case ignored), plus how many identical lines
 *   came before it in the same file, so two genuine identical transfers on one day stay two payments while a
 *   second import of the file (or of a longer export that repeats it) finds both already recorded. The stored
 *   payment's id is a SHA-256 of that identity (`importedPaymentId`), so the check is one key lookup.
 * - Lines already recorded are left out of the matching: the invoices they settled already show it.
 * - A line dated after today is refused with its line (a value date in the future cannot have been received).
 * - What a line pays beyond what its invoices owe is not recorded (the store refuses overpayment): the
 *   preview shows that excess, to be handled as a credit in the ERP.
 */
import type { ColumnRef, RowError } from './errors';
import { matchPayments, paymentFingerprint, type FilePayment, type MatchMethod, type OpenInvoiceRef } from './payments-file';
import type { ExistingDebtor } from './plan';

export interface PlannableInvoice {
  id: string;
  debtorId: string;
  number: string;
  dueDate: string;
  amountInclVatCents: number;
  amountPaidCents: number;
  status: string;
}

/** One debtor's share of a line: one payment record. */
export interface PaymentPart {
  /** The payment activity's id. */
  id: string;
  debtorId: string;
  debtorName: string;
  cents: number;
  invoiceIds: string[];
  invoiceNumbers: string[];
}

export type PaymentLineStatus = 'sure' | 'to_confirm' | 'unmatched' | 'recorded';

export interface PaymentLine {
  /** The id of the line's first part: stable across imports of the same line. */
  id: string;
  line: number;
  date: string;
  cents: number;
  reference: string;
  /** The payer as the file names it (name, else customer code), empty when it names none. */
  payer: string;
  status: PaymentLineStatus;
  method: MatchMethod;
  parts: PaymentPart[];
  /** Cents of the line its invoices cannot absorb: shown, never recorded. */
  excessCents: number;
}

export interface PaymentsPlan {
  lines: PaymentLine[];
  /** Lines refused for a value date after today. */
  errors: RowError[];
  counts: Record<PaymentLineStatus, number>;
}

/** Each line's identity, in file order: its fingerprint and how many identical lines came before it. */
export function paymentLineKeys(payments: readonly FilePayment[]): string[] {
  const seen = new Map<string, number>();
  return payments.map((p) => {
    const fingerprint = paymentFingerprint(p);
    const n = seen.get(fingerprint) ?? 0;
    seen.set(fingerprint, n + 1);
    return `${fingerprint}#${n}`;
  });
}

/** `pay-imp-` and 40 hex digits of the line key's SHA-256 (ids are at most 64 characters). */
export async function importedPaymentId(key: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key)));
  let hex = '';
  for (const byte of digest.subarray(0, 20)) hex += byte.toString(16).padStart(2, '0');
  return `pay-imp-${hex}`;
}

export const partId = (lineId: string, index: number): string => (index === 0 ? lineId : `${lineId}-${index}`);

export interface PaymentsPlanInput {
  payments: readonly FilePayment[];
  /** `importedPaymentId` of each line's key, aligned with `payments`. */
  lineIds: readonly string[];
  /** Line ids already stored as payment activities. */
  recorded: ReadonlySet<string>;
  debtors: readonly ExistingDebtor[];
  invoices: readonly PlannableInvoice[];
  today: string;
  /** The payment date's column, named in the error of a line dated after today. */
  dateColumn?: ColumnRef;
}

export function planPayments(input: PaymentsPlanInput): PaymentsPlan {
  const idOf = new Map(input.payments.map((p, i) => [p, input.lineIds[i] ?? '']));
  const names = new Map(input.debtors.map((d) => [d.id, d.name]));
  const invoiceById = new Map(input.invoices.map((i) => [i.id, i]));
  const errors: RowError[] = [];
  const recordedLines: PaymentLine[] = [];
  const toMatch: FilePayment[] = [];
  for (const p of input.payments) {
    const id = idOf.get(p) ?? '';
    if (input.recorded.has(id)) recordedLines.push(lineOf(p, id, 'recorded', 'none', [], 0));
    else if (p.date > input.today) errors.push({ kind: 'future_payment_date', value: p.date, line: p.line, ...(input.dateColumn ? { column: input.dateColumn } : {}) });
    else toMatch.push(p);
  }
  const open: OpenInvoiceRef[] = input.invoices
    .filter((i) => i.status !== 'paid' && i.amountInclVatCents > i.amountPaidCents)
    .map((i) => ({ id: i.id, debtorId: i.debtorId, number: i.number, dueDate: i.dueDate, openCents: i.amountInclVatCents - i.amountPaidCents }));
  const matched = matchPayments(toMatch, open, input.debtors).map((m) => {
    const id = idOf.get(m.payment) ?? '';
    // One record per debtor the line pays (a reference can name invoices of two debtors: the agent confirms).
    const byDebtor = new Map<string, { invoiceIds: string[]; invoiceNumbers: string[]; cents: number }>();
    for (const a of m.allocations) {
      const inv = invoiceById.get(a.invoiceId);
      if (!inv) continue;
      const part = byDebtor.get(inv.debtorId) ?? { invoiceIds: [], invoiceNumbers: [], cents: 0 };
      part.invoiceIds.push(inv.id);
      part.invoiceNumbers.push(inv.number);
      part.cents += a.cents;
      byDebtor.set(inv.debtorId, part);
    }
    const parts = [...byDebtor].map(([debtorId, part], index): PaymentPart => ({ id: partId(id, index), debtorId, debtorName: names.get(debtorId) ?? '', ...part }));
    return lineOf(m.payment, id, parts.length === 0 ? 'unmatched' : m.status, m.method, parts, m.excessCents);
  });
  const lines = [...matched, ...recordedLines].sort((a, b) => a.line - b.line);
  const counts: Record<PaymentLineStatus, number> = { sure: 0, to_confirm: 0, unmatched: 0, recorded: 0 };
  for (const l of lines) counts[l.status] += 1;
  return { lines, errors: errors.sort((a, b) => a.line - b.line), counts };
}

function lineOf(p: FilePayment, id: string, status: PaymentLineStatus, method: MatchMethod, parts: PaymentPart[], excessCents: number): PaymentLine {
  return { id, line: p.line, date: p.date, cents: p.cents, reference: p.reference, payer: p.customerName || p.customerCode, status, method, parts, excessCents };
}

/** The lines a commit records: every sure one, and the unsure ones the agent confirmed. */
export function linesToRecord(plan: PaymentsPlan, confirmed: ReadonlySet<string>): PaymentLine[] {
  return plan.lines.filter((l) => l.status === 'sure' || (l.status === 'to_confirm' && confirmed.has(l.id)));
}
