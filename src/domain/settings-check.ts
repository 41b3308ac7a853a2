/**
 * The settings record checked without zod. The first screen reads the settings before anything else (their
 * language picks the texts), and they were the only record the worklist's page and worker parsed with zod:
 * that one parse brought zod's whole shared chunk (about 10 KB gzip) onto the first screen. A stored record
 * that passes this check is exactly one zod's `Settings` (./settings.ts) accepts, as settings-check.test.ts
 * checks on valid and broken records; one that fails is handed to zod, loaded then, to name what is wrong.
 */
import type { Settings } from './settings';

export const LANGUAGES = ['fr', 'en'] as const;
export const ROLES = ['agent', 'lead', 'trainee'] as const;
export const SETTINGS_SCHEMA_VERSION = 1;

const languageSet: ReadonlySet<unknown> = new Set(LANGUAGES);
const roleSet: ReadonlySet<unknown> = new Set(ROLES);
const isStr = (v: unknown): v is string => typeof v === 'string';

/** Whether a stored value is a valid settings record (schema version 1). */
export function isSettings(v: unknown): v is Settings {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  return s.schemaVersion === SETTINGS_SCHEMA_VERSION && isStr(s.agentName) && isStr(s.company) && isStr(s.signature) && languageSet.has(s.language) && roleSet.has(s.role);
}

/** What zod's parse returns for a valid record: the known fields only, in a new object. */
export function settingsFields(s: Settings): Settings {
  return { schemaVersion: s.schemaVersion, agentName: s.agentName, company: s.company, signature: s.signature, language: s.language, role: s.role };
}

export const DEFAULT_SETTINGS: Settings = {
  schemaVersion: SETTINGS_SCHEMA_VERSION,
  agentName: 'Camille Martin',
  company: 'Atelier Lumière SAS',
  signature: 'Camille Martin\nChargée de recouvrement\nAtelier Lumière SAS — 01 84 60 12 34',
  language: 'fr',
  role: 'agent',
};
