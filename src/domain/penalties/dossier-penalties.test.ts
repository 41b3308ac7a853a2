import { describe, expect, it } from 'vitest';
import { makeActivity, makeDebtor, makeInvoice } from '../../../tests/fixtures/db/builders';
import { DEFAULT_ECB_SEMESTER_RATES, DEFAULT_LEGAL_RATES } from './rates';
import type { RateSettings } from '../entities';
import { dossierPenalties } from './dossier-penalties';

const rates: RateSettings = { schemaVersion: 1, ecb: [...DEFAULT_ECB_SEMESTER_RATES], legal: [...DEFAULT_LEGAL_RATES], contractual: {} };
const TODAY = '2026-03-02';

describe('dossierPenalties', () => {
  // 1 000,00 € incl. VAT due 2026-01-31: 30 late days in 2026-S1 at 2.15 % + 10 = 12.15 %.
  // 100 000 × 0.1215 × 30 / 365 = 998.63… → 999 cents.
  const overdue = makeInvoice({ id: 'a', dueDate: '2026-01-31', amountInclVatCents: 100_000 });
  const bundle = {
    debtor: makeDebtor(),
    invoices: [
      overdue,
      makeInvoice({ id: 'future', dueDate: '2026-04-01' }),
      makeInvoice({ id: 'disputed', status: 'disputed', dueDate: '2025-12-01' }),
      makeInvoice({ id: 'paid', status: 'paid', amountPaidCents: 120_000, dueDate: '2025-12-01' }),
    ],
    activities: [],
  };

  it('counts interest and one 40 € indemnity per overdue invoice, to the cent; disputed and not-yet-due accrue nothing', () => {
    const p = dossierPenalties(bundle, rates, TODAY);
    expect(p.lines.map((l) => l.invoice.id)).toEqual(['a']);
    expect(p.interestCents).toBe(999);
    expect(p.indemnityCents).toBe(4_000);
    expect(p.basis).toBe('statutory');
    expect(p.lines[0]?.penalty.days).toBe(30);
  });

  it('follows the partial payments recorded in the timeline', () => {
    // Half paid on 2026-02-15: 15 days on 1 000 €, then 15 days on 500 €.
    const paid = makeActivity({ id: 'pay', type: 'payment', at: '2026-02-15T10:00:00.000Z', details: { amountCents: 50_000, invoiceIds: ['a'], date: '2026-02-15' } });
    const half = { ...bundle, invoices: [{ ...overdue, amountPaidCents: 50_000 }], activities: [paid] };
    const p = dossierPenalties(half, rates, TODAY);
    // 100 000 × 1215 × 15 + 50 000 × 1215 × 15 = 2 733 750 000 / 3 650 000 = 748.97… → 749.
    expect(p.interestCents).toBe(749);
    expect(p.lines[0]?.outstandingCents).toBe(50_000);
  });

  it('uses the debtor’s contractual rate and warns when it is under three times the legal rate', () => {
    const p = dossierPenalties(bundle, { ...rates, contractual: { d1: 500 } }, TODAY);
    expect(p.basis).toBe('contractual');
    expect(p.contractualRateBp).toBe(500);
    // 2026-S1 legal rate 2.62 %: floor 7.86 %.
    expect(p.warnings).toEqual([{ code: 'contractual_below_floor', semester: '2026-S1', floorBp: 786 }]);
  });

  it('claims no indemnity from a consumer, and no interest before a formal notice', () => {
    const p = dossierPenalties({ ...bundle, debtor: makeDebtor({ kind: 'consumer' }) }, { ...rates, contractual: { d1: 1500 } }, TODAY);
    expect(p.indemnityCents).toBe(0);
    expect(p.interestCents).toBe(0);
    expect(p.basis).toBe('legal');
    expect(p.formalNoticeDate).toBeUndefined();
    expect(p.warnings.map((w) => w.code)).toEqual(['consumer_before_formal_notice']);
  });

  it('charges a consumer the legal interest rate from the formal notice of this episode, read in the timeline', () => {
    const notice = makeActivity({ id: 'mise', type: 'letter', at: '2026-02-10T09:00:00.000Z', outcome: 'sent', details: { step: 'formal_notice' } });
    const p = dossierPenalties({ ...bundle, debtor: makeDebtor({ kind: 'consumer' }), activities: [notice] }, rates, TODAY);
    // 11 Feb – 2 Mar = 20 days at 2.62 % (2026-S1): 100 000 × 262 × 20 / 3 650 000 = 143.56… → 144.
    expect(p).toMatchObject({ basis: 'legal', formalNoticeDate: '2026-02-10', interestCents: 144, indemnityCents: 0, warnings: [] });
  });

  it('charges a consumer interest on an invoice only from the first formal notice that demanded it', () => {
    const consumer = makeDebtor({ kind: 'consumer' });
    const later = makeInvoice({ id: 'b', dueDate: '2026-02-20', amountInclVatCents: 50_000 });
    const first = makeActivity({ id: 'n1', type: 'letter', at: '2026-02-10T09:00:00.000Z', outcome: 'sent', details: { step: 'formal_notice', invoiceIds: ['a'] } });
    // 'b' fell due after the notice of 10 February, which did not demand it: nothing runs on it. 'a': 144 as above.
    const one = dossierPenalties({ ...bundle, debtor: consumer, invoices: [overdue, later], activities: [first] }, rates, TODAY);
    expect(one.lines.map((l) => [l.invoice.id, l.penalty.interestCents])).toEqual([
      ['a', 144],
      ['b', 0],
    ]);
    expect(one).toMatchObject({ formalNoticeDate: '2026-02-10', interestCents: 144 });
    // A second notice on 25 February demands both: 'b' from the 26th (5 days: 50 000 × 262 × 5 / 3 650 000 = 17.9… → 18),
    // 'a' still from the first notice.
    const second = makeActivity({ id: 'n2', type: 'letter', at: '2026-02-25T09:00:00.000Z', outcome: 'sent', details: { step: 'formal_notice', invoiceIds: ['a', 'b'] } });
    const two = dossierPenalties({ ...bundle, debtor: consumer, invoices: [overdue, later], activities: [second, first] }, rates, TODAY);
    expect(two.lines.map((l) => [l.invoice.id, l.penalty.interestCents])).toEqual([
      ['a', 144],
      ['b', 18],
    ]);
    expect(two).toMatchObject({ formalNoticeDate: '2026-02-10', interestCents: 162 });
  });

  it('limits itself to the invoices asked for', () => {
    expect(dossierPenalties(bundle, rates, TODAY, ['other']).lines).toEqual([]);
  });
});
