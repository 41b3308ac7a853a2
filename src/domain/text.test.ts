import { describe, expect, it } from 'vitest';
import { stripBidiControls, stripBidiDeep, toSearchKey } from './text';

describe('toSearchKey', () => {
  it('lower-cases and strips accents', () => {
    expect(toSearchKey('Équipements Hélène SARL')).toBe('equipements helene sarl');
  });
  it('expands ligatures NFD leaves alone', () => {
    expect(toSearchKey("Cœur d'Œuvre")).toBe("coeur d'oeuvre");
    expect(toSearchKey('Ætna')).toBe('aetna');
  });
  it('collapses and trims whitespace', () => {
    expect(toSearchKey('  Boulangerie \t Dupont  ')).toBe('boulangerie dupont');
  });
  it('keeps digits and punctuation of invoice numbers', () => {
    expect(toSearchKey('FA-2026/0012')).toBe('fa-2026/0012');
  });
});

describe('stripBidiControls / stripBidiDeep', () => {
  it('removes embeddings, overrides and isolates, and nothing else', () => {
    expect(stripBidiControls('Dupont\u202E SARL')).toBe('Dupont SARL');
    expect(stripBidiControls('\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069ok')).toBe('ok');
    expect(stripBidiControls('Cœur d’Épinal — 12 €\u00a0')).toBe('Cœur d’Épinal — 12 €\u00a0');
  });

  it('cleans every nested string and keeps the same object when there is nothing to clean', () => {
    const record = { name: 'A\u202Eb', address: { line1: 'rue\u2067 x', city: 'Lyon' }, tags: ['\u202Dz', 'y'], n: 3, ok: true, none: undefined };
    expect(stripBidiDeep(record)).toEqual({ name: 'Ab', address: { line1: 'rue x', city: 'Lyon' }, tags: ['z', 'y'], n: 3, ok: true, none: undefined });
    expect(record.name).toBe('A\u202Eb');
    const clean = { name: 'A', list: [{ x: 'y' }] };
    expect(stripBidiDeep(clean)).toBe(clean);
  });
});
