import { describe, expect, it } from 'vitest';
import { bundleFixture } from '../call/call.fixtures';
import type { Activity } from '../entities';
import { segmentHistoryOf } from './bundle-history';
import { historySegment, segmentFacts } from './history-segment';

const payment = (id: string, date: string, cents: number, invoiceIds: string[]): Activity => ({
  schemaVersion: 1,
  id,
  debtorId: 'd1',
  type: 'payment',
  at: `${date}T10:00:00.000Z`,
  summary: 'Virement',
  agent: 'Camille Martin',
  details: { amountCents: cents, invoiceIds, date, allocations: invoiceIds.map((invoiceId) => ({ invoiceId, cents })) },
});

describe('segmentHistoryOf', () => {
  it('takes the latest payment naming the invoice, by its value date, else the day of the record', () => {
    const bundle = bundleFixture();
    const i5 = bundle.invoices.find((i) => i.id === 'i5')!;
    const older = payment('p0', '2026-10-02', 4_000, ['i5']);
    const latest = { ...payment('p1', '2026-10-20', 6_000, ['i5', 'i1']), details: { amountCents: 6_000, invoiceIds: ['i5', 'i1'] } };
    bundle.activities = [latest, older];
    expect(segmentHistoryOf(bundle).invoices.find((i) => i.dueDate === i5.dueDate)?.paidOn).toBe('2026-10-20');
    // A timeline note is not a payment, and a payment of another invoice does not date this one.
    bundle.activities = [{ ...older, type: 'note' }, payment('p2', '2026-11-01', 1_000, ['i1'])];
    expect(segmentHistoryOf(bundle).invoices.find((i) => i.dueDate === i5.dueDate)?.paidOn).toBe(i5.dueDate);
  });

  it('dates a paid invoice by the payment that settled it', () => {
    const bundle = bundleFixture();
    const i5 = bundle.invoices.find((i) => i.id === 'i5')!; // due 2026-09-30, paid
    bundle.activities = [payment('p1', '2026-11-09', i5.amountInclVatCents, ['i5'])];
    const history = segmentHistoryOf(bundle);
    expect(history.invoices.find((i) => i.dueDate === '2026-09-30')).toEqual({ dueDate: '2026-09-30', amountCents: 10_000, paidOn: '2026-11-09', disputed: false });
  });

  it('counts a paid invoice with no dated payment as paid on its due date, never late', () => {
    const history = segmentHistoryOf(bundleFixture());
    expect(history.invoices.find((i) => i.dueDate === '2026-09-30')?.paidOn).toBe('2026-09-30');
    // Open invoices have no paid day; the disputed one is flagged.
    expect(history.invoices.filter((i) => i.paidOn === undefined)).toHaveLength(4);
    expect(history.invoices.filter((i) => i.disputed)).toHaveLength(1);
  });

  it('reads promises with their status, and the rule gives a segment with its reasons', () => {
    const bundle = bundleFixture();
    bundle.promises = ['2026-10-05', '2026-10-20', '2026-11-02'].map((dueDate, n) => ({
      schemaVersion: 1 as const,
      id: `pr${n}`,
      debtorId: 'd1',
      createdAt: '2026-09-20T10:00:00.000Z',
      amountCents: 10_000,
      dueDate,
      means: 'transfer' as const,
      invoiceIds: ['i1'],
      status: 'broken' as const,
      paidCents: 0,
    }));
    const history = segmentHistoryOf(bundle);
    expect(segmentFacts(history, '2026-11-18').brokenPromises).toBe(3);
    expect(historySegment(history, '2026-11-18')).toBe('bad_payer');
  });
});
