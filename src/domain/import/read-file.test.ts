import { describe, expect, it } from 'vitest';
import { fixture } from './fixtures.testing';
import { readImportFile } from './read-file';
import type { ParsedPortfolio } from './portfolio';

function portfolioOf(name: string, options: Parameters<typeof readImportFile>[1] = {}): ParsedPortfolio {
  const reading = readImportFile(fixture(name), options);
  if (reading.outcome.kind !== 'portfolio') throw new Error(`expected a portfolio, got ${JSON.stringify(reading.outcome)}`);
  return reading.outcome.portfolio;
}

describe('readImportFile on the fixtures', () => {
  it('reads a Windows-1252 aged balance, leaving out subtotal and total lines', () => {
    const reading = readImportFile(fixture('aged-balance-1252.csv'));
    expect(reading).toMatchObject({ encoding: 'windows-1252', encodingDetected: true, separator: ';', kind: 'aged_balance', missing: [] });
    const p = portfolioOf('aged-balance-1252.csv');
    expect(p.errors).toEqual([]);
    expect(p.debtors.map((d) => [d.customerCode, d.name, d.siren])).toEqual([
      ['C101', 'Boulangerie L’Épi d’Or', '552100554'],
      ['C102', 'Œuvres & Bâtiments SA', undefined],
      ['C103', 'Crèmerie Müller €uro', undefined],
    ]);
    expect(p.skipped.map((s) => [s.line, s.kind, s.label])).toEqual([
      [4, 'subtotal', 'Sous-total C101'],
      [7, 'subtotal', 'Sous-total C102'],
      [8, 'zero_balance', 'FA-1004'],
      [10, 'subtotal', 'Sous-total C103'],
      [11, 'total', 'Total général'],
    ]);
    const inv = Object.fromEntries(p.invoices.map((i) => [i.number, i]));
    // Part payment: the invoice keeps its amount, the rest counts as paid.
    expect(inv['FA-1002']).toMatchObject({ totalCents: 98050, openCents: 48050, issueDate: '2026-10-03', dueDate: '2026-11-02', dueDateFrom: 'file' });
    // The credit note in parentheses is taken off the customer's invoice.
    expect(inv['FA-1003']).toMatchObject({ totalCents: 360000, openCents: 345000 });
    expect(p.credits).toEqual([{ debtorKey: 'C102', kind: 'credit_note', reference: 'AV-0042', date: '2026-10-20', cents: 15000, line: 6 }]);
    expect(inv['FA-1005']).toMatchObject({ issueDate: '2026-10-25', dueDate: '2026-11-24', openCents: 200000 });
    expect(p.invoices.reduce((s, i) => s + i.openCents, 0)).toBe(737050);
    expect(inv['FA-1001']?.label).toBe('Pains spéciaux – septembre');
  });

  it('reads a UTF-16 LE file with its BOM, tab separated', () => {
    const reading = readImportFile(fixture('aged-balance-utf16le.txt'));
    expect(reading).toMatchObject({ encoding: 'utf-16le', bom: true, separator: '\t', kind: 'aged_balance' });
    const p = portfolioOf('aged-balance-utf16le.txt');
    expect(p.debtors.map((d) => d.name)).toEqual(['Société Générale de Travaux', 'Łukasz Ørsted ApS']);
    expect(p.invoices.map((i) => [i.number, i.openCents])).toEqual([
      ['INV-501', 1234567],
      ['INV-503', 200000 - 123456],
    ]);
    expect(p.skipped).toEqual([{ line: 5, kind: 'total', label: 'Total', cents: 1311111 }]);
  });

  it('refuses the file whose 37th data row is dated 31/02, naming line 38 and the column', () => {
    const p = portfolioOf('aged-balance-bad-date-row37.csv');
    expect(p.errors).toEqual([{ kind: 'invalid_date', value: '31/02/2026', line: 38, column: { index: 3, header: 'Échéance' } }]);
    expect(p.invoices).toHaveLength(39);
    expect(p.refused).toEqual([{ line: 38, debtorKey: 'name:client 37', invoiceNumber: 'F0037' }]);
  });

  it('recognises a payments file by its headers', () => {
    const reading = readImportFile(fixture('payments-bank.csv'));
    expect(reading.kind).toBe('payments');
    if (reading.outcome.kind !== 'payments') throw new Error('payments expected');
    expect(reading.outcome.payments.payments).toHaveLength(4);
    expect(reading.outcome.payments.ignored).toEqual([5]);
    expect(reading.outcome.payments.payments[1]).toMatchObject({ date: '2026-12-03', cents: 100000, customerName: 'Garage Central' });
  });

  it('obeys the agent: encoding, separator, kind and mapping', () => {
    const reading = readImportFile(fixture('aged-balance-1252.csv'), { encoding: 'iso-8859-15' });
    expect(reading).toMatchObject({ encoding: 'iso-8859-15', encodingDetected: false });
    const remapped = readImportFile(fixture('aged-balance-v1.csv'), { mapping: { customerName: 1, invoiceNumber: 2, dueDate: 4, openAmount: 5 } });
    if (remapped.outcome.kind !== 'portfolio') throw new Error('portfolio expected');
    expect(remapped.outcome.portfolio.debtors.map((d) => d.key)).toEqual(['name:atelier bleu', 'name:garage central']);
    const asFec = readImportFile(fixture('aged-balance-v1.csv'), { kind: 'fec' });
    expect(asFec.outcome).toEqual({ kind: 'file_error', error: { kind: 'fec_header', column: 1, expected: 'JournalCode', found: 'Customer code' } });
  });

  it('says what is wrong with files it cannot read', () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(readImportFile(bytes('')).outcome).toEqual({ kind: 'file_error', error: { kind: 'empty_file' } });
    expect(readImportFile(bytes('Client;Facture;Échéance;Montant\r\n')).outcome).toEqual({ kind: 'file_error', error: { kind: 'no_data' } });
    const noAmount = readImportFile(bytes('Client;Facture;Échéance\r\nA;F1;01/01/2026\r\n'));
    expect(noAmount.missing).toEqual(['openAmount']);
  });
});
