import { describe, expect, it } from 'vitest';
import { COACH_LOCALES, LEXICON_LISTS, LexiconSchema, lexiconFor } from './lexicon';
import en from './lexicons/en.json';
import fr from './lexicons/fr.json';

describe('lexiconFor', () => {
  it.each(COACH_LOCALES)('compiles the %s lexicon once, on first use, from data that passes its schema', (locale) => {
    expect(LexiconSchema.safeParse(locale === 'fr' ? fr : en).success).toBe(true);
    const lex = lexiconFor(locale);
    expect(lex.locale).toBe(locale);
    expect(Object.keys(lex.patterns).sort()).toEqual([...LEXICON_LISTS].sort());
    expect(lexiconFor(locale)).toBe(lex);
  });
});
