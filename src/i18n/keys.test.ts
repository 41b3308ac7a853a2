import { describe, expect, it } from 'vitest';
import type { Resource } from 'i18next';
import { parseLocalePath } from './resources';

// Every namespace of every language, eager here (the app loads most of them lazily).
const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json', { eager: true });
const resources: Resource = {};
for (const [path, mod] of Object.entries(files)) {
  const parsed = parseLocalePath(path);
  if (!parsed) continue;
  resources[parsed.lng] ??= {};
  (resources[parsed.lng] as Record<string, unknown>)[parsed.ns] = mod.default;
}

function flatten(obj: unknown, prefix = ''): string[] {
  if (obj === null || typeof obj !== 'object') return [prefix];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
}

describe('i18n key parity', () => {
  const langs = Object.keys(resources).sort();
  it('ships French and English', () => {
    expect(langs).toEqual(['en', 'fr']);
  });
  const namespaces = new Set(langs.flatMap((l) => Object.keys(resources[l] ?? {})));
  for (const ns of namespaces) {
    it(`namespace "${ns}" has the same keys in every language`, () => {
      const fr = new Set(flatten(resources.fr?.[ns]));
      const en = new Set(flatten(resources.en?.[ns]));
      expect([...fr].filter((k) => !en.has(k)), 'keys in fr missing from en').toEqual([]);
      expect([...en].filter((k) => !fr.has(k)), 'keys in en missing from fr').toEqual([]);
    });
    it(`namespace "${ns}" has no empty string`, () => {
      for (const l of langs) {
        const empty = flatten(resources[l]?.[ns]).filter((k) => {
          const v = k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)?.[p], resources[l]?.[ns]);
          return typeof v === 'string' && v.trim() === '';
        });
        expect(empty, `${l}:${ns}`).toEqual([]);
      }
    });
  }
});

describe('French typography', () => {
  it('uses the typographic apostrophe (’) in every French string, never the straight one', () => {
    const straight: string[] = [];
    for (const [ns, tree] of Object.entries((resources.fr ?? {}) as Record<string, unknown>)) {
      for (const key of flatten(tree)) {
        const v = key.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)?.[p], tree);
        if (typeof v === 'string' && /\p{L}'\p{L}/u.test(v)) straight.push(`${ns}:${key}`);
      }
    }
    expect(straight).toEqual([]);
  });
});
