/**
 * The 4 C rule on a piece of text (seed 001: Clarté, Concision, Concret, Courtoisie), deterministic: word
 * lists from ./lexicons and a few counts, no network and no language model. The same rules read a trainee's
 * typed turn in training mode and coach the agent live on call notes and on the recap email.
 *
 * Each hint names its C, an i18n key under `coach:hints.` with its params, and the range of text it is about
 * (the whole text when something is missing). Hints never block anything: the screens show them beside the
 * text, and the agent may dismiss them.
 *
 * What each kind of text is checked for:
 * - `turn` (what the trainee says): every rule; amount, date and invoice reference when the turn states the
 *   debt or asks for / restates a commitment; a greeting at the presentation, thanks at the conclusion.
 * - `recap` (the written recap email): sentence length, jargon, filler, amount + date + invoice reference,
 *   courtesy and the law. Not the tense rules: a written commitment "vous réglerez le 12" is clear.
 * - `notes` (the agent's own notes, kept in the debtor's history): sentence length, courtesy and the law only;
 *   notes quote the debtor and need not be concrete.
 */
import type { FourC, StepId } from '../call/steps';
import { checkWording, type WordingCode } from '../call/wording';
import { hasMatch, lexiconFor, matchesOf, type CoachLocale, type Lexicon } from './lexicon';

export type CoachTextKind = 'turn' | 'recap' | 'notes';

export type CoachHintCode =
  | 'long_sentence'
  | 'jargon'
  | 'several_requests'
  | 'conditional'
  | 'future'
  | 'long_turn'
  | 'filler'
  | 'missing_amount'
  | 'missing_date'
  | 'missing_invoice'
  | 'threat'
  | 'rude'
  | 'tutoiement'
  | 'obligation'
  | 'blame'
  | 'imperative'
  | 'no_greeting'
  | 'no_thanks';

export const HINT_CODES: readonly CoachHintCode[] = [
  'long_sentence',
  'jargon',
  'several_requests',
  'conditional',
  'future',
  'long_turn',
  'filler',
  'missing_amount',
  'missing_date',
  'missing_invoice',
  'threat',
  'rude',
  'tutoiement',
  'obligation',
  'blame',
  'imperative',
  'no_greeting',
  'no_thanks',
];

export interface CoachHint {
  /** Stable while the text before the range does not change: the screens key dismissals on it. */
  id: string;
  c: FourC;
  code: CoachHintCode;
  /** `coach:hints.<code>`. */
  key: string;
  params: Record<string, string | number>;
  /** The text range the hint is about, [start, end) in UTF-16 units. */
  start: number;
  end: number;
  /** Threats of criminal action and public shaming are unlawful in amicable collection, not only rude. */
  law: boolean;
}

export interface CoachOptions {
  locale: CoachLocale;
  kind: CoachTextKind;
  /** For a turn: the call step it is said at. */
  step?: StepId;
}

const C_OF: Record<CoachHintCode, FourC> = {
  long_sentence: 'clarity',
  jargon: 'clarity',
  several_requests: 'clarity',
  conditional: 'clarity',
  future: 'clarity',
  long_turn: 'concision',
  filler: 'concision',
  missing_amount: 'concrete',
  missing_date: 'concrete',
  missing_invoice: 'concrete',
  threat: 'courtesy',
  rude: 'courtesy',
  tutoiement: 'courtesy',
  obligation: 'courtesy',
  blame: 'courtesy',
  imperative: 'courtesy',
  no_greeting: 'courtesy',
  no_thanks: 'courtesy',
};

function hint(code: CoachHintCode, start: number, end: number, params: Record<string, string | number> = {}): CoachHint {
  return { id: `${code}:${start}`, c: C_OF[code], code, key: `coach:hints.${code}`, params, start, end, law: code === 'threat' };
}

// A number with separators ("1,250.00", "12/12/2026") counts as one word.
const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}'’-]|[.,/](?=\p{N}))*/gu;
// A sentence ends on . ! ? … followed by a space or the end (so "1,250.00" does not end one), or on a new line.
const SENTENCE = /(?:[^.!?…\n]|[.!?…](?![.!?…]|\s|$))+(?:[.!?…]+|\n|$)/g;

export function wordCount(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(WORD)) n++;
  return n;
}

export interface Sentence {
  start: number;
  end: number;
  text: string;
  words: number;
}

export function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  for (const m of text.matchAll(SENTENCE)) {
    const words = wordCount(m[0]);
    if (words === 0) continue;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], words });
  }
  return out;
}

const WORDING_CODES: Record<WordingCode, CoachHintCode> = {
  obligation: 'obligation',
  blame: 'blame',
  imperative: 'imperative',
  conditional: 'conditional',
  future: 'future',
};

function listHints(lex: Lexicon, list: 'jargon' | 'fillers' | 'threats' | 'rude' | 'tutoiement', code: CoachHintCode, text: string): CoachHint[] {
  return matchesOf(lex.patterns[list], text).map((m) => hint(code, m.start, m.end, { term: m.term }));
}

/** Whether the text states the debt or asks for / restates a commitment: then it has to be concrete. */
export function needsConcrete(text: string, options: CoachOptions, lex: Lexicon = lexiconFor(options.locale)): boolean {
  if (options.kind === 'recap') return true;
  if (options.kind !== 'turn') return false;
  return options.step === 'explanation' || options.step === 'commitments' || hasMatch(lex.patterns.commitment, text);
}

function concreteHints(lex: Lexicon, text: string): CoachHint[] {
  const end = text.length;
  const hints: CoachHint[] = [];
  if (!hasMatch(lex.amount, text)) hints.push(hint('missing_amount', 0, end));
  if (!hasMatch(lex.date, text)) hints.push(hint('missing_date', 0, end));
  if (!hasMatch(lex.invoice, text)) hints.push(hint('missing_invoice', 0, end));
  return hints;
}

function requestCount(lex: Lexicon, sentences: Sentence[]): number {
  let n = 0;
  for (const s of sentences) {
    if (/\?\s*$/.test(s.text) || hasMatch(lex.patterns.requests, s.text)) n++;
  }
  return n;
}

/** Every hint for `text`, in reading order. Empty on a clean text. */
export function coachText(text: string, options: CoachOptions): CoachHint[] {
  const hints: CoachHint[] = [];
  // Before the lexicon: its first use compiles its word lists into patterns (a call screen opening with empty
  // notes spent 11 ms of its first render at 4× CPU there, in a trace).
  if (text.trim() === '') return hints;
  const lex = lexiconFor(options.locale);
  const sentences = sentencesOf(text);
  const maxSentence = options.kind === 'recap' ? lex.limits.recapSentenceWords : lex.limits.sentenceWords;

  for (const s of sentences) {
    if (s.words > maxSentence) hints.push(hint('long_sentence', s.start, s.end, { words: s.words, max: maxSentence }));
  }
  // Courtesy and the law apply to every kind of text.
  hints.push(...listHints(lex, 'threats', 'threat', text), ...listHints(lex, 'rude', 'rude', text));
  if (options.kind === 'notes') return sortHints(hints);

  hints.push(...listHints(lex, 'tutoiement', 'tutoiement', text));
  hints.push(...listHints(lex, 'jargon', 'jargon', text), ...listHints(lex, 'fillers', 'filler', text));
  for (const issue of checkWording(text, options.locale)) {
    const code = WORDING_CODES[issue.code];
    if (options.kind === 'recap' && (code === 'conditional' || code === 'future')) continue;
    hints.push(hint(code, issue.index, issue.index + issue.match.length, { words: issue.match }));
  }
  if (needsConcrete(text, options, lex)) hints.push(...concreteHints(lex, text));

  if (options.kind === 'turn') {
    const words = wordCount(text);
    if (words > lex.limits.turnWords) hints.push(hint('long_turn', 0, text.length, { words, max: lex.limits.turnWords }));
    const requests = requestCount(lex, sentences);
    if (requests > 1) hints.push(hint('several_requests', 0, text.length, { count: requests }));
    if (options.step === 'presentation' && !hasMatch(lex.patterns.greetings, text)) hints.push(hint('no_greeting', 0, text.length));
    if (options.step === 'conclusion' && !hasMatch(lex.patterns.thanks, text) && !hasMatch(lex.patterns.farewells, text)) {
      hints.push(hint('no_thanks', 0, text.length));
    }
  }
  return sortHints(hints);
}

function sortHints(hints: CoachHint[]): CoachHint[] {
  return hints.sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
}

/** The Cs a text breaks, each once. */
export function brokenCs(hints: readonly CoachHint[]): Set<FourC> {
  return new Set(hints.map((h) => h.c));
}
