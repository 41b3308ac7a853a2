import type { CallScript } from '../schema';
import { EN_SCRIPT } from './en';
import { FR_SCRIPT } from './fr';

export const BUILTIN_SCRIPTS: readonly CallScript[] = [FR_SCRIPT, EN_SCRIPT];

/** The built-in script for a language: the default until a team lead publishes their own. */
export function builtinScript(locale: CallScript['locale']): CallScript {
  return locale === 'fr' ? FR_SCRIPT : EN_SCRIPT;
}

/**
 * The script whose words guide the agent — step titles, field labels, tips, 4 C reminders — in the
 * interface's language: for a built-in script, the built-in of that language (same steps, fields and
 * reminders, see ../builtin.test.ts); any other script guides in its own words. What is said to the debtor
 * always comes from the call's own script.
 */
export function guideScript(script: CallScript, uiLocale: string): CallScript {
  const builtIn = BUILTIN_SCRIPTS.some((s) => s.id === script.id);
  return builtIn && (uiLocale === 'fr' || uiLocale === 'en') ? builtinScript(uiLocale) : script;
}
