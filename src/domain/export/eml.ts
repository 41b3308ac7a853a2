/**
 * An RFC 5322 message for the recap email, to download as a `.eml` file and open in the agent's mail client.
 * UTF-8 throughout: non-ASCII display names and subject as RFC 2047 encoded-words (B encoding), the body as
 * text/plain quoted-printable — or, given `html`, multipart/alternative (RFC 2046 §5.1.4) with the plain text
 * first and the HTML second, the one mail clients prefer — CRLF line endings. `draft: true` adds `X-Unsent: 1`, which makes Outlook open
 * the file as an editable message ready to send rather than as a received one.
 */
import { DEFAULT_TIME_ZONE, zoneOffsetMinutes } from '../calendar/zonedTime';
import { base64, chunkByBytes, isAscii, quotedPrintable, utf8 } from './encoding';

export interface EmailAddress {
  name?: string;
  address: string;
}

export interface EmlInput {
  from: EmailAddress;
  to: readonly EmailAddress[];
  cc?: readonly EmailAddress[];
  replyTo?: EmailAddress;
  subject: string;
  text: string;
  /** An HTML rendering of `text` (see ./html.ts): the message becomes multipart/alternative. */
  html?: string;
  /** ISO instant the message is dated. */
  date: string;
  /** Unique left-hand part of the Message-ID; the right-hand part is the sender's domain. */
  messageId: string;
  draft?: boolean;
  timeZone?: string;
}

const CRLF = '\r\n';
// 36 bytes → 48 base64 chars → a 60-char encoded-word: even after "Subject: " the line stays within the
// 76 characters RFC 2047 allows for a line holding encoded-words.
const ENCODED_WORD_BYTES = 36;

/** RFC 2047 encoded-words, folded one per line when there are several. */
export function encodeWords(text: string): string {
  return chunkByBytes(text, ENCODED_WORD_BYTES)
    .map((chunk) => `=?UTF-8?B?${base64(utf8(chunk))}?=`)
    .join(`${CRLF} `);
}

const ATOM_PHRASE = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~ ]+$/;

function displayName(name: string): string {
  if (!isAscii(name)) return encodeWords(name);
  if (ATOM_PHRASE.test(name)) return name;
  return `"${name.replace(/(["\\])/g, '\\$1')}"`;
}

export function formatAddress(a: EmailAddress): string {
  const name = a.name?.trim();
  if (!name) return a.address;
  // An encoded name fills its line: the address goes on the next, folded, line.
  return `${displayName(name)}${isAscii(name) ? ' ' : `${CRLF} `}<${a.address}>`;
}

/** Folds an ASCII header at spaces so lines stay within 78 characters (RFC 5322 §2.2.3). */
function foldAscii(line: string): string {
  const words = line.split(' ');
  const out: string[] = [];
  let current = '';
  for (const w of words) {
    if (current && current.length + 1 + w.length > 78) {
      out.push(current);
      current = ` ${w}`;
    } else current = current ? `${current} ${w}` : w;
  }
  out.push(current);
  return out.join(CRLF);
}

function header(name: string, value: string): string {
  return value.includes(CRLF) ? `${name}: ${value}` : foldAscii(`${name}: ${value}`);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 5322 §3.3 date in the given zone, e.g. `Mon, 07 Jul 2025 10:30:00 +0200`. */
export function rfc5322Date(instant: string, timeZone = DEFAULT_TIME_ZONE): string {
  const ms = Date.parse(instant);
  const offset = zoneOffsetMinutes(ms, timeZone);
  const d = new Date(ms + offset * 60_000);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${DAYS[d.getUTCDay()]}, ${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} ${sign}${p2(Math.floor(abs / 60))}${p2(abs % 60)}`
  );
}

export function writeEml(input: EmlInput): string {
  const domain = input.from.address.split('@')[1] || 'cadence.invalid';
  const list = (as: readonly EmailAddress[]) => as.map(formatAddress).join(`,${CRLF} `);
  const subject = isAscii(input.subject) ? input.subject : encodeWords(input.subject);
  const headers = [
    header('From', formatAddress(input.from)),
    header('To', list(input.to)),
    ...(input.cc?.length ? [header('Cc', list(input.cc))] : []),
    ...(input.replyTo ? [header('Reply-To', formatAddress(input.replyTo))] : []),
    header('Subject', subject),
    header('Date', rfc5322Date(input.date, input.timeZone)),
    header('Message-ID', `<${input.messageId}@${domain}>`),
    ...(input.draft ? ['X-Unsent: 1'] : []),
    'MIME-Version: 1.0',
  ];
  if (input.html === undefined) {
    const body = [...headers, ...textPart(input.text, 'plain')];
    return body.join(CRLF);
  }
  // "=_" never occurs in quoted-printable output ("=" is always followed by hex digits or a line break),
  // so no body line can be mistaken for the boundary.
  const boundary = `=_cadence_${input.messageId.replace(/[^A-Za-z0-9]/g, '').slice(-40)}`;
  return [
    ...headers,
    `Content-Type: multipart/alternative;${CRLF} boundary="${boundary}"`,
    '',
    'This is a multi-part message in MIME format.',
    `--${boundary}`,
    ...textPart(input.text, 'plain').slice(0, -1),
    `--${boundary}`,
    ...textPart(input.html, 'html').slice(0, -1),
    `--${boundary}--`,
    '',
  ].join(CRLF);
}

/** One text part: its headers, a blank line, the quoted-printable body, and an empty last entry (the closing CRLF). */
function textPart(text: string, subtype: 'plain' | 'html'): string[] {
  const encoded = quotedPrintable(text).replace(/\r\n$/, '');
  return [`Content-Type: text/${subtype}; charset=utf-8`, 'Content-Transfer-Encoding: quoted-printable', '', encoded, ''];
}
