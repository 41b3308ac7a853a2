/**
 * Helpers for the persona and training tests (imported by *.test.ts only): a built-in persona with its
 * generated dossier and the call input, as the training screen builds them.
 */
import { TRAINEE_BEHAVIOURS } from '../domain/coach/turn';
import { STEP_IDS } from '../domain/call/steps';
import { builtinScript } from '../scripts/builtin';
import { generatePersonaDossier } from '../scripts/persona-dossier';
import { BUILTIN_PERSONAS } from '../scripts/personas';
import type { ResolvedPersona } from '../scripts/persona-validate';
import type { PersonaEvent } from './persona.logic';
import type { TrainingSetup } from './training.logic';

export const TRAINING_TODAY = '2026-12-03';

export function personaById(id: string, locale: 'fr' | 'en' = 'fr'): ResolvedPersona {
  const persona = BUILTIN_PERSONAS[locale].find((p) => p.id === id);
  if (!persona) throw new Error(`no persona ${id}`);
  return persona;
}

export function trainingSetup(persona: ResolvedPersona, seed = 11): TrainingSetup {
  const dossier = generatePersonaDossier(persona, { seed, today: TRAINING_TODAY, formerAgent: 'Julien Roux' });
  const contact = dossier.bundle.contacts[0]!;
  return {
    persona,
    dossier,
    call: {
      callId: 'tr-call-1',
      debtorId: dossier.bundle.debtor.id,
      contactId: contact.id,
      agentName: 'Camille Martin',
      script: builtinScript(persona.locale),
      startedAt: `${TRAINING_TODAY}T09:00:00.000Z`,
      today: TRAINING_TODAY,
    },
  };
}

/** Every event the persona machine knows: a turn of each behaviour at each step, and a skip of each step. */
export function allPersonaEvents(): PersonaEvent[] {
  return STEP_IDS.flatMap((step) => [
    ...TRAINEE_BEHAVIOURS.map((behaviour) => ({ type: 'TURN' as const, step, behaviour })),
    { type: 'SKIP' as const, step },
  ]);
}
