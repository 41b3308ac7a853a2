import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PaymentPlan, PaymentPromise, type PaymentPlan as Plan } from '../entities';
import { addMonths, evenInstalments, planIssues, planPromises, planTotal } from './plan';

const TODAY = '2026-11-23';

describe('planIssues', () => {
  const ok = [
    { dueDate: '2026-12-05', amountCents: 50_000 },
    { dueDate: '2027-01-05', amountCents: 50_000 },
  ];

  it('accepts increasing future dates summing to the expected total', () => {
    expect(planIssues(ok, { expectedTotalCents: 100_000, today: TODAY })).toEqual([]);
    // Today itself is not in the past.
    expect(planIssues([{ dueDate: TODAY, amountCents: 1 }], { expectedTotalCents: 1, today: TODAY })).toEqual([]);
  });

  it('names each problem and the instalment it is about', () => {
    const issues = planIssues(
      [
        { dueDate: '2026-11-20', amountCents: 0 },
        { dueDate: '2026-11-20', amountCents: 60_000 },
      ],
      { expectedTotalCents: 100_000, today: TODAY },
    );
    expect(issues).toEqual([
      { code: 'amount_not_positive', index: 0 },
      { code: 'date_in_past', index: 0 },
      { code: 'date_in_past', index: 1 },
      { code: 'date_not_increasing', index: 1 },
      { code: 'sum_mismatch' },
    ]);
    expect(planIssues([], { expectedTotalCents: 1, today: TODAY })).toEqual([{ code: 'no_instalments' }]);
    expect(planIssues([{ dueDate: '2999-12-31', amountCents: 1 }], { expectedTotalCents: 1, today: TODAY })).toEqual([{ code: 'date_too_far', index: 0 }]);
  });

  it('expects the penalties in the total only when included', () => {
    expect(planTotal(100_000, 4_321, 'included')).toBe(104_321);
    expect(planTotal(100_000, 4_321, 'waived')).toBe(100_000);
  });
});

describe('addMonths and evenInstalments', () => {
  it('keeps the day, or the month’s last day when shorter', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-05', 2)).toBe('2027-01-05');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  });

  it('splits to the cent with the remainder first, monthly', () => {
    expect(evenInstalments(100_001, 3, '2026-12-05')).toEqual([
      { dueDate: '2026-12-05', amountCents: 33_335 },
      { dueDate: '2027-01-05', amountCents: 33_333 },
      { dueDate: '2027-02-05', amountCents: 33_333 },
    ]);
  });

  it('always sums to the total and always passes the plan check (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 24 }), (total, count) => {
        fc.pre(total >= count);
        const plan = evenInstalments(total, count, '2026-12-31');
        expect(plan).toHaveLength(count);
        expect(planIssues(plan, { expectedTotalCents: total, today: TODAY })).toEqual([]);
      }),
    );
  });
});

describe('planPromises', () => {
  it('makes one valid pending promise per instalment, dated when the debtor committed', () => {
    const plan: Plan = {
      schemaVersion: 1,
      id: 'plan-1',
      debtorId: 'deb-1',
      createdAt: '2026-11-20T09:30:00.000Z',
      proposedBy: 'Camille Martin',
      contactId: 'c-1',
      invoiceIds: ['inv-1', 'inv-2'],
      instalments: [
        { dueDate: '2026-12-05', amountCents: 60_000 },
        { dueDate: '2027-01-05', amountCents: 40_000 },
      ],
      balanceCents: 100_000,
      penaltiesCents: 2_500,
      penalties: 'waived',
      totalCents: 100_000,
      means: 'transfer',
      status: 'approved',
      note: '',
    };
    expect(PaymentPlan.safeParse(plan).success).toBe(true);
    const promises = planPromises(plan);
    expect(promises.map((p) => [p.id, p.dueDate, p.amountCents, p.status, p.createdAt])).toEqual([
      ['plan-1-i1', '2026-12-05', 60_000, 'pending', plan.createdAt],
      ['plan-1-i2', '2027-01-05', 40_000, 'pending', plan.createdAt],
    ]);
    for (const p of promises) {
      expect(PaymentPromise.safeParse(p).success).toBe(true);
      expect(p).toMatchObject({ debtorId: 'deb-1', contactId: 'c-1', invoiceIds: ['inv-1', 'inv-2'], paidCents: 0 });
    }
  });
});
