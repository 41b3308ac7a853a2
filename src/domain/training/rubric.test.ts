import { describe, expect, it } from 'vitest';
import { PASS_MARK, scoreTranscript, timePerStep } from './rubric';
import { Transcript } from './transcript';
import goodFr from './transcripts/good-call.fr.json';
import goodInsolvencyEn from './transcripts/good-call-insolvency.en.json';
import insolvencyPushed from './transcripts/insolvency-pushed.fr.json';
import rude from './transcripts/rude-call.fr.json';
import skipped from './transcripts/skipped-step-6.fr.json';

const parse = (raw: unknown) => Transcript.parse(raw);

describe('rubric on hand-written transcripts', () => {
  it('scores a good call at 85 or more, every criterion met', () => {
    const card = scoreTranscript(parse(goodFr));
    expect(card.score).toBeGreaterThanOrEqual(85);
    expect(card.passed).toBe(true);
    expect(card.criteria.filter((c) => !c.met).map((c) => c.id)).toEqual([]);
    expect(card.caps).toEqual([]);
  });

  it('scores a good English call with an insolvent company (collection stopped) at 85 or more', () => {
    const card = scoreTranscript(parse(goodInsolvencyEn));
    expect(card.score).toBeGreaterThanOrEqual(85);
    expect(card.criteria.find((c) => c.id === 'decision_restated')?.met).toBe(true);
  });

  it('scores a rude call at 40 or less, with the unlawful threat and the hang-up named', () => {
    const card = scoreTranscript(parse(rude));
    expect(card.score).toBeLessThanOrEqual(40);
    expect(card.passed).toBe(false);
    expect(card.caps.map((c) => c.id)).toEqual(expect.arrayContaining(['threat', 'hung_up', 'skipped_step']));
    expect(card.criteria.find((c) => c.id === 'four_c.courtesy')).toMatchObject({ met: false, passed: 0, of: 5 });
  });

  it('caps a call that skips step 6 below the pass mark', () => {
    const card = scoreTranscript(parse(skipped));
    expect(card.score).toBeLessThan(PASS_MARK);
    expect(card.stepsDone.commitments).toBe(false);
    expect(card.caps.map((c) => c.id)).toContain('skipped_step');
    // Without the cap the rest of the call is good: the cap, not the points, fails it.
    expect(card.criteria.reduce((s, c) => s + c.points, 0)).toBeGreaterThan(PASS_MARK);
  });

  it('fails a call that pushes an insolvent company for payment', () => {
    const card = scoreTranscript(parse(insolvencyPushed));
    expect(card.passed).toBe(false);
    expect(card.score).toBeLessThanOrEqual(30);
    expect(card.caps.map((c) => c.id)).toContain('pushed_insolvent');
    expect(card.turns.find((t) => t.step === 'commitments')?.stepRule).toBe('push_insolvent');
  });

  it('trusts a picked phrasing’s label for the C it breaks', () => {
    const transcript = parse(goodFr);
    const turn = transcript.turns.find((t) => t.step === 'listening' && t.speaker === 'trainee')!;
    turn.label = 'concision';
    const card = scoreTranscript(transcript);
    expect(card.criteria.find((c) => c.id === 'four_c.concision')).toMatchObject({ met: false, passed: 9, of: 10 });
    expect(card.score).toBe(99);
  });

  it('only expects steps 1–2 after a referral by the gatekeeper', () => {
    const transcript = parse({ ...goodFr, personaId: 'gatekeeper', special: 'gatekeeper', expected: ['referred'], outcome: 'referred' });
    transcript.turns = transcript.turns.filter((t) => t.step === 'presentation' || t.step === 'identification');
    transcript.turns[2]!.text = 'Qui traite le règlement des factures fournisseurs chez vous, et à quel moment puis-je le joindre ?';
    const card = scoreTranscript(transcript);
    expect(card.caps).toEqual([]);
    expect(card.score).toBe(100);
  });
});

describe('timePerStep', () => {
  it('runs from each step’s first words to the next step’s, the last one to the end', () => {
    const times = timePerStep(parse(goodFr));
    expect(times.presentation).toBe(15_000);
    expect(times.formalisation).toBe(18_000);
    expect(Object.keys(times)).toHaveLength(10);
  });
});
