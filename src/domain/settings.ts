/**
 * The agent's settings: the one record the first screen reads before anything else (its language). Kept out of
 * ./entities.ts, which re-exports it, so reading them does not bring every entity's schema into the first load.
 */
import { z } from 'zod/mini';

export const Language = z.enum(['fr', 'en']);
export type Language = z.infer<typeof Language>;

export const ROLES = ['agent', 'lead', 'trainee'] as const;
export const SETTINGS_SCHEMA_VERSION = 1;
export const Settings = z.object({
  schemaVersion: z.literal(SETTINGS_SCHEMA_VERSION),
  agentName: z.string(),
  company: z.string(),
  signature: z.string(),
  language: Language,
  role: z.enum(ROLES),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  schemaVersion: SETTINGS_SCHEMA_VERSION,
  agentName: 'Camille Martin',
  company: 'Atelier Lumière SAS',
  signature: 'Camille Martin\nChargée de recouvrement\nAtelier Lumière SAS — 01 84 60 12 34',
  language: 'fr',
  role: 'agent',
};
