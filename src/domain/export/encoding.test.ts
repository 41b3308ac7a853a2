import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { base64, chunkByBytes, quotedPrintable, utf8Length } from './encoding';

const decodeQp = (qp: string) => {
  const joined = qp.replace(/=\r\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    if (joined[i] === '=') {
      bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(joined.charCodeAt(i));
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
};

describe('encoders', () => {
  it('base64 matches the platform encoder', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(base64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      }),
    );
  });

  it('chunks by bytes without splitting a character', () => {
    expect(chunkByBytes('ééé', 3)).toEqual(['é', 'é', 'é']);
    expect(chunkByBytes('a😀b', 4)).toEqual(['a', '😀', 'b']);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), fc.integer({ min: 4, max: 40 }), (s, max) => {
        const chunks = chunkByBytes(s, max);
        expect(chunks.join('')).toBe(s);
        for (const c of chunks) expect(utf8Length(c)).toBeLessThanOrEqual(max);
      }),
    );
  }, 30_000);

  it('quoted-printable encodes accents, "=", trailing spaces, and keeps lines ≤ 76', () => {
    expect(quotedPrintable('Échéance = 5 €')).toBe('=C3=89ch=C3=A9ance =3D 5 =E2=82=AC');
    expect(quotedPrintable('fin \nsuite')).toBe('fin=20\r\nsuite');
    const long = quotedPrintable('é'.repeat(60));
    for (const line of long.split('\r\n')) expect(line.length).toBeLessThanOrEqual(76);
    expect(long).not.toMatch(/=[0-9A-F]?=\r\n/); // never a soft break inside an =XX escape
  });

  it('round-trips any text through quoted-printable', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        const text = s.replace(/\r/g, '');
        const qp = quotedPrintable(text);
        for (const line of qp.split('\r\n')) expect(line.length).toBeLessThanOrEqual(76);
        expect(decodeQp(qp).replace(/\r\n/g, '\n')).toBe(text);
      }),
    );
  });
});
