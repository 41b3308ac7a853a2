import { describe, expect, it } from 'vitest';
import { STEP_IDS } from '../../domain/call/steps';
import { scoreTranscript } from '../../domain/training/rubric';
import { Transcript } from '../../domain/training/transcript';
import { BUILTIN_PERSONAS } from '../../scripts/personas';
import { applyChoice, moodLevel, phrasingsFor, simulationOutcome, simulationStep, startSimulation, stepStates, transcriptOf } from './simulation';

const persona = (id: string, locale: 'fr' | 'en' = 'fr') => BUILTIN_PERSONAS[locale].find((p) => p.id === id)!;
const start = (id: string, locale: 'fr' | 'en' = 'fr') =>
  startSimulation({ persona: persona(id, locale), agent: { agentName: 'Camille Martin', company: 'Atelier Lumière SAS' }, today: '2026-12-03', nowMs: 1_000_000, seed: 5, id: 's1' });

describe('a simulated call', () => {
  it('picking the good phrasing at every step ends on a dated promise and a passing score', () => {
    let sim = start('cheque-in-the-post');
    let now = 1_000_000;
    while (simulationStep(sim) !== null) {
      const good = phrasingsFor(sim, simulationStep(sim)!).find((c) => c.phrasing.fault === 'good')!;
      sim = applyChoice(sim, { kind: 'phrasing', phrasing: good.phrasing }, (now += 7000));
    }
    expect(simulationOutcome(sim)).toBe('promise');
    expect(sim.run.call.context.ending?.type).toBe('completed');
    expect(sim.run.call.context.commitment).toMatchObject({ kind: 'promise', restatedConfirmed: true });
    const transcript = Transcript.parse(transcriptOf(sim, now + 5000));
    expect(transcript.turns.filter((t) => t.speaker === 'debtor')).toHaveLength(10);
    const card = scoreTranscript(transcript);
    expect(card.score).toBeGreaterThanOrEqual(85);
    expect(Object.values(stepStates(sim))).toEqual(STEP_IDS.map(() => 'done'));
  });

  it('reads typed words with the coach rules: rudeness sours the debtor until they hang up', () => {
    let sim = start('angry-customer');
    sim = applyChoice(sim, { kind: 'own', text: 'Vous devez payer, sinon je porte plainte.' }, 1_005_000);
    expect(simulationOutcome(sim)).toBe('hung_up');
    expect(sim.run.call.context.ending?.type).toBe('refusal');
    expect(sim.turns.at(-1)).toMatchObject({ speaker: 'debtor' });
    expect(sim.turns.at(-1)?.text).not.toMatch(/[{}]/);
  });

  it('fills the phrasings from the generated dossier and shuffles them per step', () => {
    const sim = start('forgetful-good-payer');
    const choices = phrasingsFor(sim, 'explanation');
    const invoice = sim.setup.dossier.bundle.invoices[0]!.number;
    expect(choices.find((c) => c.phrasing.fault === 'good')?.text).toContain(invoice);
    const goodAt = STEP_IDS.map((s) => phrasingsFor(sim, s).findIndex((c) => c.phrasing.fault === 'good'));
    expect(new Set(goodAt).size).toBeGreaterThan(1);
  });

  it('records a skipped step and shows the mood dropping after faults', () => {
    let sim = start('evasive-no-date');
    expect(moodLevel(sim)).toBe('neutral');
    sim = applyChoice(sim, { kind: 'skip' }, 1_001_000);
    expect(stepStates(sim).presentation).toBe('skipped');
    expect(sim.turns).toEqual([{ speaker: 'trainee', step: 'presentation', text: '', atMs: 1000, skipped: true }]);
    sim = applyChoice(sim, { kind: 'own', text: 'T’es bien Julie ? Euh, du coup, c’est pour la facture, genre.' }, 1_002_000);
    sim = applyChoice(sim, { kind: 'own', text: 'Abrégez, vous devez payer.' }, 1_003_000);
    expect(['tense', 'angry']).toContain(moodLevel(sim));
  });
});
