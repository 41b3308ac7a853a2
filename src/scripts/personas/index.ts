/**
 * The built-in personas, French and English, each merged with its language's phrasebook and checked by
 * `validatePersona` when this module loads. Only the training screens import it, so the data ships in the
 * training chunk, never in the first screen's.
 */
import { validatePersona, personaErrorMessage, type ResolvedPersona } from '../persona-validate';
import type { ScriptLocale } from '../../domain/call/variables';
import phrasebookEn from './phrasebook.en.json';
import phrasebookFr from './phrasebook.fr.json';
import enAngry from './en/angry-customer.json';
import enCash from './en/cash-strapped-plan.json';
import enCheque from './en/cheque-in-the-post.json';
import enDispute from './en/dispute-delivery.json';
import enEvasive from './en/evasive-no-date.json';
import enForgetful from './en/forgetful-good-payer.json';
import enGatekeeper from './en/gatekeeper.json';
import enInsolvency from './en/insolvency-proceedings.json';
import frAngry from './fr/angry-customer.json';
import frCash from './fr/cash-strapped-plan.json';
import frCheque from './fr/cheque-in-the-post.json';
import frDispute from './fr/dispute-delivery.json';
import frEvasive from './fr/evasive-no-date.json';
import frForgetful from './fr/forgetful-good-payer.json';
import frGatekeeper from './fr/gatekeeper.json';
import frInsolvency from './fr/insolvency-proceedings.json';

/** In the order the scenario list shows them: from the easiest debtor to the trickiest. */
export const BUILTIN_PERSONA_FILES: Record<ScriptLocale, { phrasebook: unknown; personas: unknown[] }> = {
  fr: { phrasebook: phrasebookFr, personas: [frForgetful, frCheque, frEvasive, frCash, frDispute, frAngry, frGatekeeper, frInsolvency] },
  en: { phrasebook: phrasebookEn, personas: [enForgetful, enCheque, enEvasive, enCash, enDispute, enAngry, enGatekeeper, enInsolvency] },
};

function load(locale: ScriptLocale): ResolvedPersona[] {
  const { phrasebook, personas } = BUILTIN_PERSONA_FILES[locale];
  return personas.map((raw, i) => {
    const result = validatePersona(raw, phrasebook);
    if (!result.ok) {
      // Built-in data: a broken file is a programming error that ./personas.test.ts reports precisely.
      const { key, values } = personaErrorMessage(result);
      throw new Error(`Built-in persona ${locale}#${i} is invalid: ${key} ${JSON.stringify(values)}`);
    }
    return result.persona;
  });
}

export const BUILTIN_PERSONAS: Record<ScriptLocale, readonly ResolvedPersona[]> = { fr: load('fr'), en: load('en') };

export function builtinPersona(locale: ScriptLocale, id: string): ResolvedPersona | undefined {
  return BUILTIN_PERSONAS[locale].find((p) => p.id === id);
}
