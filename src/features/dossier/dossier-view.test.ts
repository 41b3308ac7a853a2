import { describe, expect, it } from 'vitest';
import type { Activity, Invoice } from '../../domain/entities';
import {
  aboveBlockingThreshold,
  dossierTotals,
  formatSiren,
  groupInvoices,
  timelineOrder,
} from './dossier-view';

const TODAY = '2026-11-23';

function invoice(id: string, dueDate: string, incl: number, paid = 0, status: Invoice['status'] = 'open'): Invoice {
  return {
    schemaVersion: 1, id, debtorId: 'd1', number: `FA-${id}`, issueDate: '2026-09-01', dueDate, label: 'Prestations',
    amountExclVatCents: Math.round(incl / 1.2), amountInclVatCents: incl, currency: 'EUR', status, amountPaidCents: paid,
  };
}

describe('groupInvoices', () => {
  const groups = groupInvoices(
    [
      invoice('late-recent', '2026-11-20', 10_000),
      invoice('late-old', '2026-10-01', 20_000, 5_000),
      invoice('due-today', TODAY, 30_000),
      invoice('disputed', '2026-09-15', 40_000, 0, 'disputed'),
      invoice('paid', '2026-08-01', 50_000, 50_000, 'paid'),
      invoice('fully-paid-open', '2026-08-10', 1_000, 1_000),
    ],
    TODAY,
  );

  it('puts overdue invoices oldest first with their days late', () => {
    expect(groups.overdue.map((l) => [l.invoice.id, l.daysLate])).toEqual([
      ['late-old', 53],
      ['late-recent', 3],
    ]);
  });
  it('keeps an invoice due today out of the overdue group', () => {
    expect(groups.upcoming.map((l) => [l.invoice.id, l.daysLate])).toEqual([['due-today', 0]]);
  });
  it('separates disputed invoices even when past due', () => {
    expect(groups.disputed.map((l) => l.invoice.id)).toEqual(['disputed']);
  });
  it('treats an open invoice paid in full as paid, newest first', () => {
    expect(groups.paid.map((l) => l.invoice.id)).toEqual(['fully-paid-open', 'paid']);
  });
  it('totals what is still owed, net of partial payments', () => {
    expect(dossierTotals(groups)).toEqual({
      overdueCents: 25_000,
      notYetDueCents: 30_000,
      disputedCents: 40_000,
      outstandingCents: 95_000,
    });
  });
});

describe('aboveBlockingThreshold', () => {
  const totals = { overdueCents: 0, notYetDueCents: 0, disputedCents: 0, outstandingCents: 50_001 };
  it('warns once outstanding exceeds the threshold', () => {
    expect(aboveBlockingThreshold({ blockingThresholdCents: 50_000 }, totals)).toBe(true);
    expect(aboveBlockingThreshold({ blockingThresholdCents: 50_001 }, totals)).toBe(false);
  });
  it('never warns when the account has no threshold', () => {
    expect(aboveBlockingThreshold({ blockingThresholdCents: 0 }, totals)).toBe(false);
  });
});

describe('timelineOrder', () => {
  const act = (id: string, at: string): Activity => ({
    schemaVersion: 1, id, debtorId: 'd1', type: 'call', at, summary: '', agent: 'A',
  });
  it('shows the newest activity first, across time-zone offsets', () => {
    const ordered = timelineOrder([
      act('a', '2026-11-20T09:45:00.000Z'),
      act('b', '2026-11-20T10:30:00.000+01:00'),
      act('c', '2026-11-21T08:00:00.000Z'),
    ]);
    expect(ordered.map((a) => a.id)).toEqual(['c', 'a', 'b']);
  });
});

describe('formatting helpers', () => {
  it('groups a SIREN by three digits', () => {
    expect(formatSiren('552100554')).toBe('552 100 554');
  });
});
