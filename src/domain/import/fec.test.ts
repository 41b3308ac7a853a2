import { describe, expect, it } from 'vitest';
import { readDelimited } from './delimited';
import { decodeImport } from './encoding';
import { FEC_COLUMNS, fecHeaderError, readFec } from './fec';
import { fixture } from './fixtures.testing';
import type { ParsedPortfolio } from './portfolio';

function fec(options: Parameters<typeof readFec>[1] = {}): ParsedPortfolio {
  const decoded = decodeImport(fixture('fec-lettering.txt'));
  const result = readFec(readDelimited(decoded.text).rows, options);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.portfolio;
}

const open = (p: ParsedPortfolio) => Object.fromEntries(p.invoices.map((i) => [i.number, i.openCents]));

describe('readFec on a FEC with lettering, part payments and an unlettered credit note', () => {
  it('is read as ISO-8859-15, tab separated', () => {
    const decoded = decodeImport(fixture('fec-lettering.txt'));
    expect(decoded.encoding).toBe('iso-8859-15');
    expect(decoded.text).toContain('Cœur de Loire SAS');
    expect(readDelimited(decoded.text).separator).toBe('\t');
  });

  it('keeps the customers of 411 accounts by auxiliary account', () => {
    const p = fec();
    expect(p.debtors.map((d) => [d.key, d.name])).toEqual([
      ['C001', 'Boulangerie Dupont SARL'],
      ['C002', 'Cœur de Loire SAS'],
      ['C003', 'Menuiserie Martin'],
    ]);
    expect(p.fec).toEqual({ cutOff: '2026-12-03', customerLines: 11, otherLines: 18, partialLetterings: 1, salesJournal: 'VT' });
  });

  it('on the last day of the file: lettered invoices closed, part payment and credit note taken off, partial lettering left open', () => {
    const p = fec();
    // FA2026-001 is lettered with its payment; FA2026-005 is paid on 03/12 (lettered on 05/12, still a credit on 03/12).
    expect(open(p)).toEqual({ 'FA2026-002': 80000 - 20000, 'FA2026-003': 50000, 'FA2026-004': 70000, 'FA2026-006': 35000 });
    // The unnamed part payment (VIR1110) goes to the oldest invoice of the customer.
    expect(p.credits.map((c) => [c.reference, c.kind, c.cents])).toEqual([
      ['VIR1110', 'payment', 20000],
      ['AV2026-001', 'credit_note', 30000],
      ['FA2026-005', 'payment', 45000],
    ]);
    expect(p.invoices.find((i) => i.number === 'FA2026-006')).toMatchObject({ totalCents: 60000, openCents: 35000, issueDate: '2026-10-20' });
    expect(p.unappliedCredits).toEqual([]);
    expect(p.errors).toEqual([]);
  });

  it('at a 30/11 cut-off, the lettering of 05/12 does not close FA2026-005 and the later payment is ignored', () => {
    const p = fec({ cutOff: '2026-11-30' });
    expect(open(p)['FA2026-005']).toBe(45000);
    expect(p.credits.map((c) => c.reference)).toEqual(['VIR1110', 'AV2026-001']);
  });

  it('derives every due date from the payment terms and says which were used', () => {
    const p = fec({ terms: { default: { kind: 'end_of_month', days: 30 }, overrides: { C003: { kind: 'net', days: 60 } } } });
    const due = Object.fromEntries(p.invoices.map((i) => [i.number, [i.dueDate, i.dueDateFrom]]));
    expect(due['FA2026-002']).toEqual(['2026-11-30', 'terms']);
    expect(due['FA2026-006']).toEqual(['2026-12-19', 'terms']);
    expect(p.terms).toEqual({
      default: { kind: 'end_of_month', days: 30 },
      overrides: [{ debtorKey: 'C003', terms: { kind: 'net', days: 60 } }],
      invoices: 4,
    });
  });
});

describe('FEC columns', () => {
  const row = (cells: string[], line: number) => ({ line, cells });
  const header: string[] = [...FEC_COLUMNS];

  it('names the first column out of order', () => {
    const swapped = [...header];
    [swapped[3], swapped[4]] = [swapped[4] as string, swapped[3] as string];
    expect(fecHeaderError(swapped)).toEqual({ kind: 'fec_header', column: 4, expected: 'EcritureDate', found: 'CompteNum' });
    expect(fecHeaderError(header.slice(0, 17))).toEqual({ kind: 'fec_header', column: 18, expected: 'Idevise', found: '' });
  });

  it('reads the Montant + Sens variant, pipe separated, and reports bad cells with line and column', () => {
    const sensHeader = header.map((c) => (c === 'Debit' ? 'Montant' : c === 'Credit' ? 'Sens' : c));
    const text = [
      sensHeader.join('|'),
      'VT|Ventes|1|20261001|411000|Clients|C9|Client Neuf|F9|20261001|Facture F9|1 500,00|D|||||',
      'BQ|Banque|2|20261010|411000|Clients|C9|Client Neuf|V9|20261010|Virement|400,00|C|||||',
      'BQ|Banque|3|20261011|411000|Clients|C9|Client Neuf|V10|20261011|Virement|10,00|X|||||',
      'BQ|Banque|4|20261311|411000|Clients|C9|Client Neuf|V11|20261011|Virement|10,00|C|||||',
      'BQ|Banque|5|20261012|411000',
    ].join('\n');
    const { rows, separator } = readDelimited(text);
    expect(separator).toBe('|');
    const result = readFec(rows);
    if (!result.ok) throw new Error('expected a FEC');
    expect(result.portfolio.invoices.map((i) => [i.number, i.openCents])).toEqual([['F9', 110000]]);
    expect(result.portfolio.errors).toEqual([
      { kind: 'invalid_sens', value: 'X', line: 4, column: { index: 13, header: 'Sens' } },
      { kind: 'invalid_date', value: '20261311', line: 5, column: { index: 4, header: 'EcritureDate' } },
      { kind: 'field_count', expected: 18, found: 5, line: 6 },
    ]);
    expect(readFec([row(header, 1)]).ok).toBe(true);
  });
});
