import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney } from './format';

// Intl uses narrow no-break spaces in French; normalise them so the assertion reads plainly.
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

describe('formatMoney', () => {
  it('formats French amounts with a comma and a space before €', () => {
    expect(plain(formatMoney(123456, 'fr-FR'))).toBe('1 234,56 €');
  });
  it('formats English amounts with the symbol first', () => {
    expect(formatMoney(123456, 'en-GB')).toBe('€1,234.56');
  });
  it('keeps negative cents exact', () => {
    expect(plain(formatMoney(-5, 'fr-FR'))).toBe('-0,05 €');
  });
});

describe('formatDate', () => {
  it('never shifts a calendar date by the timezone', () => {
    expect(formatDate('2026-01-01', 'fr-FR')).toBe('01/01/2026');
    expect(formatDate('2026-12-31', 'en-GB')).toBe('31/12/2026');
  });
});
