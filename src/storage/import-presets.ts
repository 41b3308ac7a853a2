/**
 * Column mappings the agent set in the import wizard, one per source (keyed by the file's header signature,
 * domain/import/fields.ts), kept in the `settings` store under `importPresets` (no database version change)
 * and re-applied to the next file with the same columns. At most `MAX_PRESETS`, the least recently saved
 * dropped first. An unreadable record counts as no preset: the wizard then maps automatically.
 */
import { z } from 'zod/mini';
import { IsoDateTime } from '../domain/entities';
import { IMPORT_FIELDS, type MappingPreset } from '../domain/import/fields';
import { readRecord, validateForWrite, type CorruptHandler } from './codec';
import type { Records } from './records';
import { IMPORT_PRESETS_KEY } from './schema';

export const MAX_PRESETS = 50;

const StoredPreset = z.object({
  id: z.string().check(z.maxLength(64)),
  source: z.string().check(z.maxLength(200)),
  kind: z.enum(['aged_balance', 'payments']),
  headers: z.partialRecord(z.enum(IMPORT_FIELDS), z.string().check(z.maxLength(200))),
  savedAt: IsoDateTime,
});

export const ImportPresets = z.object({
  schemaVersion: z.literal(1),
  presets: z.record(z.string().check(z.maxLength(64)), StoredPreset),
});
export type ImportPresets = z.infer<typeof ImportPresets>;

const EMPTY: ImportPresets = { schemaVersion: 1, presets: {} };

async function readPresets(records: Records, onCorrupt?: CorruptHandler): Promise<ImportPresets> {
  const raw = await records.read(['settings'], (tx) => tx.get('settings', IMPORT_PRESETS_KEY));
  if (raw === undefined) return EMPTY;
  return readRecord<ImportPresets>(ImportPresets, 'settings', raw, onCorrupt) ?? EMPTY;
}

export async function getImportPreset(records: Records, signature: string, onCorrupt?: CorruptHandler): Promise<MappingPreset | undefined> {
  const found = (await readPresets(records, onCorrupt)).presets[signature];
  if (!found) return undefined;
  const { savedAt: _savedAt, ...preset } = found;
  return preset;
}

/** Saves (or replaces) the preset of `signature`, read and written in one transaction. */
export async function saveImportPreset(records: Records, signature: string, preset: MappingPreset, savedAt: string): Promise<void> {
  await records.write(['settings'], async (tx) => {
    const raw = await tx.get('settings', IMPORT_PRESETS_KEY);
    const parsed = raw === undefined ? undefined : ImportPresets.safeParse(raw);
    const presets = { ...(parsed?.success ? parsed.data.presets : {}), [signature]: { ...preset, savedAt } };
    const kept = Object.entries(presets)
      .sort(([, a], [, b]) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0))
      .slice(0, MAX_PRESETS);
    await tx.put('settings', validateForWrite(ImportPresets, 'settings', { schemaVersion: 1, presets: Object.fromEntries(kept) }), IMPORT_PRESETS_KEY);
  });
}

export async function deleteImportPreset(records: Records, signature: string): Promise<void> {
  await records.write(['settings'], async (tx) => {
    const raw = await tx.get('settings', IMPORT_PRESETS_KEY);
    const parsed = raw === undefined ? undefined : ImportPresets.safeParse(raw);
    if (!parsed?.success || !(signature in parsed.data.presets)) return;
    const { [signature]: _gone, ...rest } = parsed.data.presets;
    await tx.put('settings', { schemaVersion: 1, presets: rest }, IMPORT_PRESETS_KEY);
  });
}
