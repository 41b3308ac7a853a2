import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isSettings, settingsFields } from './settings-check';
import { Settings } from './settings';

const broken: [string, unknown][] = [
  ['null', null],
  ['a string', 'fr'],
  ['an array', [DEFAULT_SETTINGS]],
  ['another schema version', { ...DEFAULT_SETTINGS, schemaVersion: 2 }],
  ['a language it does not know', { ...DEFAULT_SETTINGS, language: 'de' }],
  ['a role it does not know', { ...DEFAULT_SETTINGS, role: 'admin' }],
  ['a number for a name', { ...DEFAULT_SETTINGS, agentName: 42 }],
  ['no company', { ...DEFAULT_SETTINGS, company: undefined }],
  ['no signature', (({ signature: _, ...rest }) => rest)(DEFAULT_SETTINGS)],
];

describe('isSettings, the settings read without zod', () => {
  it('accepts what the zod schema accepts and returns what its parse returns', () => {
    const stored = { ...DEFAULT_SETTINGS, language: 'en', role: 'lead', agentName: '', extra: 'dropped' };
    expect(isSettings(stored)).toBe(true);
    expect(Settings.safeParse(stored).success).toBe(true);
    expect(settingsFields(stored as typeof DEFAULT_SETTINGS)).toEqual(Settings.parse(stored));
    expect(isSettings(DEFAULT_SETTINGS)).toBe(true);
  });

  it.each(broken)('refuses %s, as the zod schema does', (_label, value) => {
    expect(isSettings(value)).toBe(false);
    expect(Settings.safeParse(value).success).toBe(false);
  });
});
