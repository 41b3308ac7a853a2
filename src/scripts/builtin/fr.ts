/**
 * The built-in French script, in the seeds' tone (001 "La relance amiable", 000 "Astuces"): present
 * tense, short sentences, facts on screen, positive words; never "vous devez". Its words are in
 * ./texts.fr.json, its shape in ./structure.json (shared with English). Tested by ../builtin.test.ts against
 * `validateScript` and the 4 C wording checker.
 */
import { assembleBuiltin } from './assemble';
import structure from './structure.json';
import texts from './texts.fr.json';

export const FR_SCRIPT = assembleBuiltin('fr', structure, texts);
