/**
 * The training score: 0–100 from yes/no criteria, pass mark 70. Deterministic, from the transcript alone,
 * with the same coach rules the trainee sees (../coach). The rubric, as the debrief shows it:
 *
 * Steps — 30 points
 * - each of the ten steps done (the trainee spoke at it): 2 points each. A referral by the gatekeeper ends
 *   the call after step 2, so only steps 1–2 are expected then.
 * - the steps in order (each step's first words after the previous step's): 5 points.
 * - no step rule broken (a promise not read back, the upcoming invoices forgotten, a disputed invoice or an
 *   insolvent company pushed for payment…): 5 points.
 * The 4 C — 40 points, 10 per C: for each C, every trainee turn is a yes/no (no hint of that C, and not a
 * phrasing labelled with it); the points are the share of yes.
 * Outcome — 30 points
 * - the right result with this debtor (a dated promise, a plan request, the dispute noted, the referral,
 *   collection stopped for an insolvent company): 15 points.
 * - the decision restated at step 6: amount, date and means for a promise or a plan; the invoice put aside for
 *   a dispute; the stop and the declared claim for insolvency: 6 points.
 * - the upcoming invoices mentioned at step 7: 5 points.
 * - the written recap announced at step 10: 4 points.
 * Criteria that do not apply (after a referral) count as met.
 *
 * Caps, whatever the points: a skipped step → 65 (a call with a step missing cannot pass); the debtor hung
 * up → 40; a threat of criminal action or public shaming (unlawful in amicable collection) → 40; a disputed
 * invoice pushed for payment → 50; an insolvent company pushed for payment → 30 (it fails).
 */
import { STEP_IDS, FOUR_C, stepIndex, type FourC, type StepId } from '../call/steps';
import { hasMatch, lexiconFor } from '../coach/lexicon';
import type { CoachHint } from '../coach/rules';
import { readTurn, type StepRuleCode } from '../coach/turn';
import type { Transcript, TranscriptTurn } from './transcript';

export const PASS_MARK = 70;

export type CriterionId =
  | `step_done.${StepId}`
  | 'steps_in_order'
  | 'step_rules_kept'
  | `four_c.${FourC}`
  | 'right_outcome'
  | 'decision_restated'
  | 'upcoming_mentioned'
  | 'recap_announced';

export interface Criterion {
  id: CriterionId;
  group: 'steps' | 'four_c' | 'outcome';
  met: boolean;
  points: number;
  max: number;
  /** For the 4 C: turns that pass, out of all trainee turns. */
  passed?: number;
  of?: number;
  applies: boolean;
}

export type CapId = 'skipped_step' | 'hung_up' | 'threat' | 'pushed_dispute' | 'pushed_insolvent';
export const CAP_LIMITS: Record<CapId, number> = { skipped_step: 65, hung_up: 40, threat: 40, pushed_dispute: 50, pushed_insolvent: 30 };

/** One trainee turn as the debrief annotates it. */
export interface TurnAnnotation {
  /** Index in transcript.turns. */
  index: number;
  step: StepId;
  cs: Record<FourC, boolean>;
  hints: CoachHint[];
  stepRule: StepRuleCode | 'labelled' | null;
  law: boolean;
}

export interface ScoreCard {
  score: number;
  passed: boolean;
  criteria: Criterion[];
  caps: { id: CapId; limit: number }[];
  turns: TurnAnnotation[];
  stepsDone: Record<StepId, boolean>;
}

function expectedSteps(transcript: Transcript): readonly StepId[] {
  return transcript.outcome === 'referred' ? STEP_IDS.slice(0, 2) : STEP_IDS;
}

function spoken(turn: TranscriptTurn): boolean {
  return turn.speaker === 'trainee' && !turn.skipped && turn.text.trim() !== '';
}

export function annotateTurns(transcript: Transcript): TurnAnnotation[] {
  const annotations: TurnAnnotation[] = [];
  transcript.turns.forEach((turn, index) => {
    if (!spoken(turn)) return;
    const reading = readTurn(turn.text, { locale: transcript.locale, step: turn.step, special: transcript.special });
    const label = turn.label && turn.label !== 'good' ? turn.label : null;
    const cs = Object.fromEntries(FOUR_C.map((c) => [c, label !== c && !reading.hints.some((h) => h.c === c)])) as Record<FourC, boolean>;
    const stepRule = reading.stepRule ?? (label === 'step_rule' ? 'labelled' : null);
    annotations.push({ index, step: turn.step, cs, hints: reading.hints, stepRule, law: reading.hints.some((h) => h.law) });
  });
  return annotations;
}

function firstTurnAt(transcript: Transcript): Map<StepId, number> {
  const first = new Map<StepId, number>();
  transcript.turns.forEach((turn, i) => {
    if (spoken(turn) && !first.has(turn.step)) first.set(turn.step, i);
  });
  return first;
}

function decisionRestated(transcript: Transcript): boolean {
  const lex = lexiconFor(transcript.locale);
  const texts = transcript.turns.filter((t) => spoken(t) && t.step === 'commitments').map((t) => t.text);
  const any = (test: (text: string) => boolean) => texts.some(test);
  switch (transcript.outcome) {
    case 'promise':
    case 'plan_request':
      return any((t) => hasMatch(lex.amount, t) && hasMatch(lex.date, t) && hasMatch(lex.patterns.means, t));
    case 'dispute_noted':
      return any((t) => hasMatch(lex.patterns.disputeAside, t) && hasMatch(lex.invoice, t));
    case 'collection_stopped':
      return any((t) => hasMatch(lex.patterns.insolvencyStop, t));
    default:
      return false;
  }
}

function stepMentions(transcript: Transcript, step: StepId, test: (text: string) => boolean): boolean {
  return transcript.turns.some((t) => spoken(t) && t.step === step && test(t.text));
}

export function scoreTranscript(transcript: Transcript): ScoreCard {
  const turns = annotateTurns(transcript);
  const first = firstTurnAt(transcript);
  const expected = expectedSteps(transcript);
  const referred = transcript.outcome === 'referred';
  const lex = lexiconFor(transcript.locale);
  const criteria: Criterion[] = [];
  const yesNo = (id: CriterionId, group: Criterion['group'], max: number, met: boolean, applies = true) =>
    criteria.push({ id, group, max, met: met || !applies, points: met || !applies ? max : 0, applies });

  const stepsDone = Object.fromEntries(STEP_IDS.map((s) => [s, first.has(s)])) as Record<StepId, boolean>;
  for (const step of STEP_IDS) yesNo(`step_done.${step}`, 'steps', 2, stepsDone[step], expected.includes(step));
  const order = STEP_IDS.filter((s) => first.has(s)).map((s) => first.get(s)!);
  yesNo('steps_in_order', 'steps', 5, order.every((at, i) => i === 0 || at > order[i - 1]!));
  yesNo('step_rules_kept', 'steps', 5, turns.every((t) => t.stepRule === null));

  for (const c of FOUR_C) {
    const passed = turns.filter((t) => t.cs[c]).length;
    const of = turns.length;
    const points = of === 0 ? 0 : Math.round((10 * passed) / of * 10) / 10;
    criteria.push({ id: `four_c.${c}`, group: 'four_c', max: 10, points, met: of > 0 && passed === of, passed, of, applies: true });
  }

  yesNo('right_outcome', 'outcome', 15, transcript.expected.includes(transcript.outcome));
  yesNo('decision_restated', 'outcome', 6, decisionRestated(transcript), !referred);
  yesNo('upcoming_mentioned', 'outcome', 5, stepMentions(transcript, 'anticipation', (t) => hasMatch(lex.patterns.upcoming, t) || hasMatch(lex.invoice, t)), !referred);
  yesNo('recap_announced', 'outcome', 4, stepMentions(transcript, 'formalisation', (t) => hasMatch(lex.patterns.recap, t)), !referred);

  const caps: ScoreCard['caps'] = [];
  const cap = (id: CapId, when: boolean) => when && caps.push({ id, limit: CAP_LIMITS[id] });
  cap('skipped_step', expected.some((s) => !stepsDone[s]));
  cap('hung_up', transcript.outcome === 'hung_up');
  cap('threat', turns.some((t) => t.law));
  cap('pushed_dispute', transcript.special === 'dispute' && turns.some((t) => t.step === 'commitments' && (t.stepRule === 'push_disputed' || t.stepRule === 'labelled')));
  cap('pushed_insolvent', transcript.special === 'insolvency' && turns.some((t) => t.step === 'commitments' && (t.stepRule === 'push_insolvent' || t.stepRule === 'labelled')));

  const points = Math.round(criteria.reduce((sum, c) => sum + c.points, 0));
  const score = Math.max(0, Math.min(100, points, ...caps.map((c) => c.limit)));
  return { score, passed: score >= PASS_MARK, criteria, caps, turns, stepsDone };
}

/** Milliseconds spent at each step: from its first turn to the next step's first turn (or the end). */
export function timePerStep(transcript: Transcript): Partial<Record<StepId, number>> {
  const starts: { step: StepId; at: number }[] = [];
  for (const turn of transcript.turns) {
    if (turn.speaker !== 'trainee' || starts.some((s) => s.step === turn.step)) continue;
    starts.push({ step: turn.step, at: turn.atMs });
  }
  starts.sort((a, b) => a.at - b.at || stepIndex(a.step) - stepIndex(b.step));
  const times: Partial<Record<StepId, number>> = {};
  starts.forEach((s, i) => {
    const end = starts[i + 1]?.at ?? transcript.endMs;
    times[s.step] = Math.max(0, end - s.at);
  });
  return times;
}
