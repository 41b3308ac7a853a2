import { DEFAULT_CREDITOR } from '../../storage/preferences';
import { describe, expect, it } from 'vitest';
import { creditorValues, validateCreditor } from './creditor-form';

describe('validateCreditor', () => {
  it('round-trips the default creditor', () => {
    expect(validateCreditor(creditorValues(DEFAULT_CREDITOR))).toEqual({ ok: true, creditor: DEFAULT_CREDITOR });
  });

  it('normalises the IBAN, BIC and country', () => {
    const r = validateCreditor({ ...creditorValues(DEFAULT_CREDITOR), iban: 'fr7630006000011234567890189', bic: 'agri fr pp', country: 'fr', siren: '812 345 676' });
    expect(r).toMatchObject({ ok: true, creditor: { iban: 'FR76 3000 6000 0112 3456 7890 189', bic: 'AGRIFRPP', siren: '812345676', address: { country: 'FR' } } });
  });

  it('names each field with what it expected', () => {
    const r = validateCreditor({
      ...creditorValues(DEFAULT_CREDITOR),
      line1: ' ',
      email: 'x?bcc=thief%40evil.example&y=@example.com',
      phone: 'javascript:alert(1)',
      iban: 'FR76 3000 6000 0112 34',
      siren: '812345677',
      postalCode: '7501',
      bic: 'AGRIFRP',
    });
    expect(r).toEqual({
      ok: false,
      errors: {
        line1: { code: 'required' },
        email: { code: 'email' },
        phone: { code: 'phone' },
        iban: { code: 'ibanLength', values: { country: 'FR', expected: 27, actual: 18 } },
        siren: { code: 'sirenKey' },
        postalCode: { code: 'postalCodeFr' },
        bic: { code: 'bic' },
      },
    });
  });

  it('tells a bad SIREN format, a wrong IBAN key and a bad country apart', () => {
    const r = validateCreditor({ ...creditorValues(DEFAULT_CREDITOR), siren: '12', iban: 'FR76 3000 6000 0112 3456 7890 188', country: 'FRA' });
    expect(r).toMatchObject({ ok: false, errors: { siren: { code: 'sirenFormat' }, iban: { code: 'ibanChecksum' }, country: { code: 'country' } } });
  });
});

describe('formal-notice deadline in the letterhead settings', () => {
  it('keeps 8 or 15 days, and reads an older record without the field as 8', () => {
    const { formalNoticeDays: _omitted, ...older } = DEFAULT_CREDITOR;
    expect(creditorValues(older).formalNoticeDays).toBe('8');
    expect(validateCreditor({ ...creditorValues(DEFAULT_CREDITOR), formalNoticeDays: '15' })).toMatchObject({ ok: true, creditor: { formalNoticeDays: 15 } });
  });
});
