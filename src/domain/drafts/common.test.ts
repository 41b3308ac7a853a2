import { describe, expect, it } from 'vitest';
import { addressBlock, invoiceTable, renderTextTable } from './common';

const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

describe('addressBlock', () => {
  it('writes the French postal layout, with the country only when abroad', () => {
    const a = { line1: '12 rue des Lilas', postalCode: '69003', city: 'Lyon', country: 'FR' };
    expect(addressBlock('Dupont SARL', a, 'FR', 'À l’attention de Mme Roux')).toEqual({
      name: 'Dupont SARL',
      lines: ['À l’attention de Mme Roux', '12 rue des Lilas', '69003 LYON'],
    });
    expect(addressBlock('Bruxelles SA', { ...a, city: 'Bruxelles', postalCode: '1000', country: 'BE' }).lines.at(-1)).toBe('BELGIQUE');
  });
});

describe('invoiceTable', () => {
  const invoices = [
    { number: 'F-1', issueDate: '2025-05-02', dueDate: '2025-06-01', label: 'Maintenance mai', amountExclVatCents: 100_000, amountInclVatCents: 120_000, outstandingCents: 20_000 },
    { number: 'F-22', issueDate: '2025-05-20', dueDate: '2025-06-19', label: 'x'.repeat(50), amountExclVatCents: 5_000, amountInclVatCents: 6_000 },
  ];

  it("keeps the seed's five columns by default and truncates long labels", () => {
    const t = invoiceTable(invoices, 'fr', { labelMaxLength: 10 });
    expect(t.columns).toEqual(['N° de facture', 'Date de facture', 'Libellé', 'Montant HT', 'Montant TTC']);
    expect(t.rows[1]?.[2]).toBe(`${'x'.repeat(9)}…`);
    expect(plain(t.rows[0]?.[4] ?? '')).toBe('1 200,00 €');
  });

  it('adds due date and outstanding for letters, in English formats', () => {
    const t = invoiceTable(invoices, 'en', { withDueAndOutstanding: true });
    expect(t.columns).toHaveLength(7);
    expect(t.rows[0]).toEqual(['F-1', '02/05/2025', 'Maintenance mai', '01/06/2025', '€1,000.00', '€1,200.00', '€200.00']);
    expect(t.rows[1]?.[6]).toBe('€60.00');
  });

  it('renders aligned plain text with right-aligned amounts', () => {
    const text = renderTextTable(invoiceTable(invoices, 'en'));
    const lines = text.split('\n');
    expect(lines).toHaveLength(4);
    // Every amount column ends at the same position.
    const ends = lines.slice(2).map((l) => l.length);
    expect(new Set(ends).size).toBe(1);
    expect(lines[1]).toMatch(/^-+( {2}-+){4}$/);
  });
});
