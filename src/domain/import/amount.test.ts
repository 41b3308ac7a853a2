import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseAmountCents } from './amount';

const cents = (raw: string) => {
  const r = parseAmountCents(raw);
  return r.ok ? r.cents : 'refused';
};

describe('parseAmountCents', () => {
  it('reads French numbers', () => {
    expect(cents('1 234,56')).toBe(123456);
    expect(cents('1\u00a0234,56')).toBe(123456);
    expect(cents('1\u202f234,56 €')).toBe(123456);
    expect(cents('12,5')).toBe(1250);
    expect(cents('1.234,56')).toBe(123456);
    expect(cents('0,01')).toBe(1);
    expect(cents('1 234')).toBe(123400);
  });

  it('reads English and plain numbers', () => {
    expect(cents('1234.56')).toBe(123456);
    expect(cents('1,234.56')).toBe(123456);
    expect(cents('1,234,567')).toBe(123456700);
    expect(cents('1.234.567')).toBe(123456700);
    expect(cents('EUR 99.9')).toBe(9990);
    expect(cents('12,5000')).toBe(1250);
  });

  it('reads credit notes written with a minus or in parentheses', () => {
    expect(cents('-1 234,56')).toBe(-123456);
    expect(cents('(1 234,56)')).toBe(-123456);
    expect(cents('1 234,56-')).toBe(-123456);
    expect(cents('- 50,00 €')).toBe(-5000);
    expect(cents('+50')).toBe(5000);
    expect(cents('-0,00')).toBe(0);
  });

  it('refuses what it would have to guess', () => {
    for (const raw of ['', ' ', 'abc', '12,345', '1.234', '1,2,3', '12.3.4', '1,234,56', '12,34.5', '€', '--5', '1e5', '12,341', '0x10']) {
      expect(cents(raw), raw).toBe('refused');
    }
  });

  it('never throws and reads back what a French formatter wrote', () => {
    fc.assert(fc.property(fc.string(), (s) => void parseAmountCents(s)));
    const fr = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        expect(cents(fr.format(n / 100))).toBe(n === 0 ? 0 : n);
      }),
    );
  });
});
