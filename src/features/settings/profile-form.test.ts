import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../domain/entities';
import { applyProfile } from './profile-form';

const input = { agentName: ' Léa Bernard ', company: 'Atelier Lumière SAS', signature: 'Léa\nRecouvrement', role: 'lead' };

describe('applyProfile', () => {
  it('trims and merges the profile, keeping the language', () => {
    const result = applyProfile({ ...DEFAULT_SETTINGS, language: 'en' }, input);
    expect(result).toEqual({
      ok: true,
      settings: { ...DEFAULT_SETTINGS, language: 'en', agentName: 'Léa Bernard', signature: 'Léa\nRecouvrement', role: 'lead' },
    });
  });
  it('requires a name and a company, even when only spaces were typed', () => {
    const result = applyProfile(DEFAULT_SETTINGS, { ...input, agentName: '   ', company: '' });
    expect(result).toEqual({ ok: false, errors: { agentName: 'required', company: 'required' } });
  });
  it('refuses a signature that is too long and an unknown role', () => {
    const result = applyProfile(DEFAULT_SETTINGS, { ...input, signature: 'x'.repeat(501), role: 'boss' });
    expect(result).toEqual({ ok: false, errors: { signature: 'tooLong', role: 'invalid' } });
  });
  it('stores the company as it prints: a U+202E typed in it is dropped', () => {
    const result = applyProfile(DEFAULT_SETTINGS, { ...input, company: 'Atelier\u202E Lumière SAS', signature: '\u2066Léa\u2069' });
    expect(result).toMatchObject({ ok: true, settings: { company: 'Atelier Lumière SAS', signature: 'Léa' } });
  });
});
