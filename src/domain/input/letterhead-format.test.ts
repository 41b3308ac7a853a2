import { describe, expect, it } from 'vitest';
import { checkBic, checkIban, checkSiren, isPostalCodeValid } from './letterhead-format';
import { luhnValid } from './luhn';

describe('checkIban', () => {
  it('accepts a correct IBAN typed any way and prints it in groups of four', () => {
    expect(checkIban('fr7630006000011234567890189')).toEqual({ ok: true, iban: 'FR76 3000 6000 0112 3456 7890 189' });
    expect(checkIban('DE89 3704 0044 0532 0130 00')).toEqual({ ok: true, iban: 'DE89 3704 0044 0532 0130 00' });
  });

  it('refuses an 18-character French IBAN and says 27 are expected', () => {
    expect(checkIban('FR76 3000 6000 0112 34')).toEqual({ ok: false, problem: 'length', country: 'FR', expected: 27, actual: 18 });
  });

  it('refuses one mistyped digit, and an unknown country', () => {
    expect(checkIban('FR76 3000 6000 0112 3456 7890 188')).toEqual({ ok: false, problem: 'checksum' });
    expect(checkIban('ZZ76 3000 6000 0112 3456 7890 189')).toEqual({ ok: false, problem: 'country', country: 'ZZ' });
    expect(checkIban('')).toMatchObject({ ok: false, problem: 'country' });
  });
});

describe('checkBic', () => {
  it('accepts 8 or 11 characters with a real country', () => {
    expect(checkBic('agri fr pp')).toEqual({ ok: true, bic: 'AGRIFRPP' });
    expect(checkBic('BNPAFRPPXXX')).toEqual({ ok: true, bic: 'BNPAFRPPXXX' });
    expect(checkBic('AGRIFRP')).toEqual({ ok: false });
  });
});

describe('isPostalCodeValid', () => {
  it('wants five digits in France', () => {
    expect(isPostalCodeValid('75011', 'FR')).toBe(true);
    expect(isPostalCodeValid('98000', 'mc')).toBe(true);
    for (const bad of ['7501', '750111', '75 011', 'ABCDE', '']) expect(isPostalCodeValid(bad, 'FR'), bad).toBe(false);
  });
  it('lets other countries write theirs', () => {
    expect(isPostalCodeValid('SW1A 1AA', 'GB')).toBe(true);
    expect(isPostalCodeValid('1000', 'BE')).toBe(true);
    expect(isPostalCodeValid('<script>', 'GB')).toBe(false);
  });
});

describe('checkSiren', () => {
  it('accepts nine digits with a valid Luhn key, spaces as printed', () => {
    expect(checkSiren('812 345 676')).toEqual({ ok: true, siren: '812345676' });
    expect(checkSiren('552100554')).toEqual({ ok: true, siren: '552100554' });
    expect(checkSiren('356000000')).toEqual({ ok: true, siren: '356000000' });
  });
  it('says whether the format or the key is wrong', () => {
    expect(checkSiren('12')).toEqual({ ok: false, problem: 'format' });
    expect(checkSiren('81234567A')).toEqual({ ok: false, problem: 'format' });
    expect(checkSiren('812345677')).toEqual({ ok: false, problem: 'key' });
    expect(luhnValid('79927398713')).toBe(true);
  });
});
