/**
 * Which character encoding an imported file uses, and its text.
 *
 * Order of the checks (the first that answers wins):
 * 1. A byte-order mark: EF BB BF → UTF-8, FF FE → UTF-16 LE, FE FF → UTF-16 BE (the mark is dropped).
 * 2. No mark but a NUL byte in most even (or odd) positions of the first kilobytes: UTF-16 without its mark,
 *    as some exports write it; text files never hold NUL bytes otherwise.
 * 3. Bytes that are valid UTF-8: UTF-8 (pure ASCII is UTF-8 too). A Windows-1252 or Latin-9 file with any
 *    accent is almost never valid UTF-8 (é alone is 0xE9, which UTF-8 needs followed by two continuation bytes).
 * 4. Otherwise an 8-bit code page. Windows-1252 (Excel on a French Windows) and ISO-8859-15 (the FEC's
 *    legal encoding) differ only in 0x80–0x9F (printable in 1252: € ’ œ …, control codes in 8859-15) and
 *    in eight bytes of 0xA0–0xBF (8859-15 put € œ Œ Š š Ž ž Ÿ where 1252 has ¤ ½ ¼ ¦ ¨ ´ ¸ ¾). A byte in
 *    0x80–0x9F means 1252; else a 0xA4/0xBD/0xBC byte inside a word (c½ur means cœur) or 0xA4 beside a digit
 *    (12,50 ¤ means 12,50 €) means 8859-15; else 1252, which decodes every other byte the same way.
 * The agent can override the result (`decodeImport(bytes, 'iso-8859-15')`).
 */
export const IMPORT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'iso-8859-15'] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

export interface DecodedFile {
  text: string;
  encoding: ImportEncoding;
  /** The file started with a byte-order mark. */
  bom: boolean;
  /** True when the encoding was detected, false when the caller chose it. */
  detected: boolean;
  /** Characters that could not be decoded in this encoding (shown as U+FFFD): > 0 suggests another choice. */
  replacements: number;
}

export interface EncodingGuess {
  encoding: ImportEncoding;
  bomLength: number;
}

const SAMPLE = 4096;

export function detectEncoding(bytes: Uint8Array): EncodingGuess {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { encoding: utf16, bomLength: 0 };
  if (isUtf8(bytes)) return { encoding: 'utf-8', bomLength: 0 };
  return { encoding: looksLatin9(bytes) ? 'iso-8859-15' : 'windows-1252', bomLength: 0 };
}

function utf16WithoutBom(bytes: Uint8Array): ImportEncoding | undefined {
  const n = Math.min(bytes.length, SAMPLE) & ~1;
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.1) return 'utf-16le';
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.1) return 'utf-16be';
  return undefined;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function isUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const isLetterByte = (b: number | undefined): boolean =>
  b !== undefined && ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || (b >= 0xc0 && b <= 0xff && b !== 0xd7 && b !== 0xf7));
const isDigitOrSpace = (b: number | undefined): boolean => b !== undefined && ((b >= 0x30 && b <= 0x39) || b === 0x20 || b === 0xa0);

function looksLatin9(bytes: Uint8Array): boolean {
  let latin9 = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b >= 0x80 && b <= 0x9f) return false;
    if ((b === 0xbd || b === 0xbc) && isLetterByte(bytes[i - 1]) && isLetterByte(bytes[i + 1])) latin9 = true;
    if (b === 0xbc && isLetterByte(bytes[i + 1]) && (i === 0 || !isLetterByte(bytes[i - 1]))) latin9 = true;
    if (b === 0xa4 && (isDigitOrSpace(bytes[i - 1]) || isDigitOrSpace(bytes[i + 1]))) latin9 = true;
  }
  return latin9;
}

/**
 * Windows-1252's 0x80–0x9F. Decoded by hand because Node's TextDecoder('windows-1252') maps these bytes to
 * C1 control codes (it decodes Latin-1), while browsers follow the WHATWG table: the tests run in Node and
 * the app in browsers, and both must read a French Excel export the same way. Undefined slots stay as is.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90,
  0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    units[i] = b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] as number) : b;
  }
  let text = '';
  // fromCharCode takes its arguments on the stack: decode in slices it can hold.
  for (let i = 0; i < units.length; i += 8192) text += String.fromCharCode(...units.subarray(i, i + 8192));
  return text;
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

/** Decodes a file, detecting its encoding unless `chosen` is given; a BOM is always dropped from the text. */
export function decodeImport(bytes: Uint8Array, chosen?: ImportEncoding): DecodedFile {
  const guess = detectEncoding(bytes);
  const encoding = chosen ?? guess.encoding;
  // The BOM only counts when it belongs to the chosen encoding (a UTF-8 BOM read as 1252 would be "ï»¿").
  const bomLength = guess.encoding === encoding ? guess.bomLength : 0;
  const body = bytes.subarray(bomLength);
  const text = encoding === 'windows-1252' ? decodeWindows1252(body) : new TextDecoder(encoding).decode(body);
  // TextDecoder drops a BOM it recognises; a chosen encoding may still leave one at the start of the text.
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return { text: clean, encoding, bom: bomLength > 0, detected: chosen === undefined, replacements: countReplacements(clean) };
}
