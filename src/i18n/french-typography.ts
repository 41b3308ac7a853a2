/**
 * Checks of French typography, for the tests over the locale files and the French data (scripts, personas,
 * letters). The rule the interface follows: a narrow no-break space (U+202F) before ? ! ;, a no-break space
 * (U+00A0) before : and inside « » — a plain space there lets the sign wrap alone onto the next line.
 */

/** What is not prose: interpolations `{{…}}`, nesting `$t(…)`, script variables `{…}` and URLs. */
const NOT_PROSE = /\{\{[^}]*\}\}|\$t\([^)]*\)|\{[\w.]+\}|\bhttps?:\/\/\S+/g;

/** Each plain space before ? ! ; : or inside « » in `text` (as found: " ?", "« ", …); empty when all is well. */
export function frenchSpacingFaults(text: string): string[] {
  return text.replace(NOT_PROSE, '\u2060').match(/ [?!;:]|« | »/g) ?? [];
}

/** Whether `text` writes a plural as "facture(s)", "nouveau(x)", "reste(nt)" instead of a plural form. */
export function hasParenthesisPlural(text: string): boolean {
  return /\p{L}\((?:s|x|es|nt)\)/u.test(text);
}
