import { describe, expect, it } from 'vitest';
import { bpToInput, centsToInput, parseCents, parsePercentBp } from './amount';

describe('parseCents', () => {
  it('reads French and English notations to the cent', () => {
    expect(parseCents('1 234,56')).toBe(123_456);
    expect(parseCents('1\u202f234,5 €')).toBe(123_450);
    expect(parseCents('1234.56')).toBe(123_456);
    expect(parseCents('40')).toBe(4_000);
    expect(parseCents('0,07')).toBe(7);
  });

  it('refuses what is not an amount', () => {
    for (const bad of ['', 'abc', '12,345', '-5', '1.2.3', '1,2,3', '12 €€']) expect(parseCents(bad), bad).toBeUndefined();
  });
});

describe('parsePercentBp and back', () => {
  it('reads rates to the basis point and writes them back for editing', () => {
    expect(parsePercentBp('2,15')).toBe(215);
    expect(parsePercentBp('12.5 %')).toBe(1_250);
    expect(parsePercentBp('2,155')).toBeUndefined();
    expect(bpToInput(215, 'fr')).toBe('2,15');
    expect(centsToInput(123_456, 'en')).toBe('1234.56');
  });
});
