import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import callEn from '../i18n/locales/en/call.json';
import callFr from '../i18n/locales/fr/call.json';

const resources = { fr: { call: callFr }, en: { call: callEn } };
import { FR_SCRIPT } from './builtin/fr';
import type { CallScript } from './schema';
import { SCRIPT_ERROR_CODES, scriptErrorMessage, validateScript, type ScriptError } from './validate';

const copy = (): CallScript => structuredClone(FR_SCRIPT);

describe('validateScript', () => {
  it('accepts a well-formed script', () => {
    const result = validateScript(copy());
    expect(result.ok).toBe(true);
  });

  it('rejects a script with an unknown variable, saying where', () => {
    const script = copy();
    script.steps[2]!.say = 'Le total est {total.overdue}, soit {montant.total}.';
    expect(validateScript(script)).toEqual({ ok: false, error: 'unknown_variable', variable: 'montant.total', stepId: 'explanation', field: 'say' });
  });

  it('checks variables in tips and objection answers too', () => {
    const tip = copy();
    tip.steps[0]!.tips.push('{agent.nom}');
    expect(validateScript(tip)).toMatchObject({ ok: false, error: 'unknown_variable', stepId: 'presentation', field: 'tips.2' });
    const answer = copy();
    answer.objections[1]!.answers[0] = 'Je rappelle le {jour}.';
    expect(validateScript(answer)).toMatchObject({ ok: false, error: 'unknown_variable', variable: 'jour', stepId: null, field: 'objections.1.answers.0' });
  });

  it('rejects a script missing a required step', () => {
    const script = copy();
    script.steps = script.steps.filter((s) => s.id !== 'delay_reason');
    expect(validateScript(script)).toEqual({ ok: false, error: 'missing_step', stepId: 'delay_reason' });
  });

  it('rejects steps out of order or repeated', () => {
    const swapped = copy();
    [swapped.steps[3], swapped.steps[4]] = [swapped.steps[4]!, swapped.steps[3]!];
    expect(validateScript(swapped)).toEqual({ ok: false, error: 'unexpected_step', stepId: 'delay_reason', position: 3 });
    const repeated = copy();
    repeated.steps.push(structuredClone(repeated.steps[0]!));
    expect(validateScript(repeated)).toEqual({ ok: false, error: 'unexpected_step', stepId: 'presentation', position: 10 });
  });

  it('rejects a field id used twice in a step, and an objection id used twice', () => {
    const field = copy();
    field.steps[2]!.captures.push({ id: 'announced_date', type: 'text', label: 'Doublon', required: false });
    expect(validateScript(field)).toEqual({ ok: false, error: 'duplicate_field', stepId: 'explanation', fieldId: 'announced_date' });
    const objection = copy();
    objection.objections.push(structuredClone(objection.objections[0]!));
    expect(validateScript(objection)).toEqual({ ok: false, error: 'duplicate_objection', objectionId: 'invoice_not_received' });
  });

  it('rejects a wrong shape with the paths of the problems', () => {
    const script = copy() as unknown as Record<string, unknown>;
    script.version = 0;
    (script.steps as { fourC: unknown[] }[])[1]!.fourC = [];
    const result = validateScript(script);
    expect(result.ok).toBe(false);
    if (result.ok || result.error !== 'invalid_shape') throw new Error('expected invalid_shape');
    expect(result.issues.map((i) => i.path).sort()).toEqual(['steps.1.fourC', 'version']);
    expect(validateScript('script').ok).toBe(false);
    expect(validateScript({ ...copy(), steps: [{ ...copy().steps[0], captures: [{ id: 'x', type: 'choice', label: 'X', required: false, options: [] }] }] })).toMatchObject({
      ok: false,
      error: 'invalid_shape',
    });
  });

  it('refuses a script from a newer format rather than misreading it', () => {
    expect(validateScript({ ...copy(), schemaVersion: 2 })).toEqual({ ok: false, error: 'unsupported_schema_version', schemaVersion: 2 });
  });
});

describe('script error messages', () => {
  const t = {} as Record<'fr' | 'en', (key: string, values: object) => string>;
  beforeAll(async () => {
    for (const lng of ['fr', 'en'] as const) {
      const i18n = i18next.createInstance();
      await i18n.init({ lng, resources, ns: ['call'], interpolation: { escapeValue: false } });
      t[lng] = (k, v) => i18n.t(k, v as Record<string, unknown>) as string;
    }
  });

  const samples: ScriptError[] = [
    { error: 'invalid_shape', issues: [{ path: 'version', message: 'Too small' }] },
    { error: 'unsupported_schema_version', schemaVersion: 3 },
    { error: 'missing_step', stepId: 'delay_reason' },
    { error: 'unexpected_step', stepId: 'listening', position: 2 },
    { error: 'unknown_variable', variable: 'foo', stepId: 'explanation', field: 'say' },
    { error: 'unknown_variable', variable: 'foo', stepId: null, field: 'objections.0.answers.0' },
    { error: 'duplicate_field', stepId: 'explanation', fieldId: 'x' },
    { error: 'duplicate_objection', objectionId: 'y' },
  ];

  it('covers every error code', () => {
    expect(new Set(samples.map((s) => s.error))).toEqual(new Set(SCRIPT_ERROR_CODES));
  });

  it.each(samples.map((s) => [s.error, s] as const))('%s reads as a full sentence in both languages', (_code, error) => {
    const { key, values } = scriptErrorMessage(error);
    for (const lng of ['fr', 'en'] as const) {
      const message = t[lng](key, values);
      expect(message, `${lng} ${key}`).not.toBe(key.replace('call:', ''));
      expect(message).not.toMatch(/\{\{|\$t\(|call:/);
    }
  });

  it('names the step in the reader’s language', () => {
    const { key, values } = scriptErrorMessage({ error: 'missing_step', stepId: 'delay_reason' });
    expect(t.fr(key, values)).toBe('Il manque l’étape «\u00a0Raison du retard\u00a0» au script.');
    expect(t.en(key, values)).toBe('The script has no “Reason for delay” step.');
  });
});
