import { describe, expect, it } from 'vitest';
import { inclVat } from './money';

describe('inclVat', () => {
  it('adds 20 % VAT in integer cents', () => {
    expect(inclVat(0)).toBe(0);
    expect(inclVat(100_000)).toBe(120_000);
    expect(inclVat(1)).toBe(1); // 0.2 c rounds down
    expect(inclVat(3)).toBe(4); // 0.6 c rounds up
  });

  it('rounds exact halves up (checked with a 5.5 % rate, where halves occur)', () => {
    expect(inclVat(10, 550)).toBe(11); // 0.55 c → 1
    expect(inclVat(100, 550)).toBe(106); // 5.5 c → 6
    expect(inclVat(20, 2500)).toBe(25); // 5 c exactly
  });

  it('refuses negative or fractional cents', () => {
    expect(() => inclVat(-1)).toThrow(RangeError);
    expect(() => inclVat(1.5)).toThrow(RangeError);
  });
});
