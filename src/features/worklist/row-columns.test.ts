import { describe, expect, it } from 'vitest';
import type { WorklistRow } from '../../domain/worklist';
import { columnRows, packRows, packStrings, rowBuffers, unpackStrings } from './row-columns';

const row = (debtorId: string, over: Partial<WorklistRow> = {}): WorklistRow => ({
  debtorId, name: `Société ${debtorId}`, segment: 'small_business', overdueCents: 12_345, notYetDueCents: 0, disputedCents: 0,
  oldestDaysLate: 9, brokenPromises: 0, tier: 2, score: 111_105, ...over,
});

describe('packed strings', () => {
  it('round-trips any strings, empty ones and separators included', () => {
    const strings = ['d-1', '', 'a\nb', 'Cœur d’Épinal', '{"x":"\\n"}', '\u0000', 'z'];
    const packed = packStrings(strings);
    expect(packed.ends).toHaveLength(strings.length);
    expect(unpackStrings(packed)).toEqual(strings);
    expect(unpackStrings(packStrings([]))).toEqual([]);
  });
});

describe('row columns', () => {
  // Every optional part present and absent, an empty outcome apart from a missing one, odd numbers and text.
  const rows: WorklistRow[] = [
    row('d1', { nextTask: { id: 't-1', dueDate: '2026-11-30', kind: 'call_back' }, tier: 0, score: 0.5 }),
    row('d2', { lastAction: { at: '2026-11-02T09:30:00+01:00', type: 'call', outcome: 'no_answer' }, brokenPromises: 2, tier: 1 }),
    row('d3', { lastAction: { at: '2026-11-03T10:00:00Z', type: 'email' } }),
    row('d4', { lastAction: { at: '2026-11-03T10:00:00Z', type: 'note', outcome: '' } }),
    row('d5', { history: { segment: 'bad_payer', overridden: false }, score: 9_007_199_254_740_991 }),
    row('d6', { history: { segment: 'reliable', overridden: true }, disputedCents: 70_000, notYetDueCents: 1, oldestDaysLate: 0 }),
    row('', { name: 'Cœur d’Épinal\n"SAS"', segment: 'public_sector' }),
  ];

  it('gives back exactly the rows it was given, each built once, with no key for an absent part', () => {
    const source = columnRows([packRows(rows)]);
    expect(source.length).toBe(rows.length);
    const back = rows.map((_, i) => source.at(i));
    expect(back).toStrictEqual(rows);
    expect(source.at(2)).toBe(source.at(2));
    expect('outcome' in (source.at(2).lastAction ?? {})).toBe(false);
    expect(rows.map((_, i) => source.debtorIdAt(i))).toEqual(rows.map((r) => r.debtorId));
  });

  it('joins several blocks in order, a short last one and an empty one included', () => {
    const source = columnRows([packRows(rows.slice(0, 3)), packRows([]), packRows(rows.slice(3, 5)), packRows(rows.slice(5))]);
    expect(source.length).toBe(rows.length);
    expect(rows.map((_, i) => source.at(i))).toStrictEqual(rows);
    expect(source.debtorIdAt(4)).toBe('d5');
    expect(columnRows([]).length).toBe(0);
  });

  it('hands over its two typed arrays’ buffers for a transfer', () => {
    const columns = packRows(rows);
    expect(rowBuffers(columns)).toEqual([columns.numbers.buffer, columns.strings.ends.buffer]);
  });
});
