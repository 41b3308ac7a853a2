import { describe, expect, it } from 'vitest';
import { Activity, Contact, Debtor, Invoice, type PaymentPromise } from '../entities';
import { paymentsFromActivities } from '../payments/allocation';
import { trackPromises } from '../payments/tracking';
import { fixture } from './fixtures.testing';
import { planImport, type ExistingPortfolio, type ImportPlan } from './plan';
import { planRecords, type ImportRecords } from './plan-records';
import { readImportFile } from './read-file';

let n = 0;
const newId = (kind: string) => `${kind}-${++n}`;

function plan(name: string, existing: ExistingPortfolio, importDate: string): ImportPlan {
  const reading = readImportFile(fixture(name));
  if (reading.outcome.kind !== 'portfolio') throw new Error('portfolio expected');
  const result = planImport(reading.outcome.portfolio, existing, { importDate, newId });
  if (!result.ok) throw new Error('refused');
  return result.plan;
}

function records(p: ImportPlan, stored: Invoice[] = []): ImportRecords {
  return planRecords(p, {
    storedInvoices: new Map(stored.map((i) => [i.id, i])),
    now: '2026-12-03T08:00:00.000Z',
    agent: 'Camille Martin',
    newId,
    paymentSummary: (_d, cents, numbers) => `Import : ${cents} c sur ${numbers.join(', ')}`,
  });
}

describe('planRecords', () => {
  it('writes valid debtors, contacts and invoices for a first import', () => {
    const r = records(plan('aged-balance-1252.csv', { debtors: [], invoices: [] }, '2026-12-03'));
    for (const d of r.debtors) Debtor.parse(d);
    for (const i of r.invoices) Invoice.parse(i);
    for (const c of r.contacts) Contact.parse(c);
    expect(r.debtors.map((d) => [d.customerCode, d.siren])).toEqual([
      ['C101', '552100554'],
      ['C102', ''],
      ['C103', ''],
    ]);
    expect(r.activities).toEqual([]);
    expect(r.touchedDebtorIds).toHaveLength(3);
  });

  it('turns what a newer file shows as paid into a dated payment that keeps the promise on it', () => {
    const first = records(plan('aged-balance-v1.csv', { debtors: [], invoices: [] }, '2026-11-20'));
    const existing: ExistingPortfolio = { debtors: first.debtors, invoices: first.invoices };
    const a1 = first.invoices.find((i) => i.number === 'A-1') as Invoice;
    const promise: PaymentPromise = {
      schemaVersion: 1,
      id: 'p1',
      debtorId: a1.debtorId,
      createdAt: '2026-11-25T10:00:00.000Z',
      amountCents: 100000,
      dueDate: '2026-12-02',
      means: 'transfer',
      invoiceIds: [a1.id],
      status: 'pending',
      paidCents: 0,
    };
    const second = records(plan('aged-balance-v2-newer.csv', existing, '2026-12-03'), first.invoices);
    for (const a of second.activities) Activity.parse(a);
    const closed = second.invoices.find((i) => i.id === a1.id);
    expect(closed).toMatchObject({ status: 'paid', amountPaidCents: 100000 });
    const k1Payment = second.activities.find((a) => a.debtorId === a1.debtorId);
    expect(k1Payment).toMatchObject({ type: 'payment', outcome: 'imported', summary: 'Import : 100000 c sur A-1', details: { date: '2026-12-03', amountCents: 100000 } });
    const payments = paymentsFromActivities(second.activities.filter((a) => a.debtorId === a1.debtorId), second.invoices);
    expect(trackPromises([promise], payments, '2026-12-03').get('p1')).toMatchObject({ status: 'kept', paidCents: 100000 });
    // G-1 went from 2 500 € owed to 1 000 €: 1 500 € received, with G-2 closed (300 €).
    const k2 = second.activities.find((a) => a.debtorId !== a1.debtorId);
    expect(k2?.details).toMatchObject({ amountCents: 150000 + 30000 });
  });

  it('lists a payment’s invoices by number, whatever order the stored invoices come in (their ids are random)', () => {
    const csv = (lines: string[]) => new TextEncoder().encode(['Client;Facture;Échéance;Montant', ...lines].join('\n'));
    const planOf = (bytes: Uint8Array, existing: ExistingPortfolio, importDate: string) => {
      const reading = readImportFile(bytes);
      if (reading.outcome.kind !== 'portfolio') throw new Error('portfolio expected');
      const result = planImport(reading.outcome.portfolio, existing, { importDate, newId });
      if (!result.ok) throw new Error('refused');
      return result.plan;
    };
    const first = records(planOf(csv(['Menuiserie Dupont;F10;15/01/2026;100,00', 'Menuiserie Dupont;F2;15/01/2026;200,00', 'Menuiserie Dupont;F3;15/01/2026;300,00']), { debtors: [], invoices: [] }, '2026-11-20'));
    // The newer file lists F3 only: F2 and F10 were paid.
    const payment = (invoices: Invoice[]) => {
      const second = records(planOf(csv(['Menuiserie Dupont;F3;15/01/2026;300,00']), { debtors: first.debtors, invoices }, '2026-12-03'), first.invoices);
      const [activity] = second.activities;
      return { summary: activity?.summary, details: activity?.details };
    };
    const inOrder = payment(first.invoices);
    expect(inOrder.summary).toBe('Import : 30000 c sur F2, F10');
    expect(payment([...first.invoices].reverse())).toEqual(inOrder);
  });
});
