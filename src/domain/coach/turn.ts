/**
 * Reads one trainee turn the way the personas hear it: the 4 C hints of ./rules.ts, plus the step rules a
 * text can show (a greeting to open, the upcoming invoices at the anticipation step, the recap announced at
 * the formalisation, and — for the special debtors — not pushing for payment of a disputed invoice or of a
 * company under insolvency proceedings). The result is one behaviour, the same vocabulary the scripted
 * phrasings are labelled with, so typed words and picked phrasings drive the persona alike.
 */
import type { FourC, StepId } from '../call/steps';
import { hasMatch, lexiconFor, type CoachLocale } from './lexicon';
import { coachText, type CoachHint } from './rules';

export const TRAINEE_BEHAVIOURS = ['good', 'clarity', 'concision', 'concrete', 'courtesy', 'step_rule'] as const;
export type TraineeBehaviour = (typeof TRAINEE_BEHAVIOURS)[number];

/** What makes a persona special for the step rules: what the right move is. */
export const PERSONA_SPECIALS = ['none', 'dispute', 'insolvency', 'gatekeeper'] as const;
export type PersonaSpecial = (typeof PERSONA_SPECIALS)[number];

export type StepRuleCode = 'no_upcoming' | 'no_recap' | 'push_disputed' | 'push_insolvent' | 'no_right_person';
export const STEP_RULE_CODES: readonly StepRuleCode[] = ['no_upcoming', 'no_recap', 'push_disputed', 'push_insolvent', 'no_right_person'];

export interface TurnReading {
  behaviour: TraineeBehaviour;
  hints: CoachHint[];
  stepRule: StepRuleCode | null;
}

export interface TurnContext {
  locale: CoachLocale;
  step: StepId;
  special: PersonaSpecial;
}

/** Whether the words ask the debtor for money (pushing), rather than setting the claim aside. */
export function pushesPayment(text: string, locale: CoachLocale, special: PersonaSpecial): boolean {
  const lex = lexiconFor(locale);
  if (!hasMatch(lex.patterns.paymentPush, text)) return false;
  if (special === 'insolvency') return !hasMatch(lex.patterns.insolvencyStop, text);
  if (special === 'dispute') return !hasMatch(lex.patterns.disputeAside, text);
  return false;
}

/** The step rule a text breaks at its step, if one can be read from words. */
export function stepRuleBroken(text: string, ctx: TurnContext): StepRuleCode | null {
  const lex = lexiconFor(ctx.locale);
  // Asking what delays the payment is fair before the debtor mentions the proceedings; from step 6 on, it is pushing.
  if (ctx.special === 'insolvency' && ctx.step === 'commitments' && pushesPayment(text, ctx.locale, 'insolvency')) return 'push_insolvent';
  if (ctx.special === 'dispute' && ctx.step === 'commitments' && pushesPayment(text, ctx.locale, 'dispute')) return 'push_disputed';
  if (ctx.special === 'gatekeeper' && ctx.step === 'identification' && !hasMatch(lex.patterns.rightPerson, text)) return 'no_right_person';
  if (ctx.step === 'anticipation' && !hasMatch(lex.patterns.upcoming, text)) return 'no_upcoming';
  if (ctx.step === 'formalisation' && !hasMatch(lex.patterns.recap, text)) return 'no_recap';
  return null;
}

// Which fault the persona reacts to when a turn has several: rudeness is heard first, then a wrong move.
const PRIORITY: readonly TraineeBehaviour[] = ['courtesy', 'step_rule', 'concrete', 'clarity', 'concision'];

export function readTurn(text: string, ctx: TurnContext): TurnReading {
  const hints = coachText(text, { locale: ctx.locale, kind: 'turn', step: ctx.step });
  const stepRule = stepRuleBroken(text, ctx);
  const broken = new Set<TraineeBehaviour>(hints.map((h) => h.c as FourC));
  if (stepRule) broken.add('step_rule');
  const behaviour = PRIORITY.find((b) => broken.has(b)) ?? 'good';
  return { behaviour, hints, stepRule };
}
