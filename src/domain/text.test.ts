import { describe, expect, it } from 'vitest';
import { toSearchKey } from './text';

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
