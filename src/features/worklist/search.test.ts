import { describe, expect, it } from 'vitest';
import type { WorklistRow } from '../../domain/worklist';
import { toSearchKey } from '../../domain/text';
import { looksLikeInvoiceQuery, matchRows } from './search';

function row(debtorId: string, name: string): WorklistRow {
  return {
    debtorId, name, segment: 'mid_market', overdueCents: 100, notYetDueCents: 0, disputedCents: 0,
    oldestDaysLate: 3, brokenPromises: 0, tier: 2, score: 300,
  };
}

const rows = [row('d1', 'Boulangerie Épinal'), row('d2', 'Cœur de Loire SARL'), row('d3', 'Transports Martin')];
const keys = rows.map((r) => toSearchKey(r.name));

describe('matchRows', () => {
  it('returns every row, in order, for an empty or blank query', () => {
    expect(matchRows(rows, keys, '   ').map((r) => r.debtorId)).toEqual(['d1', 'd2', 'd3']);
  });
  it('ignores accents and case in the company name', () => {
    expect(matchRows(rows, keys, 'EPINAL').map((r) => r.debtorId)).toEqual(['d1']);
  });
  it('matches the ligature a French speaker types as two letters', () => {
    expect(matchRows(rows, keys, 'coeur de').map((r) => r.debtorId)).toEqual(['d2']);
  });
  it('adds debtors found by invoice number and keeps priority order', () => {
    const found = matchRows(rows, keys, 'fa-2026', new Set(['d3', 'd1']));
    expect(found.map((r) => r.debtorId)).toEqual(['d1', 'd3']);
  });
  it('finds nothing when neither name nor invoice matches', () => {
    expect(matchRows(rows, keys, 'zzz')).toEqual([]);
  });
});

describe('looksLikeInvoiceQuery', () => {
  it('skips the invoice index for a single character', () => {
    expect(looksLikeInvoiceQuery(' F ')).toBe(false);
    expect(looksLikeInvoiceQuery('FA')).toBe(true);
  });
});
