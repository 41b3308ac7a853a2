import { describe, expect, it } from 'vitest';
import { makeInvoice } from '../../../tests/fixtures/db/builders';
import { generateRows, planBasis, validatePlan, type PlanFormValues } from './plan-form';

const TODAY = '2026-11-23';
const basis = planBasis(
  {
    invoices: [
      makeInvoice({ id: 'a', amountInclVatCents: 120_000, amountPaidCents: 20_000 }),
      makeInvoice({ id: 'b', amountInclVatCents: 50_000, dueDate: '2026-12-30' }),
      makeInvoice({ id: 'disputed', status: 'disputed' }),
      makeInvoice({ id: 'paid', status: 'paid', amountPaidCents: 120_000 }),
    ],
  },
  4_500,
);
const values = (over: Partial<PlanFormValues> = {}): PlanFormValues => ({
  penalties: 'waived',
  means: 'transfer',
  note: '',
  rows: generateRows(150_000, 3, '2026-12-05', 'fr'),
  ...over,
});

describe('planBasis', () => {
  it('settles every open, undisputed invoice, due or not', () => {
    expect(basis).toEqual({ balanceCents: 150_000, penaltiesCents: 4_500, invoiceIds: ['a', 'b'] });
  });
});

describe('validatePlan', () => {
  it('accepts generated rows for the balance when penalties are waived', () => {
    expect(validatePlan(values(), basis, TODAY, 'fr')).toEqual({
      ok: true,
      totalCents: 150_000,
      instalments: [
        { dueDate: '2026-12-05', amountCents: 50_000 },
        { dueDate: '2027-01-05', amountCents: 50_000 },
        { dueDate: '2027-02-05', amountCents: 50_000 },
      ],
    });
  });

  it('expects the penalties too when they are included', () => {
    expect(validatePlan(values({ penalties: 'included' }), basis, TODAY, 'fr')).toMatchObject({ ok: false, plan: ['sum_mismatch'], totalCents: 154_500, typedCents: 150_000 });
    expect(validatePlan(values({ penalties: 'included', rows: generateRows(154_500, 3, '2026-12-05', 'en') }), basis, TODAY, 'fr').ok).toBe(true);
  });

  it('flags each faulty row', () => {
    const r = validatePlan(
      values({
        rows: [
          { dueDate: '2026-11-20', amount: '500' },
          { dueDate: '2026-12-05', amount: 'x' },
          { dueDate: '2026-12-01', amount: '900' },
          { dueDate: '', amount: '0' },
        ],
      }),
      basis,
      TODAY,
      'fr',
    );
    expect(r).toMatchObject({ ok: false, rows: ['date_in_past', 'amountInvalid', 'date_not_increasing', 'dateInvalid'], plan: ['sum_mismatch'] });
    expect(validatePlan(values({ rows: [] }), basis, TODAY, 'fr')).toMatchObject({ ok: false, plan: ['no_instalments'] });
  });
});
