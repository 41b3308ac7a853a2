/**
 * The payment entry form: what the agent typed, checked with zod, then against the invoices chosen. Errors
 * are codes per field; the page turns them into translated messages beside each field.
 */
import { z } from 'zod/mini';
import { IsoDate, PaymentMeans, type Invoice } from '../../domain/entities';
import { paymentDateProblem } from '../../domain/input/bounds';
import { allocateToInvoices, outstandingCents, type InvoiceAllocation } from '../../domain/payments/allocation';
import { readAmountCents, type MoneyLocale } from '../../domain/money/parse';

export interface PaymentFormValues {
  amount: string;
  date: string;
  means: string;
  invoiceIds: string[];
}

export type PaymentField = keyof PaymentFormValues;
export type PaymentErrorCode = 'required' | 'invalid' | 'notPositive' | 'future' | 'beforeIssue' | 'exceeds';

const Form = z.object({
  amount: z.string().check(z.trim(), z.minLength(1)),
  date: IsoDate,
  means: PaymentMeans,
  invoiceIds: z.array(z.string()).check(z.minLength(1)),
});

export interface ValidPayment {
  amountCents: number;
  date: string;
  means: z.infer<typeof PaymentMeans>;
  invoiceIds: string[];
  allocations: InvoiceAllocation[];
}

export type PaymentFormResult =
  | { ok: true; payment: ValidPayment }
  | { ok: false; errors: Partial<Record<PaymentField, PaymentErrorCode>>; excessCents?: number };

/** Invoices a payment can settle: not paid, something still owed (disputed ones too: money may still come). */
export function payableInvoices(invoices: readonly Invoice[]): Invoice[] {
  return invoices.filter((i) => i.status !== 'paid' && outstandingCents(i) > 0).sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.number.localeCompare(b.number));
}

export function validatePayment(values: PaymentFormValues, ctx: { today: string; invoices: readonly Invoice[]; locale: MoneyLocale }): PaymentFormResult {
  const errors: Partial<Record<PaymentField, PaymentErrorCode>> = {};
  const parsed = Form.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as PaymentField;
      errors[field] ??= issue.code === 'too_small' ? 'required' : values[field]?.length ? 'invalid' : 'required';
    }
  }
  const reading = readAmountCents(values.amount, ctx.locale);
  const amountCents = typeof reading === 'number' ? reading : undefined;
  if (!errors.amount) {
    if (amountCents === undefined) errors.amount = 'invalid';
    else if (amountCents <= 0) errors.amount = 'notPositive';
  }
  const chosen = ctx.invoices.filter((i) => values.invoiceIds.includes(i.id));
  // Money cannot arrive before the oldest ticked invoice was issued (1900-01-01 is a slip), nor tomorrow.
  const dateProblem = errors.date ? null : paymentDateProblem(values.date, { today: ctx.today, issueDates: chosen.map((i) => i.issueDate) });
  if (dateProblem) errors.date = dateProblem === 'future' ? 'future' : 'beforeIssue';

  if (!errors.invoiceIds && chosen.length !== new Set(values.invoiceIds).size) errors.invoiceIds = 'invalid';
  if (Object.keys(errors).length > 0 || amountCents === undefined || !parsed.success) return { ok: false, errors };

  const { allocations, excessCents } = allocateToInvoices(amountCents, chosen);
  if (excessCents > 0) return { ok: false, errors: { amount: 'exceeds' }, excessCents };
  return { ok: true, payment: { amountCents, date: parsed.data.date, means: parsed.data.means, invoiceIds: parsed.data.invoiceIds, allocations } };
}
