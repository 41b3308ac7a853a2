import { describe, expect, it } from 'vitest';
import { formatShortDate } from './short-date';

describe('formatShortDate', () => {
  it('leaves the year out for dates of the current year', () => {
    expect(formatShortDate('2026-11-20', '2026-11-23', 'fr-FR')).toBe('20 nov.');
    expect(formatShortDate('2026-11-20', '2026-11-23', 'en-GB')).toBe('20 Nov');
  });
  it('keeps the year when it differs from today’s', () => {
    expect(formatShortDate('2025-12-31', '2026-01-02', 'fr-FR')).toBe('31 déc. 2025');
  });
  it('never shifts the calendar day with the time zone', () => {
    expect(formatShortDate('2026-01-01', '2026-06-01', 'en-GB')).toBe('1 Jan');
  });
});
