import { describe, expect, it } from 'vitest';
import { SETTINGS, TODAY, bundleFixture } from './call.fixtures';
import { buildCallFacts, withPromise } from './facts';

describe('buildCallFacts', () => {
  const facts = buildCallFacts(bundleFixture(), SETTINGS, TODAY);

  it('lists open overdue invoices oldest first, with what is left to pay and the days late', () => {
    expect(facts.overdue.map((f) => [f.number, f.outstandingCents, f.daysLate])).toEqual([
      ['F-2026-0101', 120_000, 35],
      ['F-2026-0142', 60_000, 18],
    ]);
    expect(facts.totalOverdueCents).toBe(180_000);
    expect(facts.oldestDueDate).toBe('2026-10-14');
  });

  it('leaves disputed and paid invoices out: chasing pauses on a dispute', () => {
    const numbers = [...facts.overdue, ...facts.upcoming].map((f) => f.number);
    expect(numbers).not.toContain('F-2026-0120');
    expect(numbers).not.toContain('F-2026-0090');
  });

  it('puts invoices not yet due in upcoming, with negative days late', () => {
    expect(facts.upcoming).toEqual([
      { invoiceId: 'i3', number: 'F-2026-0190', dueDate: '2026-11-30', outstandingCents: 36_000, daysLate: -12 },
    ]);
    expect(facts.totalUpcomingCents).toBe(36_000);
  });

  it('counts an invoice due today as upcoming, not late', () => {
    const bundle = bundleFixture();
    bundle.invoices = bundle.invoices.map((inv) => (inv.id === 'i3' ? { ...inv, dueDate: TODAY } : inv));
    const f = buildCallFacts(bundle, SETTINGS, TODAY);
    expect(f.upcoming[0]?.daysLate).toBe(0);
    expect(f.overdue).toHaveLength(2);
  });

  it('picks the preferred contact and the agent from settings', () => {
    expect(facts.contact).toEqual({ id: 'c1', name: 'Claire Dubois', role: 'accountant' });
    expect(facts.agent).toEqual({ name: 'Camille Martin', company: 'Atelier Lumière SAS' });
    expect(facts.company.name).toBe('Boulangerie Martin SARL');
  });

  it('has no contact and no oldest date when the dossier has none', () => {
    const bundle = bundleFixture();
    bundle.contacts = [];
    bundle.invoices = [];
    const f = buildCallFacts(bundle, SETTINGS, TODAY);
    expect(f.contact).toBeNull();
    expect(f.oldestDueDate).toBeNull();
    expect(f.totalOverdueCents).toBe(0);
  });

  it('adds the promise once the debtor commits, without touching the rest', () => {
    const promised = withPromise(facts, { amountCents: 60_000, date: '2026-11-25' });
    expect(promised.promise).toEqual({ amountCents: 60_000, date: '2026-11-25' });
    expect(promised.overdue).toBe(facts.overdue);
    expect(withPromise(promised, null).promise).toBeNull();
  });
});
