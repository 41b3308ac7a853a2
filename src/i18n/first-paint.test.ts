import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import commonEn from './locales/en/common.json';
import commonFr from './locales/fr/common.json';
import worklistEn from './locales/en/worklist.json';
import worklistFr from './locales/fr/worklist.json';
import { resolveText, splitKey, type Bundles } from './first-paint';

const bundles: Bundles = { fr: { common: commonFr, worklist: worklistFr }, en: { common: commonEn, worklist: worklistEn } };
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Every leaf key of a file, `a.b.c`. */
function leaves(node: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(node).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? leaves(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

async function engine(lng: string) {
  const instance = i18next.createInstance();
  await instance.init({ lng, fallbackLng: false, resources: bundles, defaultNS: 'common', interpolation: { escapeValue: false }, returnNull: false });
  return instance;
}

describe('first-paint texts, without i18next', () => {
  it.each(['fr', 'en'])('give what i18next gives for every key of the first screen (%s), plurals and values included', async (lng) => {
    const full = await engine(lng);
    let compared = 0;
    for (const ns of ['common', 'worklist']) {
      const keys = new Set(leaves(bundles[lng]![ns]!).map((k) => k.replace(PLURAL_SUFFIX, '')));
      for (const path of keys) {
        const key = ns === 'common' ? path : `${ns}:${path}`;
        const values = { n: '1 234', name: 'Mme Dupont', query: 'sarl «x»', total: 7, done: 3, message: 'ok', at: '3 déc.' };
        for (const options of [undefined, values, ...[0, 1, 2, 5, 1_000_000, 1.5].map((count) => ({ ...values, count }))]) {
          // A key without text falls back to its path, as i18next does (and as `t` in ./index.ts does).
          const text = resolveText(bundles, lng, key, options) ?? splitKey(key).path;
          expect(text, `${key} ${JSON.stringify(options)}`).toBe(full.t(key, options));
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('says when a key is missing', () => {
    expect(resolveText(bundles, 'fr', 'worklist:nothing.here')).toBeUndefined();
    expect(resolveText(bundles, 'de', 'worklist:title')).toBeUndefined();
    expect(resolveText(bundles, 'fr', 'worklist:title')).toBe('Liste de travail');
  });
});
