import { describe, expect, it } from 'vitest';
import { STEP_IDS } from '../domain/call/steps';
import { readTurn } from '../domain/coach/turn';
import { generatePersonaDossier } from './persona-dossier';
import { fillPersonaText, personaTextContext } from './persona-fill';
import { validatePersona, type ResolvedPersona } from './persona-validate';
import { BUILTIN_PERSONA_FILES, BUILTIN_PERSONAS } from './personas';

const TODAY = '2026-12-03';
const AGENT = { agentName: 'Camille Martin', company: 'Atelier Lumière SAS' };
const REQUIRED = [
  'forgetful-good-payer',
  'cash-strapped-plan',
  'dispute-delivery',
  'cheque-in-the-post',
  'angry-customer',
  'evasive-no-date',
  'gatekeeper',
  'insolvency-proceedings',
];

function textsFor(persona: ResolvedPersona) {
  const dossier = generatePersonaDossier(persona, { seed: 7, today: TODAY, formerAgent: 'Julien Roux' });
  const ctx = personaTextContext(persona, dossier, AGENT, TODAY);
  return { dossier, ctx, fill: (text: string) => fillPersonaText(text, ctx) };
}

describe.each(['fr', 'en'] as const)('built-in personas (%s)', (locale) => {
  const personas = BUILTIN_PERSONAS[locale];

  it('has the eight required personas, all valid', () => {
    expect(personas.map((p) => p.id).sort()).toEqual([...REQUIRED].sort());
    const { phrasebook, personas: raw } = BUILTIN_PERSONA_FILES[locale];
    for (const file of raw) expect(validatePersona(file, phrasebook).ok).toBe(true);
  });

  it.each(REQUIRED)('%s: every step has 3–4 phrasings, one good, each fault explained', (id) => {
    const persona = personas.find((p) => p.id === id)!;
    for (const step of STEP_IDS) {
      const list = persona.phrasings[step];
      expect(list.length).toBeGreaterThanOrEqual(3);
      expect(list.length).toBeLessThanOrEqual(4);
      expect(list.filter((p) => p.fault === 'good')).toHaveLength(1);
      for (const p of list) if (p.fault !== 'good') expect(p.why, `${step}.${p.id}`).toBeTruthy();
    }
  });

  it.each(REQUIRED)('%s: the coach agrees with the labels (good ones clean, each C fault caught)', (id) => {
    const persona = personas.find((p) => p.id === id)!;
    const { fill } = textsFor(persona);
    for (const step of STEP_IDS) {
      for (const p of persona.phrasings[step]) {
        const text = fill(p.text);
        expect(text, `${step}.${p.id}`).not.toMatch(/[{}…]/);
        const reading = readTurn(text, { locale, step, special: persona.special });
        if (p.fault === 'good') {
          expect({ id: `${step}.${p.id}`, hints: reading.hints.map((h) => h.code), rule: reading.stepRule }).toEqual({ id: `${step}.${p.id}`, hints: [], rule: null });
        } else if (p.fault !== 'step_rule') {
          expect(reading.hints.map((h) => h.c), `${step}.${p.id}: ${text}`).toContain(p.fault);
        }
      }
    }
  });

  it.each(REQUIRED)('%s: a generated dossier fits the persona', (id) => {
    const persona = personas.find((p) => p.id === id)!;
    const { dossier, ctx } = textsFor(persona);
    expect(dossier.bundle.debtor.id.startsWith('tr-')).toBe(true);
    expect(ctx.facts.overdue.length).toBeGreaterThan(0);
    expect(dossier.promise.amountCents).toBeGreaterThan(0);
    expect(dossier.bundle.contacts.every((c) => c.email.endsWith('.example'))).toBe(true);
    if (persona.special === 'dispute') expect(dossier.disputed.length).toBeGreaterThan(0);
    if (persona.special === 'gatekeeper') expect(dossier.rightContact?.name).toBe('Henri Dumas');
    if (id === 'cash-strapped-plan') expect(dossier.plan?.reduce((s, i) => s + i.amountCents, 0)).toBe(dossier.promise.amountCents);
  });
});

describe('the English personas', () => {
  it('behave exactly as the French ones: same decisions, mood, patience, outcomes and dossier figures', () => {
    const behaviour = (p: ResolvedPersona) => ({
      id: p.id,
      special: p.special,
      mood: p.mood,
      patience: p.patience,
      sensitivity: p.sensitivity,
      reason: p.reason.code,
      decisions: p.decisions,
      expected: p.expected,
      invoices: p.dossier.invoices.map((i) => [i.amountCents, i.dueInDays, i.disputed ?? false]),
      contacts: p.dossier.contacts.map((c) => [c.role, c.authority]),
      promise: p.dossier.promise,
      plan: p.dossier.plan,
      faults: STEP_IDS.map((s) => p.phrasings[s].map((ph) => ph.fault).sort()),
    });
    expect(BUILTIN_PERSONAS.en.map(behaviour)).toEqual(BUILTIN_PERSONAS.fr.map(behaviour));
  });
});

describe('persona dossier generation', () => {
  it('is the same for the same seed and day, and differs with the seed', () => {
    const persona = BUILTIN_PERSONAS.fr[0]!;
    const a = generatePersonaDossier(persona, { seed: 1, today: TODAY, formerAgent: 'X' });
    const b = generatePersonaDossier(persona, { seed: 1, today: TODAY, formerAgent: 'X' });
    const c = generatePersonaDossier(persona, { seed: 2, today: TODAY, formerAgent: 'X' });
    expect(a).toEqual(b);
    expect(c.bundle.invoices.map((i) => i.number)).not.toEqual(a.bundle.invoices.map((i) => i.number));
  });
});
