import { describe, expect, it } from 'vitest';
import { commitmentBalance, commitmentOwed, concernedInvoices } from './balance';

describe('commitmentBalance', () => {
  const owed = [
    { id: 'a', number: 'FA-1', outstandingCents: 5_000_000 },
    { id: 'b', number: 'FA-2', outstandingCents: 2_133_880 },
  ];

  it('says what remains after a promise that covers part of the debt', () => {
    expect(commitmentBalance(owed, 123_456)).toEqual({ invoices: owed, owedCents: 7_133_880, committedCents: 123_456, remainingAfterCents: 7_010_424, settles: false });
  });

  it('settles when the commitment covers what is owed, and never goes below zero', () => {
    expect(commitmentBalance(owed, 7_200_000)).toMatchObject({ remainingAfterCents: 0, settles: true });
    expect(commitmentBalance([{ id: 'a', number: 'FA-1', outstandingCents: -5 }], 0)).toMatchObject({ owedCents: 0, settles: true });
  });
});

describe('commitmentOwed, for the call’s outcome view', () => {
  const inv = (id: string, dueDate: string, incl: number, paid: number, status = 'open') => ({ id, number: `F-${id}`, dueDate, status, amountInclVatCents: incl, amountPaidCents: paid });
  const invoices = [inv('2', '2026-10-31', 84_000, 24_000), inv('1', '2026-09-30', 120_000, 0), inv('later', '2026-12-31', 10_000, 0), inv('paid', '2026-08-31', 5_000, 5_000, 'paid')];

  it('states the remaining on the invoices a promise names, and what is left after it', () => {
    expect(commitmentOwed({ kind: 'promise', amountCents: 50_000, invoiceIds: ['2'] }, invoices, '2026-11-18')).toEqual({
      invoices: [{ id: '2', number: 'F-2', outstandingCents: 60_000 }],
      owedCents: 60_000,
      committedCents: 50_000,
      remainingAfterCents: 10_000,
      settles: false,
    });
  });

  it('takes the invoices overdue on the call day when the promise names none, and a plan’s own invoices', () => {
    const overdue = commitmentOwed({ kind: 'promise', amountCents: 180_000, invoiceIds: [] }, invoices, '2026-11-18');
    expect(overdue?.invoices.map((i) => [i.number, i.outstandingCents])).toEqual([['F-1', 120_000], ['F-2', 60_000]]);
    expect(overdue).toMatchObject({ owedCents: 180_000, settles: true });
    const plan = commitmentOwed({ kind: 'plan', instalments: [{ amountCents: 30_000 }, { amountCents: 30_000 }] }, invoices, '2026-11-18', ['2', 'later']);
    expect(plan).toMatchObject({ owedCents: 70_000, committedCents: 60_000, remainingAfterCents: 10_000 });
  });

  it('has nothing to say when no money was promised', () => {
    expect(commitmentOwed({ kind: 'dispute' }, invoices, '2026-11-18')).toBeNull();
    expect(concernedInvoices(['paid'], invoices, '2026-11-18').map((i) => i.id)).toEqual(['paid']);
  });
});
