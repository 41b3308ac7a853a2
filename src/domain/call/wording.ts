/**
 * The 4 C coach on words (seed 001, "Quelques conseils d'expression"): present tense rather than the
 * conditional or the future, no imperative, and never "vous devez" / "vous avez tort". Heuristics on
 * purpose: it flags phrasing for the agent to reconsider, it does not parse French.
 *
 * Not flagged: "je vous invite à" and "je comprends, toutefois…": the seed lists them as the positive
 * vocabulary to use.
 */
export type WordingCode = 'obligation' | 'blame' | 'conditional' | 'future' | 'imperative';

export interface WordingIssue {
  code: WordingCode;
  /** The words as written, and where they start in the text. */
  match: string;
  index: number;
}

type Rule = { code: WordingCode; pattern: RegExp };

// Letters including accents, so "\b" style edges work on French words.
const L = 'A-Za-zÀ-ÖØ-öø-ÿœŒ';
const word = (body: string): string => `(?<![${L}])(?:${body})(?![${L}])`;

const FR_RULES: Rule[] = [
  { code: 'obligation', pattern: new RegExp(word(`vous\\s+(?:ne\\s+)?dev(?:ez|riez)|il\\s+(?:vous\\s+)?faut\\s+que\\s+vous|vous\\s+êtes\\s+obligée?s?|vous\\s+n['’]avez\\s+pas\\s+le\\s+choix`), 'gi') },
  { code: 'blame', pattern: new RegExp(word(`vous\\s+avez\\s+tort|(?:c['’]est\\s+)?(?:de\\s+)?votre\\s+faute|vous\\s+auriez\\s+dû`), 'gi') },
  // Conditional of -er verbs ("régleriez", "paierait") and of the usual irregular stems.
  {
    code: 'conditional',
    pattern: new RegExp(
      word(`[${L}]*er(?:ais|ait|ions|iez|aient)|(?:pourr|voudr|devr|aur|ser|fer|saur|verr|viendr|faudr|enverr|ir)(?:ais|ait|ions|iez|aient)`),
      'gi',
    ),
  },
  // Future: -er stems ("réglerez", "enverrons") and the usual irregulars; "allez/allons + infinitive" too.
  {
    code: 'future',
    pattern: new RegExp(
      word(`[${L}]*er(?:ai|as|a|ons|ez|ont)|(?:pourr|voudr|devr|aur|ser|fer|ir|saur|verr|viendr|faudr|enverr)(?:ai|as|a|ons|ez|ont)|(?:vous\\s+allez|nous\\s+allons|je\\s+vais)\\s+[${L}]+(?:er|ir|re)`),
      'gi',
    ),
  },
  // Imperative: a sentence opening on a -ez verb ("Payez", "Envoyez-nous"), or a verb with a hyphenated pronoun.
  {
    code: 'imperative',
    pattern: new RegExp(
      `(?:^|(?<=[.!?…]\\s+))(?!(?:chez|assez)(?![${L}]))[${L}]+ez(?![${L}])(?!-vous)|${word(`[${L}]+ez-(?:moi|nous|le|la|les|lui|leur|en|y)`)}`,
      'gim',
    ),
  },
];

const EN_RULES: Rule[] = [
  { code: 'obligation', pattern: /\byou\s+(?:must|have\s+to|need\s+to|are\s+required\s+to|should|ought\s+to)\b/gi },
  { code: 'blame', pattern: /\byou(?:\s+are|['’]re)\s+wrong\b|\byour\s+fault\b|\byou\s+should\s+have\b/gi },
  { code: 'conditional', pattern: /\b(?:would|could|might)(?:n['’]t)?\b|\b(?:i|you|we|they|he|she|it)['’]d\b/gi },
  { code: 'future', pattern: /\b(?:will|shall|won['’]t)\b|\b(?:i|you|we|they|he|she|it)['’]ll\b|\b(?:going\s+to)\b/gi },
  {
    code: 'imperative',
    pattern: /(?:^|(?<=[.!?…]\s+))(?:please\s+)?(?:pay|send|settle|transfer|call|make\s+sure|remember|tell|give|contact)\b/gim,
  },
];

/** Problems in `text`, in reading order. Empty means nothing to reconsider. */
export function checkWording(text: string, locale: 'fr' | 'en'): WordingIssue[] {
  const issues: WordingIssue[] = [];
  // Earlier rules win an overlap: "vous devriez" is an obligation, not also a conditional.
  const overlaps = (start: number, end: number) => issues.some((i) => start < i.index + i.match.length && i.index < end);
  for (const rule of locale === 'fr' ? FR_RULES : EN_RULES) {
    for (const m of text.matchAll(rule.pattern)) {
      if (overlaps(m.index, m.index + m[0].length)) continue;
      issues.push({ code: rule.code, match: m[0], index: m.index });
    }
  }
  return issues.sort((a, b) => a.index - b.index);
}
