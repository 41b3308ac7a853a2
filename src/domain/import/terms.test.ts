import { describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_TERMS, dueDateFromTerms, termsFor } from './terms';

describe('payment terms', () => {
  it('computes net and end-of-month due dates', () => {
    expect(dueDateFromTerms('2026-01-15', { kind: 'net', days: 30 })).toBe('2026-02-14');
    expect(dueDateFromTerms('2026-01-15', { kind: 'end_of_month', days: 30 })).toBe('2026-02-28');
    expect(dueDateFromTerms('2028-01-31', { kind: 'end_of_month', days: 30 })).toBe('2028-03-31');
    expect(dueDateFromTerms('2026-12-10', { kind: 'end_of_month', days: 45 })).toBe('2027-01-31');
    expect(dueDateFromTerms('2026-03-01', { kind: 'net', days: 0 })).toBe('2026-03-01');
  });

  it('takes a debtor override over the default', () => {
    const terms = { ...DEFAULT_IMPORT_TERMS, overrides: { C042: { kind: 'end_of_month' as const, days: 45 } } };
    expect(termsFor('C042', terms)).toEqual({ kind: 'end_of_month', days: 45 });
    expect(termsFor('C001', terms)).toEqual({ kind: 'net', days: 30 });
  });
});
