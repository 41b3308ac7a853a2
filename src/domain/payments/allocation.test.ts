import { describe, expect, it } from 'vitest';
import { allocateToInvoices, invoicePayments, paymentsFromActivities, type AllocatableInvoice } from './allocation';

const inv = (id: string, dueDate: string, incl: number, paid = 0): AllocatableInvoice => ({
  id,
  number: `FA-${id}`,
  dueDate,
  amountInclVatCents: incl,
  amountPaidCents: paid,
});

describe('allocateToInvoices', () => {
  it('settles the oldest due date first, each up to what it still owes', () => {
    const r = allocateToInvoices(15_000, [inv('b', '2026-10-15', 20_000), inv('a', '2026-09-30', 12_000, 2_000)]);
    expect(r).toEqual({ allocations: [{ invoiceId: 'a', cents: 10_000 }, { invoiceId: 'b', cents: 5_000 }], excessCents: 0 });
  });

  it('reports the excess when the payment is more than the invoices owe', () => {
    const r = allocateToInvoices(30_000, [inv('a', '2026-09-30', 12_000, 2_000), inv('paid', '2026-08-01', 5_000, 5_000)]);
    expect(r.allocations).toEqual([{ invoiceId: 'a', cents: 10_000 }]);
    expect(r.excessCents).toBe(20_000);
  });

  it('breaks a due-date tie by invoice number', () => {
    const r = allocateToInvoices(100, [inv('2', '2026-09-30', 100), inv('1', '2026-09-30', 100)]);
    expect(r.allocations).toEqual([{ invoiceId: '1', cents: 100 }]);
  });
});

describe('paymentsFromActivities', () => {
  const invoices = [inv('a', '2026-09-30', 12_000), inv('b', '2026-10-15', 20_000)];

  it('reads date and allocations when present, skips other activities and malformed details', () => {
    const payments = paymentsFromActivities(
      [
        { id: 'n', type: 'note', at: '2026-11-02T10:00:00Z', details: { amountCents: 5 } },
        { id: 'bad', type: 'payment', at: '2026-11-02T10:00:00Z', details: { amountCents: -5, invoiceIds: [] } },
        {
          id: 'p2',
          type: 'payment',
          at: '2026-11-20T10:00:00Z',
          details: { amountCents: 3_000, invoiceIds: ['b'], date: '2026-11-18', allocations: [{ invoiceId: 'b', cents: 3_000 }] },
        },
        { id: 'p1', type: 'payment', at: '2026-11-03T23:30:00Z', details: { amountCents: 14_000, invoiceIds: ['a', 'b'] } },
      ],
      invoices,
    );
    expect(payments.map((p) => p.id)).toEqual(['p1', 'p2']);
    // No date: the activity's day in Paris (23:30 UTC is already the 4th there).
    expect(payments[0]).toMatchObject({ date: '2026-11-04', allocations: [{ invoiceId: 'a', cents: 12_000 }, { invoiceId: 'b', cents: 2_000 }] });
    expect(payments[1]).toMatchObject({ date: '2026-11-18', allocations: [{ invoiceId: 'b', cents: 3_000 }] });
  });
});

describe('invoicePayments', () => {
  it('lists the dated payments of one invoice and dates an unexplained paid amount on the due date', () => {
    const invoice = inv('a', '2026-09-30', 12_000, 9_000);
    const dated = invoicePayments(invoice, [
      { id: 'p1', date: '2026-10-20', cents: 5_000, invoiceIds: ['a', 'b'], allocations: [{ invoiceId: 'a', cents: 4_000 }, { invoiceId: 'b', cents: 1_000 }] },
    ]);
    expect(dated).toEqual([
      { date: '2026-09-30', cents: 5_000 },
      { date: '2026-10-20', cents: 4_000 },
    ]);
  });
});

describe('older payments that name several invoices with no stored split', () => {
  // Issue 10: each was re-spread as if nothing had been paid, so 220 000 landed on a 120 000 invoice.
  const invoices = [inv('a', '2026-03-31', 120_000, 120_000), inv('b', '2026-04-30', 200_000, 100_000)];
  const legacy = (id: string, at: string, cents: number) => ({ id, type: 'payment', at, details: { amountCents: cents, invoiceIds: ['a', 'b'] } });
  const payments = paymentsFromActivities(
    [legacy('p3', '2026-06-10T09:00:00Z', 20_000), legacy('p1', '2026-05-05T09:00:00Z', 100_000), legacy('p2', '2026-05-20T09:00:00Z', 100_000)],
    invoices,
  );

  it('allocates them once, in date order, oldest invoice first, each up to what is left on it', () => {
    expect(payments.map((p) => [p.id, p.allocations])).toEqual([
      ['p1', [{ invoiceId: 'a', cents: 100_000 }]],
      ['p2', [{ invoiceId: 'a', cents: 20_000 }, { invoiceId: 'b', cents: 80_000 }]],
      ['p3', [{ invoiceId: 'b', cents: 20_000 }]],
    ]);
    const onA = payments.flatMap((p) => p.allocations).filter((x) => x.invoiceId === 'a').reduce((s, x) => s + x.cents, 0);
    expect(onA).toBe(120_000);
  });

  it('gives each invoice the real payment dates for its penalty periods', () => {
    expect(invoicePayments(invoices[0] as AllocatableInvoice, payments)).toEqual([
      { date: '2026-05-05', cents: 100_000 },
      { date: '2026-05-20', cents: 20_000 },
    ]);
    expect(invoicePayments(invoices[1] as AllocatableInvoice, payments)).toEqual([
      { date: '2026-05-20', cents: 80_000 },
      { date: '2026-06-10', cents: 20_000 },
    ]);
  });

  it('counts what stored splits already put on an invoice before spreading an older record', () => {
    const mixed = paymentsFromActivities(
      [
        { id: 'new', type: 'payment', at: '2026-05-01T09:00:00Z', details: { amountCents: 110_000, invoiceIds: ['a'], date: '2026-05-01', allocations: [{ invoiceId: 'a', cents: 110_000 }] } },
        legacy('old', '2026-05-02T09:00:00Z', 30_000),
      ],
      invoices,
    );
    expect(mixed[1]?.allocations).toEqual([{ invoiceId: 'a', cents: 10_000 }, { invoiceId: 'b', cents: 20_000 }]);
  });
});
