import { describe, expect, it } from 'vitest';
import type { InvoiceFact } from '../../domain/call/facts';
import { formatElapsed, scriptBlocks, stepsNear } from './call-view';

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

describe('stepsNear', () => {
  it('lists the next step, the one before and the one after next, skipping those past either end', () => {
    expect(stepsNear('presentation')).toEqual(['identification', 'explanation']);
    expect(stepsNear('explanation')).toEqual(['listening', 'identification', 'delay_reason']);
    expect(stepsNear('conclusion')).toEqual(['formalisation', 'contact_details']);
    expect(stepsNear('formalisation')).toEqual(['conclusion']);
  });
});
