import { describe, expect, it } from 'vitest';
import type { WorklistRow } from '../../domain/worklist';
import { arrayRows, jsonRows, packStrings, pickRows, unpackStrings } from './row-source';

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

describe('row sources', () => {
  const rows = [
    row('d1', { nextTask: { id: 't', dueDate: '2026-11-30', kind: 'call_back' }, tier: 0 }),
    row('d2', { lastAction: { at: '2026-11-02T09:30:00+01:00', type: 'call', outcome: 'no_answer' } }),
    row('d3'),
  ];

  it('gives back from JSON exactly the rows it was given, each parsed once', () => {
    const source = jsonRows(rows.map((r) => JSON.stringify(r)), rows.map((r) => r.debtorId));
    expect(source.length).toBe(3);
    expect([0, 1, 2].map((i) => source.at(i))).toEqual(rows);
    expect(source.at(1)).toBe(source.at(1));
    expect([0, 1, 2].map((i) => source.debtorIdAt(i))).toEqual(['d1', 'd2', 'd3']);
  });

  it('picks rows by position, in the order given', () => {
    const picked = pickRows(arrayRows(rows), [2, 0]);
    expect(picked.length).toBe(2);
    expect([picked.at(0).debtorId, picked.at(1).debtorId]).toEqual(['d3', 'd1']);
    expect(picked.debtorIdAt(1)).toBe('d1');
  });
});
