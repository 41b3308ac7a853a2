import { describe, expect, it } from 'vitest';
import { decodeImport, detectEncoding } from './encoding';

const bytes = (...parts: (number[] | string)[]): Uint8Array =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2 + (bom ? 2 : 0));
  const view = new DataView(out.buffer);
  if (bom) view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++) view.setUint16((bom ? 2 : 0) + i * 2, text.charCodeAt(i), littleEndian);
  return out;
}

describe('detectEncoding', () => {
  it('reads byte-order marks', () => {
    expect(detectEncoding(bytes([0xef, 0xbb, 0xbf], 'a;b'))).toEqual({ encoding: 'utf-8', bomLength: 3 });
    expect(detectEncoding(utf16('a;b', true, true))).toEqual({ encoding: 'utf-16le', bomLength: 2 });
    expect(detectEncoding(utf16('a;b', false, true))).toEqual({ encoding: 'utf-16be', bomLength: 2 });
  });

  it('recognises UTF-16 without a mark from its NUL bytes', () => {
    expect(detectEncoding(utf16('Client;Montant\r\n', true, false)).encoding).toBe('utf-16le');
    expect(detectEncoding(utf16('Client;Montant\r\n', false, false)).encoding).toBe('utf-16be');
  });

  it('takes valid UTF-8 (and plain ASCII) as UTF-8', () => {
    expect(detectEncoding(new TextEncoder().encode('Société Générale;12,50 €')).encoding).toBe('utf-8');
    expect(detectEncoding(bytes('Client;Montant')).encoding).toBe('utf-8');
  });

  it('tells Windows-1252 from ISO-8859-15', () => {
    // "Société" in an 8-bit code page: é = 0xE9 in both.
    expect(detectEncoding(bytes('Soci', [0xe9], 't', [0xe9])).encoding).toBe('windows-1252');
    // ’ (0x92) only exists in 1252.
    expect(detectEncoding(bytes('l', [0x92], 'atelier')).encoding).toBe('windows-1252');
    // c½ur is cœur in 8859-15; 12,50 ¤ is 12,50 €.
    expect(detectEncoding(bytes('C', [0xbd], 'ur d', [0xe9], 'lices')).encoding).toBe('iso-8859-15');
    expect(detectEncoding(bytes('12,50 ', [0xa4])).encoding).toBe('iso-8859-15');
  });
});

describe('decodeImport', () => {
  it('decodes Windows-1252 by the WHATWG table, € ’ œ included', () => {
    const decoded = decodeImport(bytes([0x80], ' l', [0x92], 'a', [0x9c], 'uvre ', [0xe9]));
    expect(decoded).toMatchObject({ text: '€ l’aœuvre é', encoding: 'windows-1252', bom: false, detected: true, replacements: 0 });
  });

  it('decodes ISO-8859-15', () => {
    expect(decodeImport(bytes('C', [0xbd], 'ur ', [0xa4])).text).toBe('Cœur €');
  });

  it('drops the BOM from UTF-8 and UTF-16 text', () => {
    expect(decodeImport(bytes([0xef, 0xbb, 0xbf], 'a;b')).text).toBe('a;b');
    const le = decodeImport(utf16('Échéance;Montant', true, true));
    expect(le).toMatchObject({ text: 'Échéance;Montant', encoding: 'utf-16le', bom: true });
    expect(decodeImport(utf16('Échéance', false, true)).text).toBe('Échéance');
  });

  it('obeys a chosen encoding and counts what it could not decode', () => {
    const latin = bytes('Soci', [0xe9], 't', [0xe9]);
    const forced = decodeImport(latin, 'utf-8');
    expect(forced).toMatchObject({ encoding: 'utf-8', detected: false, replacements: 2 });
    const utf8Bom = bytes([0xef, 0xbb, 0xbf], 'x');
    expect(decodeImport(utf8Bom, 'windows-1252').text).toBe('ï»¿x');
  });
});
