/**
 * Byte-level encoders shared by the .eml and .ics writers. Written here rather than borrowed from Node's
 * Buffer or the browser's btoa so the same pure code runs in both and in workers.
 */
const encoder = new TextEncoder();

export const utf8 = (text: string): Uint8Array => encoder.encode(text);

export function utf8Length(text: string): number {
  return utf8(text).length;
}

export const isAscii = (text: string): boolean => /^[\x20-\x7e]*$/.test(text);

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i] ?? 0, bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += B64[(n >> 18) & 63];
    out += B64[(n >> 12) & 63];
    out += b === undefined ? '=' : B64[(n >> 6) & 63];
    out += c === undefined ? '=' : B64[n & 63];
  }
  return out;
}

/**
 * Splits text into pieces of at most `maxBytes` UTF-8 bytes without cutting a character (code point) in
 * two: an encoded-word or a folded line must decode on its own.
 */
export function chunkByBytes(text: string, maxBytes: number): string[] {
  const chunks: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of text) {
    const n = utf8Length(ch);
    if (size + n > maxBytes && current) {
      chunks.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += n;
  }
  if (current || chunks.length === 0) chunks.push(current);
  return chunks;
}

const hex = (b: number) => `=${b.toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * Quoted-printable body (RFC 2045 §6.7): UTF-8 bytes, `=XX` for anything outside printable ASCII and
 * for `=`, trailing spaces/tabs encoded, soft line breaks so no line exceeds 76 characters, CRLF hard breaks.
 */
export function quotedPrintable(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return lines.map(qpLine).join('\r\n');
}

function qpLine(line: string): string {
  const bytes = utf8(line);
  const tokens: string[] = [];
  bytes.forEach((b, i) => {
    const last = i === bytes.length - 1;
    const printable = b >= 33 && b <= 126 && b !== 61;
    const space = (b === 32 || b === 9) && !last;
    tokens.push(printable || space ? String.fromCharCode(b) : hex(b));
  });
  const out: string[] = [];
  let current = '';
  for (const token of tokens) {
    // 75 + the "=" of the soft break = 76.
    if (current.length + token.length > 75) {
      out.push(`${current}=`);
      current = '';
    }
    current += token;
  }
  out.push(current);
  return out.join('\r\n');
}
