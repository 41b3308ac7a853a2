import { describe, expect, it } from 'vitest';
import { readDelimited, sniffSeparator } from './delimited';

describe('sniffSeparator', () => {
  it('finds each separator', () => {
    expect(sniffSeparator('Client;Facture;Montant\nA;F1;1 234,56\n')).toBe(';');
    expect(sniffSeparator('Client\tFacture\tMontant\nA\tF1\t12,5\n')).toBe('\t');
    expect(sniffSeparator('Client|Facture|Montant\nA|F1|12,5\n')).toBe('|');
    expect(sniffSeparator('Client,Invoice,Amount\nA,F1,12.50\n')).toBe(',');
  });

  it('is not fooled by decimal commas or separators inside quotes', () => {
    // Every row has one comma (the decimal) and one semicolon: the header decides.
    expect(sniffSeparator('Client;Montant\nA;12,50\nB;3,00\n')).toBe(';');
    expect(sniffSeparator('"Dupont; fils",Amount\n"Martin; SA",12.5\n')).toBe(',');
  });
});

describe('readDelimited', () => {
  it('keeps the file line of each row, across blank lines and quoted line breaks', () => {
    const text = 'Client;Note\r\n\r\nA;"two\r\nlines"\r\nB;x\r\n;\r\nC;"say ""hi"""\r\n';
    const { rows, separator } = readDelimited(text);
    expect(separator).toBe(';');
    expect(rows).toEqual([
      { line: 1, cells: ['Client', 'Note'] },
      { line: 3, cells: ['A', 'two\r\nlines'] },
      { line: 5, cells: ['B', 'x'] },
      { line: 7, cells: ['C', 'say "hi"'] },
    ]);
  });

  it('counts lines of a file without a final line break, and of old Mac files', () => {
    expect(readDelimited('a;b\nc;d').rows.map((r) => r.line)).toEqual([1, 2]);
    expect(readDelimited('a;b\rc;d\r\re;f').rows.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('obeys a chosen separator', () => {
    expect(readDelimited('a;b,c\n', ',').rows[0]?.cells).toEqual(['a;b', 'c']);
  });
});
