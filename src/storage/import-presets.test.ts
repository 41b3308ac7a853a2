import { describe, expect, it } from 'vitest';
import type { MappingPreset } from '../domain/import/fields';
import { openCadenceDb } from './db';
import { idbRecords } from './idb-records';
import { deleteImportPreset, getImportPreset, MAX_PRESETS, saveImportPreset } from './import-presets';
import { IMPORT_PRESETS_KEY } from './schema';

let n = 0;
const fresh = async () => openCadenceDb(`import-presets-${++n}-${Date.now()}`);
const preset = (source: string): MappingPreset => ({ id: `p-${source}`, source, kind: 'aged_balance', headers: { customerName: 'Société', openAmount: 'Combien' } });
const at = (i: number) => new Date(Date.UTC(2026, 11, 1, 0, 0, i)).toISOString();

describe('import presets in the settings store', () => {
  it('saves, finds, replaces and forgets a preset by signature', async () => {
    const db = await fresh();
    const records = idbRecords(db);
    expect(await getImportPreset(records, 'h4-aaaa')).toBeUndefined();
    await saveImportPreset(records, 'h4-aaaa', preset('Sage'), at(1));
    expect(await getImportPreset(records, 'h4-aaaa')).toEqual(preset('Sage'));
    await saveImportPreset(records, 'h4-aaaa', preset('Sage 100'), at(2));
    expect((await getImportPreset(records, 'h4-aaaa'))?.source).toBe('Sage 100');
    await deleteImportPreset(records, 'h4-aaaa');
    expect(await getImportPreset(records, 'h4-aaaa')).toBeUndefined();
    db.close();
  });

  it(`keeps the ${MAX_PRESETS} most recently saved`, async () => {
    const db = await fresh();
    const records = idbRecords(db);
    for (let i = 0; i <= MAX_PRESETS; i++) await saveImportPreset(records, `h4-${i}`, preset(`s${i}`), at(i));
    expect(await getImportPreset(records, 'h4-0')).toBeUndefined();
    expect(await getImportPreset(records, `h4-${MAX_PRESETS}`)).toBeDefined();
    db.close();
  });

  it('refuses an invalid preset and treats an unreadable record as none', async () => {
    const db = await fresh();
    const records = idbRecords(db);
    await expect(saveImportPreset(records, 'h4-x', { ...preset('x'), headers: { nope: 'A' } as MappingPreset['headers'] }, at(1))).rejects.toMatchObject({ kind: 'invalid' });
    await db.put('settings', { schemaVersion: 99 } as never, IMPORT_PRESETS_KEY);
    const corrupt: unknown[] = [];
    expect(await getImportPreset(records, 'h4-x', (r) => corrupt.push(r))).toBeUndefined();
    expect(corrupt).toHaveLength(1);
    await saveImportPreset(records, 'h4-x', preset('x'), at(2));
    expect(await getImportPreset(records, 'h4-x')).toEqual(preset('x'));
    db.close();
  });
});
