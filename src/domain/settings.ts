/**
 * The agent's settings: the one record the first screen reads before anything else (its language). Kept out of
 * ./entities.ts, which re-exports it, so reading them does not bring every entity's schema into the first load.
 * The first screen itself reads them through ./settings-check.ts, without zod; this schema checks every write.
 */
import { z } from 'zod/mini';
import { LANGUAGES, ROLES, SETTINGS_SCHEMA_VERSION } from './settings-check';

export { ROLES, SETTINGS_SCHEMA_VERSION };
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

export const Settings = z.object({
  schemaVersion: z.literal(SETTINGS_SCHEMA_VERSION),
  agentName: z.string(),
  company: z.string(),
  signature: z.string(),
  language: Language,
  role: z.enum(ROLES),
});
export type Settings = z.infer<typeof Settings>;

// The defaults and the zod-free read check live apart, so the first screen reads settings without zod.
export { DEFAULT_SETTINGS } from './settings-check';
