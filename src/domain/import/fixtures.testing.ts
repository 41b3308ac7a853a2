/** Reads the committed import fixtures (tests/fixtures/imports) for the tests beside this folder. */
import { readFileSync } from 'node:fs';

export const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../../tests/fixtures/imports/${name}`, import.meta.url)));
