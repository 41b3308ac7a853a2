import { describe, expect, it } from 'vitest';
import { bpToInput, centsToInput, readAmountCents, readingValue, readPercentBp, type MoneyLocale } from './parse';

const LOCALES: MoneyLocale[] = ['fr', 'en'];

describe('readAmountCents, the notations every locale accepts', () => {
  it.each([
    ['1 234,56', 123_456],
    ['1234,56', 123_456],
    ['1.234,56', 123_456],
    ['1234.56', 123_456],
    ['1,234.56', 123_456],
    ['1\u00a0234,56', 123_456],
    ['1\u202f234,56', 123_456],
    ['1\u202f234\u202f567,5 €', 123_456_750],
    ['€ 60', 6_000],
    ['60 EUR', 6_000],
    ['0,05', 5],
    ['1234,5', 123_450],
    ['  42  ', 4_200],
  ])('%s → %i cents', (text, cents) => {
    for (const locale of LOCALES) expect(readAmountCents(text, locale), `${locale} ${text}`).toBe(cents);
  });

  it('reads an empty field as empty, not as zero', () => {
    for (const locale of LOCALES) {
      expect(readAmountCents('', locale)).toBeNull();
      expect(readAmountCents(' \u00a0', locale)).toBeNull();
    }
  });

  it.each(['-5', '-1 234,56', '+5', 'abc', '12a', '1,5a', '€', '12,', '.5', '12,345,6', '1,2,3', '1.2.3', '12 €€', '1 23,45', '12 3456', '1 234.567,00', '1,234,5'])(
    'refuses %j',
    (text) => {
      for (const locale of LOCALES) expect(readAmountCents(text, locale), `${locale} ${text}`).toBe('invalid');
    },
  );

  it('refuses more than two decimals and amounts past the safe integers', () => {
    expect(readAmountCents('12,345', 'fr')).toBe('invalid');
    expect(readAmountCents('12.345', 'en')).toBe('invalid');
    for (const locale of LOCALES) {
      expect(readAmountCents('12.3456', locale)).toBe('invalid');
      expect(readAmountCents('12,3456', locale)).toBe('invalid');
      expect(readAmountCents('99999999999999999', locale)).toBe('invalid');
    }
  });

  it('round-trips what centsToInput writes, in both locales', () => {
    for (const locale of LOCALES) {
      for (const cents of [0, 5, 6_000, 123_456, 100_001]) expect(readAmountCents(centsToInput(cents, locale), locale)).toBe(cents);
    }
  });
});

describe('readAmountCents in French', () => {
  it('takes a lone dot before three digits as a thousands group, a lone comma before three as too many decimals', () => {
    expect(readAmountCents('1.234', 'fr')).toBe(123_400);
    expect(readAmountCents('1.234.567', 'fr')).toBe(123_456_700);
    expect(readAmountCents('1,234', 'fr')).toBe('invalid');
    expect(readAmountCents('1,234,567', 'fr')).toBe(123_456_700);
  });

  it('writes the comma as decimal mark', () => {
    expect(centsToInput(123_450, 'fr')).toBe('1234,50');
  });
});

describe('readAmountCents in English', () => {
  it('takes a lone comma before three digits as a thousands group, a lone dot before three as too many decimals', () => {
    expect(readAmountCents('1,234', 'en')).toBe(123_400);
    expect(readAmountCents('1,234,567', 'en')).toBe(123_456_700);
    expect(readAmountCents('1.234', 'en')).toBe('invalid');
  });

  it('writes the dot as decimal mark', () => {
    expect(centsToInput(123_450, 'en')).toBe('1234.50');
  });
});

describe('readPercentBp', () => {
  it('reads rates to the basis point in both notations, with or without the sign', () => {
    {
      expect(readPercentBp('2,15')).toBe(215);
      expect(readPercentBp('12.5 %')).toBe(1_250);
      expect(readPercentBp('4,2\u202f%')).toBe(420);
      expect(readPercentBp('')).toBeNull();
    }
  });

  it('refuses three decimals, grouping, negatives and junk', () => {
    for (const bad of ['2,155', '1 000', '1.000,5', '-2', 'x %', '%', '1,000']) expect(readPercentBp(bad), bad).toBe('invalid');
  });

  it('writes a rate back for editing in the language of the form', () => {
    expect(bpToInput(215, 'fr')).toBe('2,15');
    expect(bpToInput(215, 'en')).toBe('2.15');
  });
});

describe('readingValue', () => {
  it('keeps numbers and drops empty or refused readings', () => {
    expect(readingValue(readAmountCents('0', 'fr'))).toBe(0);
    expect(readingValue(readAmountCents('', 'fr'))).toBeUndefined();
    expect(readingValue(readAmountCents('x', 'en'))).toBeUndefined();
  });
});
