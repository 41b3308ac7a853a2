/**
 * Email addresses and phone numbers as people type them into a contact or a letterhead. Both end up in
 * links (`mailto:`, `tel:`), so the checks are deliberately stricter than RFC 5322: an address made of the
 * characters real mailboxes use, a phone made of digits and their usual separators. What passes can never
 * smuggle a `?bcc=` into a mail link or a `javascript:` into a dial link.
 */

/** Local part: letters, digits, `. _ + - '` (no `? & = % # /`, which mean something in a URL). */
const LOCAL = /^[A-Za-z0-9_+'-]+(?:\.[A-Za-z0-9_+'-]+)*$/;
/** Domain: dot-separated labels of letters, digits and inner hyphens; the last one letters only. */
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const TLD = /^[A-Za-z]{2,63}$/;

export type EmailCheck = { ok: true; email: string } | { ok: false };

/** The address trimmed, or a refusal. 254 characters at most (RFC 5321 path limit), 64 for the local part. */
export function checkEmail(raw: string): EmailCheck {
  const email = raw.trim();
  if (email.length > 254) return { ok: false };
  const at = email.lastIndexOf('@');
  if (at <= 0 || at !== email.indexOf('@')) return { ok: false };
  const local = email.slice(0, at);
  const labels = email.slice(at + 1).split('.');
  if (local.length > 64 || !LOCAL.test(local)) return { ok: false };
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || !TLD.test(labels.at(-1) ?? '')) return { ok: false };
  return { ok: true, email };
}

export const isEmailAddress = (raw: string): boolean => checkEmail(raw).ok;

/** Digits, spaces, dots, hyphens, parentheses, a leading `+`: "01 84 60 12 34", "+33 (0)1 84 60 12 34". */
const PHONE_SHAPE = /^\+?[\d\s.()-]+$/;
/** E.164 allows 15 digits; fewer than 4 is no number anyone can call (short codes like 3639 are 4). */
export const PHONE_MIN_DIGITS = 4;
export const PHONE_MAX_DIGITS = 15;

export type PhoneCheck = { ok: true; phone: string; dial: string } | { ok: false };

/** The number as typed (trimmed) and its dialable form (`+` and digits only), or a refusal. */
export function checkPhone(raw: string): PhoneCheck {
  const phone = raw.trim().replace(/\s+/g, ' ');
  if (!PHONE_SHAPE.test(phone)) return { ok: false };
  const digits = phone.replace(/\D/g, '');
  if (digits.length < PHONE_MIN_DIGITS || digits.length > PHONE_MAX_DIGITS) return { ok: false };
  // "(0)" is the trunk prefix written in international numbers: it is not dialled after the country code.
  const dial = phone.startsWith('+') ? `+${phone.replace(/\(0\)/g, '').replace(/\D/g, '')}` : digits;
  return { ok: true, phone, dial };
}

export const isPhoneNumber = (raw: string): boolean => checkPhone(raw).ok;

/** Which optional contact field is wrong: empty is fine, anything typed must pass its check. */
export function contactFieldProblems(value: { phone?: string; email?: string }): ('phone' | 'email')[] {
  const out: ('phone' | 'email')[] = [];
  if (value.phone !== undefined && value.phone.trim() !== '' && !isPhoneNumber(value.phone)) out.push('phone');
  if (value.email !== undefined && value.email.trim() !== '' && !isEmailAddress(value.email)) out.push('email');
  return out;
}
