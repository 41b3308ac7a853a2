import { describe, expect, it } from 'vitest';
import { fixture } from './fixtures.testing';
import { matchPayments, paymentFingerprint, type OpenInvoiceRef } from './payments-file';
import type { ExistingDebtor } from './plan';
import { readImportFile } from './read-file';

const debtors: ExistingDebtor[] = [
  { id: 'k1', name: 'Atelier Bleu', customerCode: 'K1' },
  { id: 'k2', name: 'Garage Central SARL', customerCode: 'K2' },
  { id: 'k3', name: 'Traiteur du Port', customerCode: 'K3' },
];
const invoices: OpenInvoiceRef[] = [
  { id: 'a1', debtorId: 'k1', number: 'A-1', dueDate: '2026-10-01', openCents: 100000 },
  { id: 'a2', debtorId: 'k1', number: 'A-2', dueDate: '2026-10-15', openCents: 50000 },
  { id: 'g1', debtorId: 'k2', number: 'G-1', dueDate: '2026-10-20', openCents: 250000 },
  { id: 'g2', debtorId: 'k2', number: 'G-2', dueDate: '2026-10-31', openCents: 30000 },
  { id: 't1', debtorId: 'k3', number: 'T-1', dueDate: '2026-12-02', openCents: 75000 },
  { id: 'g42', debtorId: 'k2', number: 'FA-2026-0042', dueDate: '2026-11-30', openCents: 12000 },
];

function bankPayments() {
  const reading = readImportFile(fixture('payments-bank.csv'));
  if (reading.outcome.kind !== 'payments') throw new Error('payments expected');
  return reading.outcome.payments.payments;
}

describe('matchPayments', () => {
  it('matches by reference, then by debtor, then by amount alone, and leaves the rest', () => {
    const matches = matchPayments(bankPayments(), invoices, debtors);
    expect(matches.map((m) => [m.payment.line, m.method, m.status, m.allocations, m.excessCents])).toEqual([
      // "A 2" is too short to be trusted as a reference; K1 owes exactly 500 € on A-2.
      [2, 'amount_and_debtor', 'sure', [{ invoiceId: 'a2', cents: 50000 }], 0],
      // Garage Central by name, 1 000 € owes on no single invoice: oldest first, to confirm.
      [3, 'debtor_oldest', 'to_confirm', [{ invoiceId: 'g1', cents: 100000 }], 0],
      // No payer, but one invoice owes exactly 750 €.
      [4, 'amount_only', 'to_confirm', [{ invoiceId: 't1', cents: 75000 }], 0],
      [6, 'none', 'unmatched', [], 9999],
    ]);
  });

  it('is sure of an exact amount for a known payer, and asks when the reference names another debtor', () => {
    const base = { line: 9, date: '2026-12-04', reference: '', invoiceNumber: '', customerName: '' };
    const [exact] = matchPayments([{ ...base, cents: 30000, customerCode: 'K2' }], invoices, debtors);
    expect(exact).toMatchObject({ method: 'amount_and_debtor', status: 'sure', debtorId: 'k2', allocations: [{ invoiceId: 'g2', cents: 30000 }] });
    // The bank split the number in words: joined again, they name FA-2026-0042.
    const [named] = matchPayments([{ ...base, cents: 12000, customerCode: '', reference: 'VIR SEPA FA 2026 0042' }], invoices, debtors);
    expect(named).toMatchObject({ method: 'reference', status: 'sure', debtorId: 'k2', allocations: [{ invoiceId: 'g42', cents: 12000 }] });
    const [crossed] = matchPayments([{ ...base, cents: 12000, customerCode: '', customerName: 'Atelier Bleu', reference: 'Règlement FA-2026-0042' }], invoices, debtors);
    expect(crossed).toMatchObject({ method: 'reference', status: 'to_confirm', allocations: [{ invoiceId: 'g42', cents: 12000 }] });
    const [over] = matchPayments([{ ...base, cents: 20000, customerCode: 'K2', reference: 'FA2026/0042' }], invoices, debtors);
    expect(over).toMatchObject({ method: 'reference', status: 'to_confirm', excessCents: 8000 });
  });

  it('never lets two payments take the same cents', () => {
    const base = { date: '2026-12-04', reference: 'FA-2026-0042', invoiceNumber: '', customerCode: 'K2', customerName: '' };
    const [first, second] = matchPayments([{ ...base, line: 2, cents: 12000 }, { ...base, line: 3, cents: 12000 }], invoices, debtors);
    expect(first?.status).toBe('sure');
    expect(second).toMatchObject({ method: 'debtor_oldest', status: 'to_confirm', allocations: [{ invoiceId: 'g1', cents: 12000 }] });
  });

  it('fingerprints a bank line the same way whatever the spacing', () => {
    const p = { date: '2026-12-02', cents: 50000, reference: 'VIR  A-2', customerCode: 'K1', customerName: 'Atelier Bleu' };
    expect(paymentFingerprint(p)).toBe(paymentFingerprint({ ...p, reference: 'vir a 2', customerName: 'ATELIER BLEU' }));
    expect(paymentFingerprint(p)).not.toBe(paymentFingerprint({ ...p, cents: 50001 }));
  });
});
