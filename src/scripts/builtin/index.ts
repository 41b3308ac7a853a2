import type { CallScript } from '../schema';
import { EN_SCRIPT } from './en';
import { FR_SCRIPT } from './fr';

export const BUILTIN_SCRIPTS: readonly CallScript[] = [FR_SCRIPT, EN_SCRIPT];

/** The built-in script for a language: the default until a team lead publishes their own. */
export function builtinScript(locale: CallScript['locale']): CallScript {
  return locale === 'fr' ? FR_SCRIPT : EN_SCRIPT;
}
