import { describe, expect, it } from 'vitest';
import { makeActivity, makeBundle, makeInvoice, makePromise } from '../../../tests/fixtures/db/builders';
import { dossierRung } from './dossier-rung';

const TODAY = '2026-11-23';
const bundle = makeBundle({
  invoices: [
    makeInvoice({ id: 'i1', number: 'FA-2026-0001', dueDate: '2026-09-15', amountInclVatCents: 120_000, amountPaidCents: 20_000 }),
    makeInvoice({ id: 'i2', number: 'FA-2026-0002', dueDate: '2026-10-01', amountInclVatCents: 60_000 }),
    makeInvoice({ id: 'i3', number: 'FA-2026-0003', dueDate: '2026-12-20', amountInclVatCents: 10_000 }),
  ],
  activities: [
    makeActivity({ id: 'r1', type: 'email', at: '2026-09-21T06:30:00.000Z', outcome: 'sent', details: { step: 'first_reminder' } }),
    makeActivity({ id: 'r2', type: 'letter', at: '2026-10-07T06:30:00.000Z', outcome: 'sent', details: { step: 'second_reminder' } }),
  ],
});

describe('dossierRung', () => {
  it('after a second reminder the next rung is the formal notice, on the overdue invoices only', () => {
    expect(dossierRung(bundle, TODAY)).toMatchObject({ rung: 'formal_notice', invoiceIds: ['i1', 'i2'], deadlineDays: 8 });
  });

  it('a pending promise holds the escalation until the day after its deadline', () => {
    const held = { ...bundle, promises: [makePromise({ dueDate: '2026-11-30', createdAt: '2026-11-20T10:00:00.000Z' })] };
    expect(dossierRung(held, TODAY)).toMatchObject({ rung: 'formal_notice', held: true, dueOn: '2026-12-01' });
  });
});
