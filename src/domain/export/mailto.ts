/**
 * A `mailto:` link for the recap email (RFC 6068). Browsers and mail clients truncate or refuse long URLs
 * (some around 2,000 characters), so past `maxLength` this returns null and the UI falls back to copying
 * the text to the clipboard.
 */
import { encodeMailtoAddress as encodeAddress, encodeUriPart as encode } from './links';

export const DEFAULT_MAILTO_MAX_LENGTH = 2000;

export interface MailtoInput {
  to: readonly string[];
  cc?: readonly string[];
  subject: string;
  body: string;
}

// RFC 6068 wants CRLF line breaks in the body; the encoding is links.ts's, shared by every mailto/tel link.

export function buildMailto(input: MailtoInput, maxLength = DEFAULT_MAILTO_MAX_LENGTH): string | null {
  const params = [
    ...(input.cc?.length ? [`cc=${input.cc.map(encodeAddress).join(',')}`] : []),
    `subject=${encode(input.subject)}`,
    `body=${encode(input.body.replace(/\r\n?|\n/g, '\r\n'))}`,
  ];
  const url = `mailto:${input.to.map(encodeAddress).join(',')}?${params.join('&')}`;
  return url.length <= maxLength ? url : null;
}
