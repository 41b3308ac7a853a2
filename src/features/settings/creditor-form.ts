/**
 * The creditor's letterhead as edited in Settings (address, contact, company number, bank details, credit
 * insurer, the formal notice's deadline). Each field is checked by its domain rule (domain/input/): a
 * mistyped IBAN in a formal notice sends the debtor's money nowhere, a malformed e-mail becomes a broken reply
 * address. Errors come back as codes with the values their message needs ("27 characters expected for FR").
 */
import { CREDITOR_SCHEMA_VERSION, CreditorProfile } from '../../domain/entities';
import { checkEmail, checkPhone } from '../../domain/input/contact-format';
import { checkBic, checkIban, checkSiren, isPostalCodeValid } from '../../domain/input/letterhead-format';

export const CREDITOR_FIELDS = ['line1', 'line2', 'postalCode', 'city', 'country', 'email', 'phone', 'siren', 'iban', 'bic', 'creditInsurer'] as const;
export type CreditorField = (typeof CREDITOR_FIELDS)[number];
/** The formal notice gives 8 or 15 days to pay (seed 004), chosen in a select rather than typed. */
export const FORMAL_NOTICE_DAY_CHOICES = ['8', '15'] as const;
export type CreditorValues = Record<CreditorField, string> & { formalNoticeDays: string };
export type CreditorErrorCode =
  | 'required'
  | 'postalCodeFr'
  | 'postalCode'
  | 'country'
  | 'email'
  | 'phone'
  | 'sirenFormat'
  | 'sirenKey'
  | 'ibanCountry'
  | 'ibanLength'
  | 'ibanChecksum'
  | 'bic';
export interface CreditorError {
  code: CreditorErrorCode;
  /** Interpolated into the message: the expected IBAN length, the country… */
  values?: Record<string, string | number>;
}
export type CreditorErrors = Partial<Record<CreditorField, CreditorError>>;

export function creditorValues(c: CreditorProfile): CreditorValues {
  return {
    line1: c.address.line1,
    line2: c.address.line2 ?? '',
    postalCode: c.address.postalCode,
    city: c.address.city,
    country: c.address.country,
    email: c.email,
    phone: c.phone,
    siren: c.siren,
    iban: c.iban,
    bic: c.bic,
    creditInsurer: c.creditInsurer,
    formalNoticeDays: String(c.formalNoticeDays ?? 8),
  };
}

export type CreditorResult = { ok: true; creditor: CreditorProfile } | { ok: false; errors: CreditorErrors };

export function validateCreditor(values: CreditorValues): CreditorResult {
  const v = Object.fromEntries(CREDITOR_FIELDS.map((f) => [f, values[f].trim()])) as Record<CreditorField, string>;
  const errors: CreditorErrors = {};
  const fail = (field: CreditorField, code: CreditorErrorCode, extra?: CreditorError['values']) => {
    errors[field] ??= extra ? { code, values: extra } : { code };
  };
  for (const field of ['line1', 'postalCode', 'city', 'country', 'email'] as const) if (v[field] === '') fail(field, 'required');

  const country = v.country.toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) fail('country', 'country');
  if (!isPostalCodeValid(v.postalCode, country)) fail('postalCode', ['FR', 'MC'].includes(country) ? 'postalCodeFr' : 'postalCode');
  const email = checkEmail(v.email);
  if (!email.ok) fail('email', 'email');
  const phone = v.phone === '' ? null : checkPhone(v.phone);
  if (phone && !phone.ok) fail('phone', 'phone');
  const siren = v.siren === '' ? null : checkSiren(v.siren);
  if (siren && !siren.ok) fail('siren', siren.problem === 'key' ? 'sirenKey' : 'sirenFormat');
  const iban = v.iban === '' ? null : checkIban(v.iban);
  if (iban && !iban.ok) {
    if (iban.problem === 'length') fail('iban', 'ibanLength', { country: iban.country, expected: iban.expected, actual: iban.actual });
    else if (iban.problem === 'country') fail('iban', 'ibanCountry', { country: iban.country });
    else fail('iban', 'ibanChecksum');
  }
  const bic = v.bic === '' ? null : checkBic(v.bic);
  if (bic && !bic.ok) fail('bic', 'bic');
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const creditor = CreditorProfile.parse({
    schemaVersion: CREDITOR_SCHEMA_VERSION,
    address: { line1: v.line1, ...(v.line2 ? { line2: v.line2 } : {}), postalCode: v.postalCode, city: v.city, country },
    email: email.ok ? email.email : '',
    phone: phone?.ok ? phone.phone : '',
    siren: siren?.ok ? siren.siren : '',
    iban: iban?.ok ? iban.iban : '',
    bic: bic?.ok ? bic.bic : '',
    creditInsurer: v.creditInsurer,
    formalNoticeDays: values.formalNoticeDays === '15' ? 15 : 8,
  });
  return { ok: true, creditor };
}
