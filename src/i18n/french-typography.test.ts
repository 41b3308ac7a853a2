import { describe, expect, it } from 'vitest';
import { frenchSpacingFaults, hasParenthesisPlural } from './french-typography';

type JsonFiles = Record<string, { default: unknown }>;
// Every French namespace, eager here (the app loads most of them lazily).
const files = import.meta.glob<{ default: unknown }>('./locales/fr/*.json', { eager: true });
// The French data the agents read too: the built-in script, the training personas and their phrasebook,
// the sample transcripts of the debrief.
const dataFiles = {
  ...import.meta.glob<{ default: unknown }>('../scripts/builtin/texts.fr.json', { eager: true }),
  ...import.meta.glob<{ default: unknown }>('../scripts/personas/fr/*.json', { eager: true }),
  ...import.meta.glob<{ default: unknown }>('../scripts/personas/phrasebook.fr.json', { eager: true }),
  ...import.meta.glob<{ default: unknown }>('../domain/training/transcripts/*.fr.json', { eager: true }),
};

/** `[file:key.path, value]` for every string of every file. */
function stringsOf(modules: JsonFiles): [string, string][] {
  const out: [string, string][] = [];
  const walk = (node: unknown, path: string) => {
    if (typeof node === 'string') out.push([path, node]);
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, path.endsWith(':') ? `${path}${k}` : `${path}.${k}`);
  };
  for (const [file, mod] of Object.entries(modules)) walk(mod.default, `${/([^/]+)\.json$/.exec(file)?.[1] ?? file}:`);
  return out;
}

describe('frenchSpacingFaults', () => {
  it('finds a plain space before ? ! ; : and inside guillemets', () => {
    expect(frenchSpacingFaults('Supprimer ?')).toEqual([' ?']);
    expect(frenchSpacingFaults('Bravo !')).toEqual([' !']);
    expect(frenchSpacingFaults('a ; b')).toEqual([' ;']);
    expect(frenchSpacingFaults('Motif : {{reason}}')).toEqual([' :']);
    expect(frenchSpacingFaults('le champ « {{field}} »')).toEqual(['« ', ' »']);
  });
  it('accepts the no-break spaces, URLs, times, interpolation and nesting', () => {
    expect(frenchSpacingFaults('Supprimer\u202F? Bravo\u202F! a\u202F; b Motif\u00A0: «\u00A0x\u00A0» «\u202Fy\u202F»')).toEqual([]);
    expect(frenchSpacingFaults('Voir https://exemple.fr/aide?x=1 à 10:30, {{time, datetime}} et $t(call:steps.{{step}})')).toEqual([]);
  });
});

describe('hasParenthesisPlural', () => {
  it('finds "(s)" style plurals and leaves other parentheses alone', () => {
    expect(hasParenthesisPlural('{{count}} facture(s) soldée(s)')).toBe(true);
    expect(hasParenthesisPlural('{{n}} nouveau(x)')).toBe(true);
    expect(hasParenthesisPlural('reste(nt) ouverte(s)')).toBe(true);
    expect(hasParenthesisPlural('Motif (litige), étape (3) et 12 (jours)')).toBe(false);
  });
});

describe('French interface typography', () => {
  const values = stringsOf(files);
  it('reads every French namespace', () => {
    expect(values.length).toBeGreaterThan(500);
  });
  it('puts a no-break space, never a plain one, before ? ! ; : and inside « »', () => {
    const faults = values.filter(([, v]) => frenchSpacingFaults(v).length > 0).map(([k, v]) => `${k} = ${v}`);
    expect(faults).toEqual([]);
  });
  it('writes plurals with i18next forms (_one / _other), never "(s)"', () => {
    expect(values.filter(([, v]) => hasParenthesisPlural(v)).map(([k, v]) => `${k} = ${v}`)).toEqual([]);
  });
});

describe('French data typography (script, personas, transcripts)', () => {
  const values = stringsOf(dataFiles);
  it('reads the built-in script, every persona, the phrasebook and the transcripts', () => {
    expect(Object.keys(dataFiles).length).toBeGreaterThanOrEqual(14);
  });
  it('puts a no-break space, never a plain one, before ? ! ; : and inside « »', () => {
    expect(values.filter(([, v]) => frenchSpacingFaults(v).length > 0).map(([k, v]) => `${k} = ${v}`)).toEqual([]);
  });
});
