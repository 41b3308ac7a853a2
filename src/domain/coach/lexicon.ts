/**
 * The coach's word lists, kept as data (lexicons/fr.json, lexicons/en.json) so that a team lead can read and
 * extend them without touching code. Each list is compiled once into one case-insensitive regular expression
 * with accent-aware word edges: the coach runs on every keystroke and must stay far below a frame.
 */
import { z } from 'zod/mini';
import en from './lexicons/en.json';
import fr from './lexicons/fr.json';

export const COACH_LOCALES = ['fr', 'en'] as const;
export type CoachLocale = (typeof COACH_LOCALES)[number];

const Terms = z.array(z.string().check(z.minLength(1)));

export const LEXICON_LISTS = [
  'jargon',
  'fillers',
  'threats',
  'rude',
  'greetings',
  'thanks',
  'farewells',
  'politeness',
  'tutoiement',
  'vouvoiement',
  'requests',
  'commitment',
  'means',
  'upcoming',
  'disputeAside',
  'insolvencyStop',
  'insolvencyWords',
  'paymentPush',
  'recap',
  'rightPerson',
  'months',
  'weekdays',
  'relativeDates',
  'currency',
  'invoiceRef',
] as const;
export type LexiconList = (typeof LEXICON_LISTS)[number];

export const LexiconSchema = z.object({
  locale: z.enum(COACH_LOCALES),
  limits: z.object({
    /** Words in one sentence before clarity suffers (seed 001: short sentences). */
    sentenceWords: z.int().check(z.positive()),
    /** Words in one spoken turn before it becomes a speech (concision). */
    turnWords: z.int().check(z.positive()),
    /** A written recap reads slower than speech: a little more room per sentence. */
    recapSentenceWords: z.int().check(z.positive()),
  }),
  ...Object.fromEntries(LEXICON_LISTS.map((name) => [name, Terms])) as Record<LexiconList, typeof Terms>,
});
export type LexiconData = z.infer<typeof LexiconSchema>;

/** Letters (accents included) and digits: what may not touch a matched term on either side. */
export const WORD_CHARS = 'A-Za-zÀ-ÖØ-öø-ÿœŒ0-9';

function escapeTerm(term: string): string {
  // A space in a term matches any run of spaces; an apostrophe matches both ' and ’.
  return term
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\s+/g, '\\s+')
    .replace(/'/g, "['’]");
}

/** One regex for a list; longest terms first so "carte bancaire" wins over "carte". */
export function termsPattern(terms: readonly string[]): RegExp | null {
  if (terms.length === 0) return null;
  const body = [...terms]
    .sort((a, b) => b.length - a.length)
    .map(escapeTerm)
    .join('|');
  return new RegExp(`(?<![${WORD_CHARS}])(?:${body})(?![${WORD_CHARS}])`, 'giu');
}

export interface Lexicon {
  locale: CoachLocale;
  limits: LexiconData['limits'];
  patterns: Record<LexiconList, RegExp | null>;
  /** Dates written as words: "12 décembre", "le 3", "lundi", "demain", or with digits: 12/12, 2026-12-12. */
  date: RegExp;
  /** An amount with its currency: "1 250,00 €", "€1,250.00", "300 euros". */
  amount: RegExp;
  /** An invoice reference: FA-2026-00412, F2026/12, or "facture n° 412". */
  invoice: RegExp;
}

function compile(data: LexiconData): Lexicon {
  const patterns = Object.fromEntries(LEXICON_LISTS.map((name) => [name, termsPattern(data[name])])) as Lexicon['patterns'];
  const months = data.months.join('|');
  const named = data.relativeDates.concat(data.weekdays).map(escapeTerm).join('|');
  const date = new RegExp(
    `\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}[/.]\\d{1,2}(?:[/.]\\d{2,4})?\\b|\\b\\d{1,2}(?:er|st|nd|rd|th)?\\s+(?:${months})(?![${WORD_CHARS}])|(?<![${WORD_CHARS}])(?:${months})\\s+\\d{1,2}(?:st|nd|rd|th)?\\b|(?<![${WORD_CHARS}])(?:${named})(?![${WORD_CHARS}])`,
    'giu',
  );
  const currency = data.currency.map(escapeTerm).join('|');
  const amount = new RegExp(`\\d[\\d\\s\\u00a0\\u202f.,]*\\s?(?:${currency})(?![${WORD_CHARS}])|(?:€|EUR)\\s?\\d[\\d,.]*`, 'gu');
  const refWords = data.invoiceRef.map(escapeTerm).join('|');
  const invoice = new RegExp(`\\b[A-Z]{1,4}-?\\d{2,}(?:[-/]\\d+)*\\b|(?<![${WORD_CHARS}])(?:${refWords})\\.?\\s*[A-Z0-9-]*\\d`, 'giu');
  return { locale: data.locale, limits: data.limits, patterns, date, amount, invoice };
}

function load(raw: unknown, name: string): Lexicon {
  const parsed = LexiconSchema.safeParse(raw);
  if (!parsed.success) {
    // Built-in data: a broken file is a programming error the unit tests catch before any release.
    throw new Error(`Coach lexicon ${name} is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return compile(parsed.data);
}

const RAW: Record<CoachLocale, unknown> = { fr, en };
const LEXICONS: Partial<Record<CoachLocale, Lexicon>> = {};

/**
 * The compiled lexicon of a language, checked and compiled on first use, not when the module loads: the call
 * screen's module evaluation checked and compiled both languages (~10 ms at 1× in a load trace), which fell
 * in the load Lighthouse measures, while a call coaches in one language and only once the agent writes.
 */
export function lexiconFor(locale: CoachLocale): Lexicon {
  return (LEXICONS[locale] ??= load(RAW[locale], locale));
}

/** Every match of a compiled list in `text`, as [start, end, words]. */
export function matchesOf(pattern: RegExp | null, text: string): { start: number; end: number; term: string }[] {
  if (!pattern) return [];
  const out: { start: number; end: number; term: string }[] = [];
  pattern.lastIndex = 0;
  for (const m of text.matchAll(pattern)) out.push({ start: m.index, end: m.index + m[0].length, term: m[0] });
  return out;
}

export function hasMatch(pattern: RegExp | null, text: string): boolean {
  if (!pattern) return false;
  pattern.lastIndex = 0;
  const found = pattern.test(text);
  pattern.lastIndex = 0;
  return found;
}
