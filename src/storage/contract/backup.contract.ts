/**
 * Contract: restore(backup(db)) = db on every store, through the backup file format (encoded, checksummed,
 * decoded), and a backup with one bad record refused whole.
 */
import { describe, expect, it } from 'vitest';
import { makeActivity, makeBundle, makeContact, makeDebtor, makeInvoice, makePromise, makeTask } from '../../../tests/fixtures/db/builders';
import { decodeBackup, encodeBackup, type BackupStores } from '../../domain/backup/backup-file';
import { DEFAULT_SETTINGS } from '../../domain/entities';
import type { CadenceStore } from '../api';
import { DB_VERSION } from '../db';
import { DEFAULT_CREDITOR, DEFAULT_RATE_SETTINGS } from '../preferences';
import type { MakeStore } from './harness';
import { plan } from './plans.contract';
import { draft } from './settings.contract';


/** A store holding something in every store a team fills: two dossiers, settings, rates, creditor, plan, draft, override. */
async function filled(makeStore: MakeStore): Promise<CadenceStore> {
  const store = await makeStore();
  await store.putBundles([
    makeBundle({ contacts: [makeContact()], invoices: [makeInvoice(), makeInvoice({ id: 'i2', number: 'FA-2026-0002', dueDate: '2026-11-30', amountPaidCents: 20_000 })], activities: [makeActivity()], promises: [makePromise()], tasks: [makeTask()] }),
    makeBundle({ debtor: makeDebtor({ id: 'd2', name: 'Garage Ébène', customerCode: 'C-002' }), invoices: [makeInvoice({ id: 'i3', debtorId: 'd2', number: 'FB-1', status: 'disputed', disputeReason: 'Livraison incomplète' })] }),
  ]);
  await store.putSettings({ ...DEFAULT_SETTINGS, agentName: 'Léo Marchand', language: 'en' });
  await store.putRateSettings({ ...DEFAULT_RATE_SETTINGS, contractual: { d1: 900 } });
  await store.putCreditor({ ...DEFAULT_CREDITOR, iban: 'FR7630006000011234567890189' });
  await store.proposePlan(plan());
  await store.putRecapDraft(draft({ debtorId: 'd1' }));
  await store.setSegmentOverride('d2', { segment: 'bad_payer', reason: 'Litiges à répétition', by: { name: 'Nadia Roche', role: 'lead' }, at: '2026-11-20T09:00:00.000Z' });
  return store;
}

/** Everything a screen can read back through the interface. */
async function readable(store: CadenceStore) {
  return {
    summaries: await store.listSummaries(),
    dossiers: [await store.getDossier('d1'), await store.getDossier('d2')],
    settings: await store.getSettings(),
    rates: await store.getRateSettings(),
    creditor: await store.getCreditor(),
    plans: await store.listPlans(),
    draft: await store.getRecapDraft(draft().id),
    byInvoice: await store.findDebtorIdsByInvoiceNumber('fb', 5),
  };
}

/** Through the file, as a user's download and upload would: encoded, then decoded and checked. */
async function throughFile(stores: BackupStores): Promise<BackupStores> {
  const bytes = await encodeBackup(stores, { databaseVersion: DB_VERSION, createdAt: '2026-12-03T09:00:00.000Z' });
  const decoded = await decodeBackup(bytes, DB_VERSION);
  if (!decoded.ok) throw new Error(JSON.stringify(decoded.error));
  return decoded.backup.stores;
}

export function backupContract(makeStore: MakeStore): void {
  describe('backups', () => {
    it('restore(backup(db)) gives back the same database in another store, replacing what it held', async () => {
      const source = await filled(makeStore);
      const backup = await source.exportBackup();
      expect(backup.debtors).toHaveLength(2);
      expect(backup.settings?.map((pair) => (pair as [string, unknown])[0]).sort()).toEqual(['creditor', 'rates', 'settings']);

      const target = await makeStore();
      await target.putBundles([makeBundle({ debtor: makeDebtor({ id: 'other', name: 'Ancienne donnée' }) })]);
      await target.restoreBackup(await throughFile(backup));
      expect(await target.exportBackup()).toEqual(backup);
      expect(await readable(target)).toEqual(await readable(source));
      expect(await target.getDossier('other')).toBeUndefined();
      source.close();
      target.close();
    });

    it('refuses a backup with one invalid record whole, naming it, and changes nothing', async () => {
      const source = await filled(makeStore);
      const backup = await source.exportBackup();
      const invoices = [...(backup.invoices ?? [])];
      invoices[1] = { ...(invoices[1] as object), amountInclVatCents: -5 };
      const target = await filled(makeStore);
      await target.putSettings({ ...DEFAULT_SETTINGS, agentName: 'Avant la restauration' });
      const before = await target.exportBackup();
      await expect(target.restoreBackup({ ...backup, invoices })).rejects.toMatchObject({ kind: 'invalid', store: 'invoices', key: '1' });
      await expect(target.restoreBackup({ ...backup, mystery: [{}] })).rejects.toMatchObject({ kind: 'invalid', store: 'mystery' });
      expect(await target.exportBackup()).toEqual(before);
      source.close();
      target.close();
    });
  });
}
