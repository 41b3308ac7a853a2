/**
 * The formats of a French letterhead: IBAN (length per country, national structure and ISO 13616 mod 97,
 * through ibantools, which keeps the SWIFT IBAN registry), BIC, French postal code, SIREN with its Luhn key.
 * Each refusal says what was expected, so the form can tell the agent more than "invalid".
 */
import { electronicFormatIBAN, friendlyFormatIBAN, getCountrySpecifications, isValidBIC, validateIBAN, ValidationErrorsIBAN } from 'ibantools';
import { luhnValid } from './luhn';

export type IbanCheck =
  | { ok: true; iban: string }
  | { ok: false; problem: 'country'; country: string }
  | { ok: false; problem: 'length'; country: string; expected: number; actual: number }
  | { ok: false; problem: 'checksum' };

/** An IBAN as typed (spaces, lower case) checked and printed in groups of four: `FR76 3000 6000 0112 …`. */
export function checkIban(raw: string): IbanCheck {
  const iban = electronicFormatIBAN(raw) ?? '';
  const country = iban.slice(0, 2);
  const spec = getCountrySpecifications()[country];
  if (!spec?.chars || !/^[A-Z]{2}$/.test(country)) return { ok: false, problem: 'country', country };
  if (iban.length !== spec.chars) return { ok: false, problem: 'length', country, expected: spec.chars, actual: iban.length };
  const result = validateIBAN(iban);
  if (!result.valid) {
    // Length is settled above; whatever ibantools still finds (structure, mod 97, national key) is a mistyped character.
    return result.errorCodes.includes(ValidationErrorsIBAN.NoIBANCountry) ? { ok: false, problem: 'country', country } : { ok: false, problem: 'checksum' };
  }
  return { ok: true, iban: friendlyFormatIBAN(iban) ?? iban };
}

/** ISO 9362: 8 or 11 characters (bank, country, location, optional branch). */
export function checkBic(raw: string): { ok: true; bic: string } | { ok: false } {
  const bic = raw.replace(/\s+/g, '').toUpperCase();
  return isValidBIC(bic) ? { ok: true, bic } : { ok: false };
}

/** France and Monaco write five digits ("75011", "98000"); elsewhere up to ten letters, digits, spaces, hyphens. */
export function isPostalCodeValid(raw: string, country: string): boolean {
  const code = raw.trim();
  if (['FR', 'MC'].includes(country.trim().toUpperCase())) return /^\d{5}$/.test(code);
  return /^[A-Za-z0-9][A-Za-z0-9 -]{1,9}$/.test(code);
}

/** La Poste's SIREN predates the key rule: INSEE lists it as the one exception. */
const LA_POSTE_SIREN = '356000000';

export type SirenCheck = { ok: true; siren: string } | { ok: false; problem: 'format' | 'key' };

/** Nine digits (spaces allowed as printed: "812 345 676") whose Luhn key holds. */
export function checkSiren(raw: string): SirenCheck {
  const siren = raw.replace(/[\s\u00a0\u202f]+/g, '');
  if (!/^\d{9}$/.test(siren)) return { ok: false, problem: 'format' };
  if (siren !== LA_POSTE_SIREN && !luhnValid(siren)) return { ok: false, problem: 'key' };
  return { ok: true, siren };
}
