import { describe, expect, it } from 'vitest';
import type { RateSettings } from '../../domain/entities';
import { nextSemesterStart, rowsOf, validateRates } from './rates-form';

const current: RateSettings = {
  schemaVersion: 1,
  ecb: [
    { from: '2025-07-01', bp: 215 },
    { from: '2026-01-01', bp: 215 },
  ],
  legal: [{ from: '2026-01-01', bp: 262 }],
  contractual: { d1: 1_200 },
};

describe('rates form', () => {
  it('round-trips the stored tables through the rows in French notation, sorted, contractual rates kept', () => {
    const rows = rowsOf(current, 'fr');
    expect(rows.ecb[0]).toEqual({ from: '2025-07-01', rate: '2,15' });
    const edited = { ...rows, ecb: [{ from: '2026-07-01', rate: '1,90' }, ...rows.ecb] };
    const result = validateRates(edited, current);
    expect(result).toEqual({
      ok: true,
      rates: { ...current, ecb: [...current.ecb, { from: '2026-07-01', bp: 190 }] },
    });
  });

  it('reports each faulty row with a code', () => {
    const result = validateRates(
      {
        ecb: [
          { from: '2026-03-01', rate: '2' },
          { from: '2026-01-01', rate: 'deux' },
          { from: '2026-01-01', rate: '2,15' },
          { from: '2026-02-30', rate: '1' },
        ],
        legal: [{ from: 'hier', rate: '2,62' }],
      },
      current,
    );
    expect(result).toEqual({ ok: false, errors: { ecb: ['not_semester_start', 'rateInvalid', 'duplicate', 'not_semester_start'], legal: ['bad_date'] } });
  });

  it('refuses rates outside sane bounds, naming the table', () => {
    const result = validateRates({ ecb: [{ from: '2026-01-01', rate: '99999' }], legal: [{ from: '2026-01-01', rate: '20,01' }] }, current);
    expect(result).toEqual({ ok: false, errors: { ecb: ['rateOutOfBounds'], legal: ['rateOutOfBounds'] } });
    expect(validateRates({ ecb: [{ from: '2026-01-01', rate: '15' }], legal: [{ from: '2026-01-01', rate: '20' }] }, current)).toMatchObject({ ok: true });
  });

  it('proposes the semester after the last one', () => {
    expect(nextSemesterStart([{ from: '2026-01-01', rate: '' }], '2026-11-23')).toBe('2026-07-01');
    expect(nextSemesterStart([{ from: '2026-07-01', rate: '' }], '2026-11-23')).toBe('2027-01-01');
    expect(nextSemesterStart([], '2026-11-23')).toBe('2026-07-01');
  });
});
