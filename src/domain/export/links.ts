/**
 * The one place `mailto:` and `tel:` links are built. Every part is percent-encoded (RFC 3986 / 6068), and an
 * address or number that does not pass its check gets no link at all (the UI shows it as plain text), so a
 * stored `x?bcc=thief%40evil.example&y=@example.com` can never become a hidden Bcc, nor `javascript:alert(1)`
 * a dial link.
 */
import { checkEmail, checkPhone } from '../input/contact-format';

/** Percent-encodes everything but RFC 3986 unreserved characters (encodeURIComponent leaves `!'()*`). */
export const encodeUriPart = (text: string): string =>
  encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** One address in a mailto path: encoded, with its `@` kept readable (RFC 6068 allows either). */
export const encodeMailtoAddress = (address: string): string => encodeUriPart(address.trim()).replace(/%40/g, '@');

/** `mailto:` for one checked address, with an optional subject and body (CRLF line breaks); null when invalid. */
export function mailtoHref(address: string, fields: { subject?: string; body?: string } = {}): string | null {
  const checked = checkEmail(address);
  if (!checked.ok) return null;
  const params = [
    ...(fields.subject !== undefined ? [`subject=${encodeUriPart(fields.subject)}`] : []),
    ...(fields.body !== undefined ? [`body=${encodeUriPart(fields.body.replace(/\r\n?|\n/g, '\r\n'))}`] : []),
  ];
  return `mailto:${encodeMailtoAddress(checked.email)}${params.length ? `?${params.join('&')}` : ''}`;
}

/** `tel:` with the dialable digits (and a leading +) of a checked phone number; null when it is not one. */
export function telHref(phone: string): string | null {
  const checked = checkPhone(phone);
  return checked.ok ? `tel:${checked.dial}` : null;
}
