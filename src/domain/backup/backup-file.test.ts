import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backupReminderDue, decodeBackup, encodeBackup, restorePreview, type BackupStores } from './backup-file';

const META = { databaseVersion: 7, createdAt: '2026-12-03T09:00:00.000Z' };
const STORES: BackupStores = {
  debtors: [{ id: 'd1', name: 'Société Générale de Travaux' }],
  settings: [['settings', { language: 'fr' }], ['rates', { contractual: { '123': 1000, '45': 500 } }]],
  invoices: [],
};

describe('backup file', () => {
  it('round-trips through gzip, and through plain JSON where compression is unavailable', async () => {
    const gz = await encodeBackup(STORES, META);
    expect([gz[0], gz[1]]).toEqual([0x1f, 0x8b]);
    const back = await decodeBackup(gz, 7);
    expect(back).toMatchObject({ ok: true, backup: { stores: STORES, header: { databaseVersion: 7, counts: { debtors: 1, settings: 2, invoices: 0 }, compressed: true } } });
    const plain = await encodeBackup(STORES, META, { compress: false });
    expect(new TextDecoder().decode(plain)).toMatch(/^\{"format":"cadence-backup"/);
    expect(await decodeBackup(plain, 8)).toMatchObject({ ok: true, backup: { stores: STORES } });
  });

  it('refuses a file from a newer database version, a damaged one, and anything else', async () => {
    expect(await decodeBackup(await encodeBackup(STORES, META), 6)).toEqual({ ok: false, error: { kind: 'newer_version', fileVersion: 7, appVersion: 6 } });
    const plain = await encodeBackup(STORES, META, { compress: false });
    const tampered = new TextEncoder().encode(new TextDecoder().decode(plain).replace('Société', 'Societe'));
    expect(await decodeBackup(tampered, 7)).toEqual({ ok: false, error: { kind: 'corrupt' } });
    const gz = await encodeBackup(STORES, META);
    const cut = gz.slice(0, gz.length - 10);
    expect((await decodeBackup(cut, 7)).ok).toBe(false);
    expect(await decodeBackup(new TextEncoder().encode('Client;Montant\nA;1'), 7)).toEqual({ ok: false, error: { kind: 'not_a_backup' } });
    expect(await decodeBackup(new Uint8Array([0xff, 0xfe, 0x00]), 7)).toEqual({ ok: false, error: { kind: 'not_a_backup' } });
  });

  it('restore(backup(db)) = db for any JSON content', async () => {
    const record = fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 });
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom('debtors', 'invoices', 'activities', 'settings'), fc.array(record, { maxLength: 6 })), async (stores) => {
        const back = await decodeBackup(await encodeBackup(stores, META), 7);
        expect(back.ok && back.backup.stores).toEqual(JSON.parse(JSON.stringify(stores)));
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it('previews a restore store by store and reminds after 7 days', async () => {
    const back = await decodeBackup(await encodeBackup(STORES, META), 7);
    if (!back.ok) throw new Error('backup expected');
    expect(restorePreview(back.backup, { debtors: 40, invoices: 120, promises: 3 })).toEqual([
      { store: 'debtors', now: 40, after: 1 },
      { store: 'invoices', now: 120, after: 0 },
      { store: 'promises', now: 3, after: 0 },
      { store: 'settings', now: 0, after: 2 },
    ]);
    expect(backupReminderDue(undefined, '2026-12-03T09:00:00Z')).toBe(true);
    expect(backupReminderDue('2026-11-26T09:00:00Z', '2026-12-03T09:00:00Z')).toBe(false);
    expect(backupReminderDue('2026-11-26T08:59:00Z', '2026-12-03T09:00:00Z')).toBe(true);
  });
});
