import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createDbFromFixture, FIXTURES } from '../../tests/fixtures/db/load';
import { decodeBackup, encodeBackup } from '../domain/backup/backup-file';
import { DB_VERSION, openCadenceDb, type CadenceDatabase } from './db';
import { exportStores, lastBackupAt, markBackedUp, restoreStores, storeCounts, validateBackupStores, withBackupDate } from './backup';
import { ALL_STORES, BACKUP_KEY, TEAM_KEY } from './schema';
import { createCadenceStore } from './store';
import { readStore } from '../../tests/fixtures/db/read';

let n = 0;
const freshName = () => `backup-${++n}-${Date.now()}`;
const V7_BACKUP = new URL('../../tests/fixtures/backups/cadence-v7.backup', import.meta.url);

async function everything(db: CadenceDatabase): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of ALL_STORES) {
    if (name === 'invoices') {
      out[name] = await readStore(db, name);
      continue;
    }
    const store = db.transaction(name).store;
    out[name] = name === 'settings' ? await Promise.all((await store.getAllKeys()).map(async (k) => [k, await store.get(k)])) : await store.getAll();
  }
  return out;
}

async function restoreInto(db: CadenceDatabase, bytes: Uint8Array) {
  const decoded = await decodeBackup(bytes, DB_VERSION);
  if (!decoded.ok) throw new Error(JSON.stringify(decoded.error));
  const valid = validateBackupStores(decoded.backup.stores);
  if (!valid.ok) throw new Error(JSON.stringify(valid.error));
  await restoreStores(db, valid.stores);
}

describe('backup and restore', () => {
  it('restore(backup(db)) gives back the same database, summaries and invoice keys rebuilt', async () => {
    const name = freshName();
    await createDbFromFixture(name, FIXTURES.v8);
    const db = await openCadenceDb(name);
    // The fixture's summaries were written before the payment-history digest: brought up to date first, as
    // the worklist does, since a restore rebuilds every summary with today's code.
    await createCadenceStore(db).refreshSummaries((await db.getAllKeys('debtors')) as string[]);
    const before = await everything(db);
    expect(before.summaries?.every((s) => (s as { history?: unknown }).history !== undefined)).toBe(true);
    const bytes = await encodeBackup(await exportStores(db), { databaseVersion: DB_VERSION, createdAt: '2026-12-03T09:00:00.000Z' });
    const other = await openCadenceDb(freshName());
    await restoreInto(other, bytes);
    expect(await everything(other)).toEqual(before);
    // Restoring over data replaces it whole.
    await other.put('debtors', { ...(before.debtors?.[0] as object), id: 'extra' } as never);
    await restoreInto(other, bytes);
    expect(await everything(other)).toEqual(before);
    db.close();
    other.close();
  });

  it("leaves this device's team connection out of the file, and keeps the restoring device's own", async () => {
    const name = freshName();
    await createDbFromFixture(name, FIXTURES.v8);
    const db = await openCadenceDb(name);
    const team = (clientId: string) => ({ schemaVersion: 1 as const, serverUrl: 'https://team.example.fr', clientId, user: null, checkedAt: null, firstConnectionDone: null });
    await db.put('settings', team('0190f1a2-0000-7000-8000-00000000000a'), TEAM_KEY);
    const stores = await exportStores(db);
    expect((stores.settings as [string, unknown][]).map(([k]) => k)).not.toContain(TEAM_KEY);
    const other = await openCadenceDb(freshName());
    await other.put('settings', team('0190f1a2-0000-7000-8000-00000000000b'), TEAM_KEY);
    await restoreInto(other, await encodeBackup(stores, { databaseVersion: DB_VERSION, createdAt: '2026-12-03T09:00:00.000Z' }));
    expect(await other.get('settings', TEAM_KEY)).toMatchObject({ clientId: '0190f1a2-0000-7000-8000-00000000000b' });
    // A file that carries a team record is refused rather than signing this device in as someone else.
    expect(validateBackupStores({ settings: [[TEAM_KEY, team('0190f1a2-0000-7000-8000-00000000000a')]] }).ok).toBe(false);
    db.close();
    other.close();
  });

  it('restores the committed backup made by database version 7', async () => {
    if (!existsSync(V7_BACKUP)) {
      // Written once from the v7 fixture; committed, never regenerated (see tests/fixtures/backups/README.md).
      const name = freshName();
      await createDbFromFixture(name, FIXTURES.v7);
      const v7 = await openCadenceDb(name);
      const stores = await exportStores(v7);
      delete stores.imports;
      writeFileSync(V7_BACKUP, await encodeBackup(stores, { databaseVersion: 7, createdAt: '2026-12-03T08:40:00.000Z' }, { compress: false }));
      v7.close();
    }
    const bytes = new Uint8Array(readFileSync(V7_BACKUP));
    const decoded = await decodeBackup(bytes, DB_VERSION);
    expect(decoded.ok && decoded.backup.header.databaseVersion).toBe(7);
    const db = await openCadenceDb(freshName());
    await restoreInto(db, bytes);
    expect(await db.count('debtors')).toBe(FIXTURES.v7.stores.debtors?.length);
    expect(await db.count('summaries')).toBe(FIXTURES.v7.stores.debtors?.length);
    expect(await db.count('imports')).toBe(0);
    expect(await db.get('settings', 'settings')).toEqual(FIXTURES.v7.settings);
    db.close();
  });

  it('refuses a backup with one bad record whole, naming its store and position, and writes nothing', async () => {
    const name = freshName();
    await createDbFromFixture(name, FIXTURES.v8);
    const db = await openCadenceDb(name);
    const stores = await exportStores(db);
    (stores.invoices as Record<string, unknown>[])[1] = { ...(stores.invoices?.[1] as object), amountInclVatCents: -5 };
    expect(validateBackupStores(stores)).toMatchObject({ ok: false, error: { kind: 'invalid_records', store: 'invoices', index: 1 } });
    expect(validateBackupStores({ ...(await exportStores(db)), secrets: [] })).toMatchObject({ ok: false, error: { kind: 'invalid_records', store: 'secrets' } });
    const counts = await storeCounts(db);
    expect(counts.debtors).toBe(FIXTURES.v8.stores.debtors?.length);
    db.close();
  });

  it('leaves the data as it was when the restore transaction fails', async () => {
    const name = freshName();
    await createDbFromFixture(name, FIXTURES.v8);
    const db = await openCadenceDb(name);
    const before = await everything(db);
    const stores = await exportStores(db);
    // A record without its key path makes put() throw inside the transaction, after the stores were cleared.
    stores.contacts = [...(stores.contacts ?? []), { name: 'sans id' }];
    await expect(restoreStores(db, stores)).rejects.toBeTruthy();
    expect(await everything(db)).toEqual(before);
    db.close();
  });

  it('a backup stamped with its own date restores a database that knows it was backed up then', async () => {
    const db = await openCadenceDb(freshName());
    await markBackedUp(db, '2026-11-01T08:00:00.000Z');
    const stamped = withBackupDate(await exportStores(db), '2026-12-03T10:00:00+01:00');
    // One backup date only, the newer one, in UTC as the settings schema keeps it.
    expect(stamped.settings?.filter((e) => (e as [string])[0] === BACKUP_KEY)).toEqual([[BACKUP_KEY, { schemaVersion: 1, lastBackupAt: '2026-12-03T09:00:00.000Z' }]]);
    const bytes = await encodeBackup(stamped, { databaseVersion: DB_VERSION, createdAt: '2026-12-03T09:00:00.000Z' });
    const target = await openCadenceDb(freshName());
    await restoreInto(target, bytes);
    expect(await lastBackupAt(target)).toBe('2026-12-03T09:00:00.000Z');
    db.close();
    target.close();
  });
});
