import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMoney } from './format';

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

describe('dates of instants are Paris dates', () => {
  // 23:30 UTC on 2 December is already 3 December in Paris.
  it('formats an instant on its Paris day, not its UTC day', () => {
    expect(formatDate('2026-12-02T23:30:00.000Z', 'fr-FR')).toBe('03/12/2026');
  });
  it('shows date and time on the Paris clock whatever the machine’s zone', () => {
    expect(plain(formatDateTime('2026-12-02T23:30:00.000Z', 'fr-FR'))).toBe('03/12/2026 00:30');
    expect(plain(formatDateTime('2026-07-01T22:15:00.000Z', 'fr-FR'))).toBe('02/07/2026 00:15');
  });
});
