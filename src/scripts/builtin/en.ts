/**
 * The built-in English script: the French one's counterpart, same steps and objections (./structure.json),
 * same tone (present tense, no "you must", no "would/could", facts first); its words are in ./texts.en.json.
 * Tested by ../builtin.test.ts.
 */
import { assembleBuiltin } from './assemble';
import structure from './structure.json';
import texts from './texts.en.json';

export const EN_SCRIPT = assembleBuiltin('en', structure, texts);
