import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import callEn from '../../i18n/locales/en/call.json';
import callFr from '../../i18n/locales/fr/call.json';
import studioEn from '../../i18n/locales/en/studio.json';
import studioFr from '../../i18n/locales/fr/studio.json';
import { builtinScript } from '../builtin';
import type { PackError, PackErrorCode } from '../pack';
import type { CallScript } from '../schema';
import { checkScript, type CheckCode } from './checks';
import { checkMessage, packErrorMessage } from './messages';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ lng: 'fr', resources: { fr: { call: callFr, studio: studioFr }, en: { call: callEn, studio: studioEn } }, interpolation: { escapeValue: false } });
});

const CHECK_CODES: CheckCode[] = [
  'empty_text', 'unknown_variable', 'say_too_long', 'commitment_no_amount', 'commitment_no_date', 'no_courtesy', 'missing_capture',
  'duplicate_field', 'duplicate_option', 'duplicate_objection', 'objection_without_answer', 'missing_step', 'unexpected_step', 'no_four_c', 'wording',
];
const PACK_ERRORS: Record<PackErrorCode, PackError> = {
  too_large: { error: 'too_large', bytes: 5_242_880, max: 2_000_000 },
  not_json: { error: 'not_json' },
  not_a_pack: { error: 'not_a_pack' },
  future_version: { error: 'future_version', version: 3, supported: 1 },
  invalid_shape: { error: 'invalid_shape', path: 'scripts.0.name', message: 'Invalid input' },
  too_many: { error: 'too_many', path: 'scripts.0.versions.0.script.objections', count: 10_000, max: 200 },
  text_too_long: { error: 'text_too_long', path: 'scripts.0.name', max: 4000 },
  forbidden_characters: { error: 'forbidden_characters', path: 'scripts.0.name', codePoint: 'U+202E' },
  markup: { error: 'markup', path: 'scripts.0.name', snippet: '<script>' },
  checksum_mismatch: { error: 'checksum_mismatch' },
  version_mismatch: { error: 'version_mismatch', path: 'scripts.0.versions.1' },
  invalid_script: { error: 'invalid_script', path: 'scripts.0.versions.0.script', script: { error: 'missing_step', stepId: 'conclusion' } },
};

describe.each(['fr', 'en'])('studio messages (%s)', (lng) => {
  const t = (key: string, values: Record<string, string | number>) => i18n.t(key, { ...values, lng }) as string;

  it('has a message for every check code, with its values filled', () => {
    const s: CallScript = structuredClone(builtinScript('fr'));
    s.steps[8]!.say = 'À bientôt {contact.nme}.';
    s.steps[5]!.say = 'Quand ?';
    for (const issue of checkScript(s)) {
      const { key, values } = checkMessage(issue);
      const text = t(key, values);
      expect(text, key).not.toBe(key.split(':')[1]);
      expect(text).not.toMatch(/\{\{|\$t\(/);
    }
    for (const code of CHECK_CODES) expect(i18n.exists(`studio:checks.${code}`, { lng }), code).toBe(true);
    const suggest = checkScript(s).find((i) => i.code === 'unknown_variable')!;
    expect(t(checkMessage(suggest).key, checkMessage(suggest).values)).toContain('{contact.name}');
  });

  it('has a message for every pack error, naming the field', () => {
    for (const error of Object.values(PACK_ERRORS)) {
      const { key, values } = packErrorMessage(error, (m) => t(m.key, m.values));
      const text = t(key, values);
      expect(i18n.exists(key, { lng }), key).toBe(true);
      expect(text).not.toMatch(/\{\{|\$t\(/);
      if ('path' in error) expect(text).toContain(error.path);
    }
  });
});
