import { describe, expect, it } from 'vitest';
import { luhnValid, sirenFrom, withLuhnKey } from './siren';

describe('SIREN', () => {
  it('appends the Luhn key worked out by hand', () => {
    // 1 2 3 4 5 6 7 8 → doubled from the right: 16→7, 7, 12→3, 5, 8, 3, 4, 1 = 38, key 2.
    expect(withLuhnKey('12345678')).toBe('123456782');
    expect(luhnValid('123456782')).toBe(true);
    expect(luhnValid('123456783')).toBe(false);
    expect(luhnValid('12345678a')).toBe(false);
  });

  it('detects any single-digit change of a generated SIREN', () => {
    const siren = sirenFrom(5, 1234567);
    expect(siren).toMatch(/^51234567\d$/);
    for (let pos = 0; pos < 9; pos++) {
      const d = Number(siren[pos]);
      const changed = siren.slice(0, pos) + String((d + 3) % 10) + siren.slice(pos + 1);
      expect(luhnValid(changed)).toBe(false);
    }
  });

  it('starts public bodies with 2 and rejects malformed bases', () => {
    expect(sirenFrom(2, 4860117).startsWith('2')).toBe(true);
    expect(() => withLuhnKey('1234567')).toThrow(RangeError);
  });
});
