import { describe, expect, it } from 'vitest';
import { InvoiceNumbering } from './invoice-numbering';

describe('InvoiceNumbering', () => {
  it('numbers per year, rising with the issue date whatever the order of creation', () => {
    const n = new InvoiceNumbering();
    const late = n.next('2026-11-20');
    const early = n.next('2026-01-03');
    const sameDay = n.next('2026-11-20');
    expect(early < late && late < sameDay).toBe(true);
    expect(early).toMatch(/^FA-2026-\d{5}$/);
    expect(n.next('2025-12-31').startsWith('FA-2025-')).toBe(true);
  });

  it('stays unique when one day holds more invoices than its block', () => {
    const n = new InvoiceNumbering();
    const numbers = [...Array.from({ length: 100 }, () => n.next('2026-03-01')), ...Array.from({ length: 50 }, () => n.next('2026-03-02'))];
    expect(new Set(numbers).size).toBe(150);
  });
});
