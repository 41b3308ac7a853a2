import { describe, expect, it } from 'vitest';
import type { InvoiceFact } from '../../domain/call/facts';
import { centsToInput, formatElapsed, parseEuros, scriptBlocks } from './call-view';

describe('parseEuros', () => {
  it.each([
    ['60', 6_000],
    ['1 234,56', 123_456],
    ['1\u202f234,5 €', 123_450],
    ['1234.56', 123_456],
    ['1.234,56', 123_456],
    ['1,234.56', 123_456],
    ['1.234', 123_400],
    ['0,05', 5],
  ])('%s → %i cents', (text, cents) => {
    expect(parseEuros(text)).toBe(cents);
  });

  it('empty is null; junk, negatives and three decimals are invalid', () => {
    expect(parseEuros('  ')).toBeNull();
    for (const bad of ['abc', '-5', '1,234', '1,234,567', '1,5a', '12,3.456']) {
      expect(parseEuros(bad), bad).toBe('invalid');
    }
  });

  it('round-trips through centsToInput', () => {
    for (const cents of [0, 5, 6_000, 123_456, 100_001]) {
      expect(parseEuros(centsToInput(cents, ','))).toBe(cents);
      expect(parseEuros(centsToInput(cents, '.'))).toBe(cents);
    }
    expect(centsToInput(123_450, ',')).toBe('1234,50');
  });
});

describe('formatElapsed', () => {
  it('shows minutes and seconds, hours past the hour', () => {
    expect(formatElapsed(0)).toBe('00:00');
    expect(formatElapsed(247.9)).toBe('04:07');
    expect(formatElapsed(3729)).toBe('1:02:09');
  });
});

describe('scriptBlocks', () => {
  const inv: InvoiceFact = { invoiceId: 'i1', number: 'F-1', dueDate: '2026-10-01', outstandingCents: 100, daysLate: 3 };

  it('lifts an invoice list out as a table and drops the punctuation that followed it', () => {
    const blocks = scriptBlocks([
      { kind: 'text', text: 'Au sujet de ' },
      { kind: 'value', variable: 'total.overdue', text: '1 €', missing: false },
      { kind: 'text', text: ' : ' },
      { kind: 'invoices', variable: 'invoices.overdue', invoices: [inv], text: 'F-1 (…)' },
      { kind: 'text', text: '. La première échéance…' },
    ]);
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'invoices', 'paragraph']);
    expect(blocks[2]).toEqual({ kind: 'paragraph', parts: [{ kind: 'text', text: 'La première échéance…' }] });
  });

  it('keeps an empty list inline as a missing fact', () => {
    const blocks = scriptBlocks([
      { kind: 'text', text: 'À venir : ' },
      { kind: 'invoices', variable: 'invoices.upcoming', invoices: [], text: '…' },
      { kind: 'text', text: '.' },
    ]);
    expect(blocks).toEqual([
      {
        kind: 'paragraph',
        parts: [
          { kind: 'text', text: 'À venir : ' },
          { kind: 'value', variable: 'invoices.upcoming', text: '…', missing: true },
          { kind: 'text', text: '.' },
        ],
      },
    ]);
  });
});
