import { describe, expect, it } from 'vitest';
import { personaErrorMessage, validatePersona, type PersonaValidation } from './persona-validate';
import phrasebook from './personas/phrasebook.fr.json';
import forgetful from './personas/fr/forgetful-good-payer.json';
import dispute from './personas/fr/dispute-delivery.json';
import gatekeeper from './personas/fr/gatekeeper.json';

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
type Raw = Record<string, any>;
const errorOf = (result: PersonaValidation) => (result.ok ? null : result.error);

describe('validatePersona', () => {
  it('accepts a built-in persona and merges the phrasebook steps it does not override', () => {
    const result = validatePersona(forgetful, phrasebook);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.persona.phrasings.presentation.map((p) => p.id)).toEqual(phrasebook.phrasings.presentation.map((p) => p.id));
  });

  it('refuses a newer schema version', () => {
    const raw: Raw = { ...clone(forgetful), schemaVersion: 9 };
    expect(validatePersona(raw, phrasebook)).toMatchObject({ ok: false, error: 'unsupported_schema_version', schemaVersion: 9 });
  });

  it('names the field of a shape error', () => {
    const raw: Raw = clone(forgetful);
    raw.mood.start = 'happy';
    const result = validatePersona(raw, phrasebook);
    expect(result).toMatchObject({ ok: false, error: 'invalid_shape' });
    if (!result.ok && result.error === 'invalid_shape') expect(result.issues[0]?.path).toBe('mood.start');
    expect(personaErrorMessage(result as Extract<PersonaValidation, { ok: false }>).values.first).toMatch(/^mood\.start: /);
  });

  it('wants 3–4 phrasings per step with exactly one good one, each fault explained', () => {
    const two: Raw = clone(forgetful);
    two.phrasings = { listening: phrasebook.phrasings.listening.slice(0, 2) };
    expect(validatePersona(two, phrasebook)).toMatchObject({ error: 'phrasing_count', stepId: 'listening', count: 2 });

    const allGood: Raw = clone(forgetful);
    allGood.phrasings = { listening: phrasebook.phrasings.listening.map((p) => ({ ...p, fault: 'good' })) };
    expect(validatePersona(allGood, phrasebook)).toMatchObject({ error: 'good_phrasing_count', stepId: 'listening', count: 4 });

    const noWhy: Raw = clone(forgetful);
    noWhy.phrasings = { listening: phrasebook.phrasings.listening.map(({ why: _why, ...p }) => p) };
    expect(validatePersona(noWhy, phrasebook)).toMatchObject({ error: 'missing_why', stepId: 'listening' });
  });

  it('refuses an unknown {variable} and says where', () => {
    const raw: Raw = clone(forgetful);
    raw.hangUp = ['Au revoir {debtor.mood}'];
    expect(validatePersona(raw, phrasebook)).toMatchObject({ error: 'unknown_variable', variable: 'debtor.mood', field: 'hangUp.0' });
  });

  it('checks the decisions and the dossier fit the persona', () => {
    const late: Raw = clone(gatekeeper);
    late.decisions[0].step = 'commitments';
    expect(validatePersona(late, phrasebook)).toMatchObject({ error: 'referral_too_late', stepId: 'commitments' });

    const unreachable: Raw = clone(forgetful);
    unreachable.expected = ['collection_stopped'];
    expect(errorOf(validatePersona(unreachable, phrasebook))).toBe('expected_unreachable');

    const noDisputed: Raw = clone(dispute);
    noDisputed.dossier.invoices = noDisputed.dossier.invoices.map((i: Raw) => ({ ...i, disputed: false }));
    expect(errorOf(validatePersona(noDisputed, phrasebook))).toBe('no_disputed_invoice');

    const nobody: Raw = clone(gatekeeper);
    nobody.dossier.contacts = nobody.dossier.contacts.slice(0, 1);
    expect(errorOf(validatePersona(nobody, phrasebook))).toBe('no_authority_contact');
  });

  it('refuses a phrasebook of another language', () => {
    const en: Raw = { ...clone(phrasebook), locale: 'en' };
    expect(errorOf(validatePersona(forgetful, en))).toBe('locale_mismatch');
  });
});
