import { describe, expect, it } from 'vitest';
import { makeInvoice } from '../../../tests/fixtures/db/builders';
import { payableInvoices, validatePayment, type PaymentFormValues } from './payment-form';

const TODAY = '2026-11-23';
const invoices = [
  makeInvoice({ id: 'late', dueDate: '2026-10-01', amountInclVatCents: 120_000, amountPaidCents: 20_000 }),
  makeInvoice({ id: 'newer', number: 'FA-2', dueDate: '2026-11-01', amountInclVatCents: 50_000 }),
  makeInvoice({ id: 'done', number: 'FA-3', status: 'paid', amountPaidCents: 120_000 }),
];
const values = (over: Partial<PaymentFormValues> = {}): PaymentFormValues => ({
  amount: '1 200,00',
  date: TODAY,
  means: 'transfer',
  invoiceIds: ['newer', 'late'],
  ...over,
});

describe('payableInvoices', () => {
  it('offers what is still owed, oldest due first', () => {
    expect(payableInvoices(invoices).map((i) => i.id)).toEqual(['late', 'newer']);
  });
});

describe('validatePayment', () => {
  it('returns the amount in cents and its allocation, oldest first', () => {
    const r = validatePayment(values(), { today: TODAY, invoices, locale: 'fr' });
    expect(r).toEqual({
      ok: true,
      payment: {
        amountCents: 120_000,
        date: TODAY,
        means: 'transfer',
        invoiceIds: ['newer', 'late'],
        allocations: [
          { invoiceId: 'late', cents: 100_000 },
          { invoiceId: 'newer', cents: 20_000 },
        ],
      },
    });
  });

  it('gives one code per faulty field', () => {
    expect(validatePayment(values({ amount: '', date: '', invoiceIds: [] }), { today: TODAY, invoices, locale: 'fr' })).toEqual({
      ok: false,
      errors: { amount: 'required', date: 'required', invoiceIds: 'required' },
    });
    expect(validatePayment(values({ amount: 'douze', date: '2026-13-01' }), { today: TODAY, invoices, locale: 'fr' })).toMatchObject({
      errors: { amount: 'invalid', date: 'invalid' },
    });
    expect(validatePayment(values({ amount: '0', date: '2026-11-24' }), { today: TODAY, invoices, locale: 'fr' })).toMatchObject({
      errors: { amount: 'notPositive', date: 'future' },
    });
    expect(validatePayment(values({ invoiceIds: ['ghost'] }), { today: TODAY, invoices, locale: 'fr' })).toMatchObject({ errors: { invoiceIds: 'invalid' } });
  });

  it('refuses more than the chosen invoices owe and says by how much', () => {
    expect(validatePayment(values({ amount: '1500,01' }), { today: TODAY, invoices, locale: 'fr' })).toEqual({ ok: false, errors: { amount: 'exceeds' }, excessCents: 1 });
  });

  it('refuses a value date before the oldest ticked invoice was issued, or in the future', () => {
    const dated = [makeInvoice({ id: 'a', issueDate: '2026-09-01', dueDate: '2026-10-01', amountInclVatCents: 120_000 }), makeInvoice({ id: 'b', number: 'FA-2', issueDate: '2026-10-01', dueDate: '2026-11-01' })];
    const check = (date: string, invoiceIds = ['a', 'b']) => validatePayment(values({ amount: '100', date, invoiceIds }), { today: TODAY, invoices: dated, locale: 'fr' });
    expect(check('1900-01-01')).toEqual({ ok: false, errors: { date: 'beforeIssue' } });
    expect(check('2026-08-31')).toEqual({ ok: false, errors: { date: 'beforeIssue' } });
    expect(check('2026-09-15', ['b'])).toEqual({ ok: false, errors: { date: 'beforeIssue' } });
    expect(check('2026-11-24')).toEqual({ ok: false, errors: { date: 'future' } });
    expect(check('2026-09-01')).toMatchObject({ ok: true });
  });
});
