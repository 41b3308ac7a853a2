/**
 * Payments from a bank or ERP export, matched to the open invoices.
 *
 * Matching, for each payment in date order (each one reduces what the next can take):
 * 1. By reference: an open invoice number found in the payment's reference or invoice column (words of the
 *    text, and neighbouring words joined, since banks split "FA 2026 001"). Sure when every named invoice
 *    belongs to one debtor, that debtor agrees with the payer when the file names one, and the payment does
 *    not exceed what they owe; otherwise it waits for the agent.
 * 2. By amount and debtor: the payer is found (customer code, then SIREN, then normalised name) and exactly
 *    one of its open invoices owes exactly the amount. Sure.
 * 3. Payer found, no amount match: spread oldest first (Code civil 1342-10), to confirm.
 * 4. Payer unknown, exactly one open invoice in the portfolio owes exactly the amount: to confirm.
 * 5. Otherwise unmatched: listed, never applied.
 * Nothing is applied here: the screen shows sure and unsure matches, and the commit records the confirmed ones
 * as payments (promises are then recomputed from them, as for a payment typed by the agent).
 */
import { parseAmountCents } from './amount';
import { parseImportDate } from './dates';
import type { DelimitedRow } from './delimited';
import type { RowError, RowErrorReason } from './errors';
import type { ColumnMapping, ImportField } from './fields';
import { invoiceKey, normalizedName, parseSiren } from './portfolio';
import type { ExistingDebtor } from './plan';

export interface FilePayment {
  line: number;
  date: string;
  /** Positive cents received. */
  cents: number;
  reference: string;
  invoiceNumber: string;
  customerCode: string;
  customerName: string;
  siren?: string;
}

export interface PaymentsReading {
  payments: FilePayment[];
  errors: RowError[];
  /** Rows of money going out or of zero (refunds, fees), left out. */
  ignored: number[];
}

export function readPayments(rows: readonly DelimitedRow[], mapping: ColumnMapping): PaymentsReading {
  const headers = rows[0]?.cells ?? [];
  const payments: FilePayment[] = [];
  const errors: RowError[] = [];
  const ignored: number[] = [];
  for (const row of rows.slice(1)) {
    const get = (f: ImportField) => {
      const at = mapping[f];
      return at === undefined ? '' : (row.cells[at] ?? '').trim();
    };
    const rowErrors: RowError[] = [];
    const fail = (f: ImportField, reason: RowErrorReason) => {
      const at = mapping[f];
      rowErrors.push({ ...reason, line: row.line, ...(at !== undefined ? { column: { index: at + 1, header: headers[at] ?? '' } } : {}) });
    };
    const date = parseImportDate(get('paymentDate'));
    if (!date) fail('paymentDate', get('paymentDate') === '' ? { kind: 'missing_value', field: 'paymentDate' } : { kind: 'invalid_date', value: get('paymentDate') });
    const amount = parseAmountCents(get('paymentAmount'));
    if (!amount.ok) fail('paymentAmount', get('paymentAmount') === '' ? { kind: 'missing_value', field: 'paymentAmount' } : { kind: 'invalid_amount', value: get('paymentAmount') });
    const sirenRaw = get('siren');
    const siren = sirenRaw ? parseSiren(sirenRaw) : undefined;
    if (sirenRaw && !siren) fail('siren', { kind: 'invalid_siren', value: sirenRaw });
    if (rowErrors.length || !date || !amount.ok) {
      errors.push(...rowErrors);
      continue;
    }
    if (amount.cents <= 0) {
      ignored.push(row.line);
      continue;
    }
    payments.push({
      line: row.line,
      date,
      cents: amount.cents,
      reference: get('paymentReference') || get('label'),
      invoiceNumber: get('invoiceNumber'),
      customerCode: get('customerCode'),
      customerName: get('customerName'),
      ...(siren ? { siren } : {}),
    });
  }
  return { payments, errors, ignored };
}

export interface OpenInvoiceRef {
  id: string;
  debtorId: string;
  number: string;
  dueDate: string;
  openCents: number;
}

export type MatchMethod = 'reference' | 'amount_and_debtor' | 'debtor_oldest' | 'amount_only' | 'none';

export interface PaymentMatch {
  payment: FilePayment;
  method: MatchMethod;
  /** `sure` matches are applied on commit; `to_confirm` ones only once the agent accepts them. */
  status: 'sure' | 'to_confirm' | 'unmatched';
  debtorId?: string;
  allocations: { invoiceId: string; cents: number }[];
  /** Cents the matched invoices could not absorb. */
  excessCents: number;
}

/** Words of a reference, and neighbouring words joined, as invoice keys ("VIR FA 2026 001" → …, "fa2026001"). */
function referenceKeys(text: string): Set<string> {
  const words = text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const keys = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    let joined = '';
    for (let j = i; j < Math.min(words.length, i + 4); j++) {
      joined += words[j];
      keys.add(invoiceKey(joined));
    }
  }
  return keys;
}

function findPayer(p: FilePayment, debtors: readonly ExistingDebtor[]): ExistingDebtor | undefined {
  if (p.customerCode) {
    const d = debtors.find((x) => x.customerCode === p.customerCode);
    if (d) return d;
  }
  if (p.siren) {
    const d = debtors.find((x) => x.siren === p.siren);
    if (d) return d;
  }
  if (p.customerName) {
    const n = normalizedName(p.customerName);
    const found = debtors.filter((x) => normalizedName(x.name) === n);
    if (found.length === 1) return found[0];
  }
  return undefined;
}

const byDue = (a: OpenInvoiceRef, b: OpenInvoiceRef) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.number < b.number ? -1 : 1);

function spread(cents: number, invoices: OpenInvoiceRef[], left: Map<string, number>) {
  const allocations: { invoiceId: string; cents: number }[] = [];
  let rest = cents;
  for (const inv of [...invoices].sort(byDue)) {
    if (rest <= 0) break;
    const take = Math.min(rest, left.get(inv.id) ?? 0);
    if (take <= 0) continue;
    allocations.push({ invoiceId: inv.id, cents: take });
    left.set(inv.id, (left.get(inv.id) ?? 0) - take);
    rest -= take;
  }
  return { allocations, excessCents: rest };
}

export function matchPayments(payments: readonly FilePayment[], invoices: readonly OpenInvoiceRef[], debtors: readonly ExistingDebtor[]): PaymentMatch[] {
  const left = new Map(invoices.map((i) => [i.id, i.openCents]));
  const byKey = new Map<string, OpenInvoiceRef[]>();
  for (const inv of invoices) {
    const k = invoiceKey(inv.number);
    if (k.length >= 3) byKey.set(k, [...(byKey.get(k) ?? []), inv]);
  }
  const ordered = [...payments].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.line - b.line));
  return ordered.map((payment): PaymentMatch => {
    const payer = findPayer(payment, debtors);
    const stillOpen = (i: OpenInvoiceRef) => (left.get(i.id) ?? 0) > 0;
    const keys = referenceKeys(`${payment.invoiceNumber} ${payment.reference}`);
    const named = [...keys].flatMap((k) => byKey.get(k) ?? []).filter((i, at, all) => all.indexOf(i) === at && stillOpen(i) && (!payer || i.debtorId === payer.id || !payment.customerCode));
    if (named.length > 0) {
      const debtorIds = new Set(named.map((i) => i.debtorId));
      const { allocations, excessCents } = spread(payment.cents, named, left);
      const onePayer = debtorIds.size === 1 && (!payer || debtorIds.has(payer.id));
      return {
        payment,
        method: 'reference',
        status: onePayer && excessCents === 0 ? 'sure' : 'to_confirm',
        ...(debtorIds.size === 1 ? { debtorId: named[0]?.debtorId } : {}),
        allocations,
        excessCents,
      };
    }
    if (payer) {
      const own = invoices.filter((i) => i.debtorId === payer.id && stillOpen(i));
      const exact = own.filter((i) => left.get(i.id) === payment.cents);
      if (exact.length >= 1) {
        const { allocations, excessCents } = spread(payment.cents, [exact.sort(byDue)[0] as OpenInvoiceRef], left);
        return { payment, method: 'amount_and_debtor', status: exact.length === 1 ? 'sure' : 'to_confirm', debtorId: payer.id, allocations, excessCents };
      }
      const { allocations, excessCents } = spread(payment.cents, own, left);
      return { payment, method: 'debtor_oldest', status: 'to_confirm', debtorId: payer.id, allocations, excessCents };
    }
    const exact = invoices.filter((i) => stillOpen(i) && left.get(i.id) === payment.cents);
    if (exact.length === 1) {
      const inv = exact[0] as OpenInvoiceRef;
      const { allocations, excessCents } = spread(payment.cents, [inv], left);
      return { payment, method: 'amount_only', status: 'to_confirm', debtorId: inv.debtorId, allocations, excessCents };
    }
    return { payment, method: 'none', status: 'unmatched', allocations: [], excessCents: payment.cents };
  });
}

/** A payment's identity across imports, so the same bank line imported twice is recorded once. */
export function paymentFingerprint(p: Pick<FilePayment, 'date' | 'cents' | 'reference' | 'customerCode' | 'customerName'>): string {
  return [p.date, p.cents, invoiceKey(p.reference), p.customerCode, normalizedName(p.customerName)].join('|');
}
