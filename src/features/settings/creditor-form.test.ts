import { DEFAULT_CREDITOR } from '../../storage/preferences';
import { describe, expect, it } from 'vitest';
import { creditorValues, ibanIsValid, validateCreditor } from './creditor-form';

describe('ibanIsValid', () => {
  it('accepts a correct IBAN with or without spaces and refuses one mistyped digit', () => {
    expect(ibanIsValid('FR76 3000 6000 0112 3456 7890 189')).toBe(true);
    expect(ibanIsValid('fr7630006000011234567890189')).toBe(true);
    expect(ibanIsValid('FR76 3000 6000 0112 3456 7890 188')).toBe(false);
    expect(ibanIsValid('FR76')).toBe(false);
  });
});

describe('validateCreditor', () => {
  it('round-trips the default creditor', () => {
    expect(validateCreditor(creditorValues(DEFAULT_CREDITOR))).toEqual({ ok: true, creditor: DEFAULT_CREDITOR });
  });

  it('normalises the IBAN, BIC and country', () => {
    const r = validateCreditor({ ...creditorValues(DEFAULT_CREDITOR), iban: 'fr7630006000011234567890189', bic: 'agri fr pp', country: 'fr', siren: '812 345 676' });
    expect(r).toMatchObject({ ok: true, creditor: { iban: 'FR76 3000 6000 0112 3456 7890 189', bic: 'AGRIFRPP', siren: '812345676', address: { country: 'FR' } } });
  });

  it('names required and invalid fields', () => {
    const r = validateCreditor({ ...creditorValues(DEFAULT_CREDITOR), line1: ' ', email: 'nobody', iban: 'FR00 1234', siren: '12', country: 'FRA' });
    expect(r).toEqual({ ok: false, errors: { line1: 'required', email: 'invalid', iban: 'invalid', siren: 'invalid', country: 'invalid' } });
  });
});

describe('formal-notice deadline in the letterhead settings', () => {
  it('keeps 8 or 15 days, and reads an older record without the field as 8', () => {
    const { formalNoticeDays: _omitted, ...older } = DEFAULT_CREDITOR;
    expect(creditorValues(older).formalNoticeDays).toBe('8');
    expect(validateCreditor({ ...creditorValues(DEFAULT_CREDITOR), formalNoticeDays: '15' })).toMatchObject({ ok: true, creditor: { formalNoticeDays: 15 } });
  });
});
