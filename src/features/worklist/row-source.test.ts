import { describe, expect, it } from 'vitest';
import type { WorklistRow } from '../../domain/worklist';
import { arrayRows, pickRows } from './row-source';

const row = (debtorId: string, over: Partial<WorklistRow> = {}): WorklistRow => ({
  debtorId, name: `Société ${debtorId}`, segment: 'small_business', overdueCents: 12_345, notYetDueCents: 0, disputedCents: 0,
  oldestDaysLate: 9, brokenPromises: 0, tier: 2, score: 111_105, ...over,
});

describe('row sources', () => {
  const rows = [
    row('d1', { nextTask: { id: 't', dueDate: '2026-11-30', kind: 'call_back' }, tier: 0 }),
    row('d2', { lastAction: { at: '2026-11-02T09:30:00+01:00', type: 'call', outcome: 'no_answer' } }),
    row('d3'),
  ];

  it('picks rows by position, in the order given', () => {
    const picked = pickRows(arrayRows(rows), [2, 0]);
    expect(picked.length).toBe(2);
    expect([picked.at(0).debtorId, picked.at(1).debtorId]).toEqual(['d3', 'd1']);
    expect(picked.debtorIdAt(1)).toBe('d1');
  });
});
