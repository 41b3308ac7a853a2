/**
 * The personas the training screens offer, in the active language. The built-in data (and its validation)
 * loads with the training chunk only, never with the first screen.
 */
import { lang } from '../../i18n';
import { BUILTIN_PERSONAS } from '../../scripts/personas';
import type { ResolvedPersona } from '../../scripts/persona-validate';

export function personasForLanguage(): readonly ResolvedPersona[] {
  return BUILTIN_PERSONAS[lang()];
}

export function findPersona(id: string): ResolvedPersona | undefined {
  return BUILTIN_PERSONAS[lang()].find((p) => p.id === id);
}
