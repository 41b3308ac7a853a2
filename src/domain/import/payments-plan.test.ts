import { describe, expect, it } from 'vitest';
import { fixture } from './fixtures.testing';
import type { FilePayment } from './payments-file';
import { importedPaymentId, linesToRecord, paymentLineKeys, planPayments, type PlannableInvoice } from './payments-plan';
import type { ExistingDebtor } from './plan';
import { readImportFile } from './read-file';

const debtors: ExistingDebtor[] = [
  { id: 'k1', name: 'Atelier Bleu', customerCode: 'K1' },
  { id: 'k2', name: 'Garage Central SARL', customerCode: 'K2' },
  { id: 'k3', name: 'Traiteur du Port', customerCode: 'K3' },
];
const inv = (id: string, debtorId: string, number: string, dueDate: string, amount: number, paid = 0, status = 'open'): PlannableInvoice => ({
  id,
  debtorId,
  number,
  dueDate,
  amountInclVatCents: amount,
  amountPaidCents: paid,
  status,
});
const invoices = [
  inv('a1', 'k1', 'A-1', '2026-10-01', 100000),
  inv('a2', 'k1', 'A-2', '2026-10-15', 50000),
  inv('g1', 'k2', 'G-1', '2026-10-20', 250000),
  inv('t1', 'k3', 'T-1', '2026-12-02', 80000, 5000),
  inv('x9', 'k3', 'X-9', '2026-09-01', 75000, 75000, 'paid'),
  inv('f11', 'k1', 'FA-2026-0011', '2026-11-01', 20000),
  inv('f12', 'k2', 'FA-2026-0012', '2026-11-30', 40000),
];

function bankPayments(): FilePayment[] {
  const reading = readImportFile(fixture('payments-bank.csv'));
  if (reading.outcome.kind !== 'payments') throw new Error('payments expected');
  return reading.outcome.payments.payments;
}

async function plan(payments: FilePayment[], recorded: string[] = [], today = '2026-12-05') {
  const lineIds = await Promise.all(paymentLineKeys(payments).map(importedPaymentId));
  return { lineIds, plan: planPayments({ payments, lineIds, recorded: new Set(recorded), debtors, invoices, today }) };
}

describe('planPayments', () => {
  it('sorts the bank file into sure, to confirm and unmatched, one record per debtor paid', async () => {
    const { plan: p } = await plan(bankPayments());
    expect(p.lines.map((l) => [l.line, l.status, l.parts.map((x) => [x.debtorName, x.cents, x.invoiceNumbers])])).toEqual([
      [2, 'sure', [['Atelier Bleu', 50000, ['A-2']]]],
      [3, 'to_confirm', [['Garage Central SARL', 100000, ['G-1']]]],
      // Only what T-1 still owes (750 €, 50 € already paid) matches the 750 € line; X-9 is paid and out.
      [4, 'to_confirm', [['Traiteur du Port', 75000, ['T-1']]]],
      [6, 'unmatched', []],
    ]);
    expect(p.counts).toEqual({ sure: 1, to_confirm: 2, unmatched: 1, recorded: 0 });
    expect(p.errors).toEqual([]);
  });

  it('records the sure lines and only the unsure lines the agent confirmed, never an unmatched one', async () => {
    const { plan: p } = await plan(bankPayments());
    const unsure = p.lines.filter((l) => l.status === 'to_confirm');
    expect(linesToRecord(p, new Set()).map((l) => l.line)).toEqual([2]);
    expect(linesToRecord(p, new Set([unsure[1]?.id ?? '']))).toHaveLength(2);
    const unmatched = p.lines.find((l) => l.status === 'unmatched');
    expect(linesToRecord(p, new Set(p.lines.map((l) => l.id))).map((l) => l.line)).not.toContain(unmatched?.line);
  });

  it('gives the same line the same id on every import, and two identical lines two ids', async () => {
    const base: FilePayment = { line: 2, date: '2026-12-02', cents: 50000, reference: 'VIR A-2', invoiceNumber: '', customerCode: 'K1', customerName: '' };
    const first = await plan([base, { ...base, line: 3 }]);
    // The same two transfers, further down a longer export with different spacing: same ids.
    const again = await plan([{ ...base, line: 1, cents: 999, reference: 'autre' }, { ...base, line: 7, reference: 'vir  a 2' }, { ...base, line: 8 }]);
    expect(first.lineIds[0]).not.toBe(first.lineIds[1]);
    expect(again.lineIds.slice(1)).toEqual(first.lineIds);
    expect(first.lineIds[0]).toMatch(/^pay-imp-[0-9a-f]{40}$/);
  });

  it('leaves lines already recorded out of the matching, so they take no invoice twice', async () => {
    const payments = bankPayments();
    const { lineIds } = await plan(payments);
    const { plan: p } = await plan(payments, [lineIds[0] ?? '']);
    expect(p.lines.find((l) => l.line === 2)).toMatchObject({ status: 'recorded', parts: [] });
    expect(p.counts.recorded).toBe(1);
    expect(linesToRecord(p, new Set(p.lines.map((l) => l.id))).map((l) => l.line)).not.toContain(2);
  });

  it('refuses a line dated after today, naming its line and column', async () => {
    const payments = bankPayments();
    const lineIds = await Promise.all(paymentLineKeys(payments).map(importedPaymentId));
    const p = planPayments({ payments, lineIds, recorded: new Set(), debtors, invoices, today: '2026-12-03', dateColumn: { index: 1, header: 'Date de règlement' } });
    expect(p.errors.map((e) => [e.kind, e.line, e.column?.header])).toEqual([
      ['future_payment_date', 6, 'Date de règlement'],
    ]);
    expect(p.lines.map((l) => l.line)).toEqual([2, 3, 4]);
  });

  it('splits a reference naming two debtors’ invoices into one record each, to confirm', async () => {
    const payments: FilePayment[] = [{ line: 2, date: '2026-12-02', cents: 60000, reference: 'FA-2026-0011 et FA 2026 0012', invoiceNumber: '', customerCode: '', customerName: '' }];
    const { plan: p } = await plan(payments);
    const [line] = p.lines;
    expect(line?.status).toBe('to_confirm');
    expect(line?.parts.map((x) => [x.debtorId, x.cents])).toEqual([
      ['k1', 20000],
      ['k2', 40000],
    ]);
    expect(line?.parts[1]?.id).toBe(`${line?.id}-1`);
  });
});
