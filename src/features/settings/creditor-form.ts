/**
 * The creditor's letterhead as edited in Settings (address, contact, company number, bank details, credit
 * insurer, the formal notice's deadline): checked by zod, with an IBAN checksum (ISO 13616 mod 97) because a
 * mistyped IBAN in a formal notice sends the debtor's money nowhere.
 */
import { z } from 'zod/mini';
import { CREDITOR_SCHEMA_VERSION, CreditorProfile } from '../../domain/entities';

export const CREDITOR_FIELDS = ['line1', 'line2', 'postalCode', 'city', 'country', 'email', 'phone', 'siren', 'iban', 'bic', 'creditInsurer'] as const;
export type CreditorField = (typeof CREDITOR_FIELDS)[number];
/** The formal notice gives 8 or 15 days to pay (seed 004), chosen in a select rather than typed. */
export const FORMAL_NOTICE_DAY_CHOICES = ['8', '15'] as const;
export type CreditorValues = Record<CreditorField, string> & { formalNoticeDays: string };
export type CreditorErrorCode = 'required' | 'invalid';

const compact = (s: string) => s.replace(/\s+/g, '').toUpperCase();

/** ISO 13616: move the first four characters to the end, letters to numbers, remainder mod 97 must be 1. */
export function ibanIsValid(raw: string): boolean {
  const iban = compact(raw);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return false;
  const digits = [...`${iban.slice(4)}${iban.slice(0, 4)}`].map((c) => (c >= 'A' ? String(c.charCodeAt(0) - 55) : c)).join('');
  let rest = 0;
  for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  return rest === 1;
}

/** Groups of four, as printed on letters. */
export const formatIban = (raw: string): string => compact(raw).replace(/(.{4})/g, '$1 ').trim();

const required = z.string().check(z.trim(), z.minLength(1));
const Form = z.object({
  line1: required,
  line2: z.string().check(z.trim()),
  postalCode: required,
  city: required,
  country: z.string().check(z.trim(), z.regex(/^[A-Za-z]{2}$/)),
  email: z.string().check(z.trim(), z.email()),
  phone: z.string().check(z.trim()),
  siren: z.string().check(z.trim(), z.regex(/^(\d{9})?$/)),
  iban: z.string().check(z.refine((v) => v.trim() === '' || ibanIsValid(v))),
  bic: z.string().check(z.refine((v) => /^([A-Z0-9]{8}|[A-Z0-9]{11})?$/.test(compact(v)))),
  creditInsurer: z.string().check(z.trim()),
});

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

export type CreditorResult = { ok: true; creditor: CreditorProfile } | { ok: false; errors: Partial<Record<CreditorField, CreditorErrorCode>> };

export function validateCreditor(values: CreditorValues): CreditorResult {
  const parsed = Form.safeParse({ ...values, siren: values.siren.replace(/\s+/g, '') });
  if (!parsed.success) {
    const errors: Partial<Record<CreditorField, CreditorErrorCode>> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as CreditorField;
      errors[field] ??= values[field].trim() === '' ? 'required' : 'invalid';
    }
    return { ok: false, errors };
  }
  const v = parsed.data;
  const creditor = CreditorProfile.parse({
    schemaVersion: CREDITOR_SCHEMA_VERSION,
    address: { line1: v.line1, ...(v.line2 ? { line2: v.line2 } : {}), postalCode: v.postalCode, city: v.city, country: v.country.toUpperCase() },
    email: v.email,
    phone: v.phone,
    siren: v.siren,
    iban: v.iban.trim() ? formatIban(v.iban) : '',
    bic: compact(v.bic),
    creditInsurer: v.creditInsurer,
    formalNoticeDays: values.formalNoticeDays === '15' ? 15 : 8,
  });
  return { ok: true, creditor };
}
