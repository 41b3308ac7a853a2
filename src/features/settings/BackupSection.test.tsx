import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppServices, ServicesProvider, type AppServices } from '../../session/store-context';
import { encodeBackup } from '../../domain/backup/backup-file';
import { generateDemoPortfolio } from '../../domain/demo';
import { DEFAULT_SETTINGS } from '../../domain/entities';
import { initI18n, loadNamespaces } from '../../i18n';
import { exportStores, lastBackupAt } from '../../storage/backup';
import { StorageError } from '../../storage/errors';
import { DB_VERSION, openCadenceDb } from '../../storage/db';
import { createCadenceStore } from '../../storage/store';
import { BackupSection } from './BackupSection';

/** Reading, planning and IndexedDB on a shared, loaded machine: wait longer than testing-library's 1 s. */
const SLOW = { timeout: 15_000 };

let services: AppServices;
let seq = 0;

beforeAll(async () => {
  await initI18n('fr');
  await loadNamespaces(['settings']);
});

beforeEach(async () => {
  const store = createCadenceStore(await openCadenceDb(`backup-section-${++seq}-${Date.now()}`));
  await store.putSettings(DEFAULT_SETTINGS);
  services = createAppServices(store, DEFAULT_SETTINGS);
});

afterEach(() => {
  cleanup();
  services.store.close();
});

const renderSection = () => render(() => (
  <ServicesProvider services={services}>
    <BackupSection />
  </ServicesProvider>
));

describe('BackupSection', { timeout: 60_000 }, () => {
  it('reminds to back up, downloads a backup, then no longer reminds', async () => {
    URL.createObjectURL = vi.fn(() => 'blob:backup');
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const exported = vi.spyOn(services.store, 'exportBackup');
    renderSection();
    await screen.findByTestId('backup-reminder', {}, SLOW);
    fireEvent.click(screen.getByTestId('backup-now'));
    expect((await screen.findByTestId('backup-notice', {}, SLOW)).textContent).toContain('Sauvegarde téléchargée');
    expect(click).toHaveBeenCalled();
    // The records come from the store's own export, the one path the store contract checks.
    expect(exported).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByTestId('backup-reminder')).toBeNull(), SLOW);
    click.mockRestore();
  });

  it('previews a restore, asks, then replaces the data whole', async () => {
    const other = await openCadenceDb(`backup-source-${seq}-${Date.now()}`);
    const source = createCadenceStore(other);
    await source.putBundles(generateDemoPortfolio({ today: '2026-12-03' }).slice(0, 5));
    const bytes = await encodeBackup(await exportStores(other), { databaseVersion: DB_VERSION, createdAt: '2026-12-03T09:00:00.000Z' });
    source.close();
    const restored = vi.spyOn(services.store, 'restoreBackup');
    renderSection();
    fireEvent.change(screen.getByTestId('restore-file'), { target: { files: [new File([bytes as BlobPart], 'b.cadence-backup')] } });
    const preview = await screen.findByTestId('restore-preview', {}, SLOW);
    // Each store named in words, in French: never the database's own names (debtors, scriptVersions…).
    const names = [...preview.querySelectorAll('tbody tr td:first-child')].map((td) => td.textContent);
    expect(names).toContain('Débiteurs');
    expect(names).toContain('Versions de scripts');
    expect(names.filter((n) => /^[a-z]+([A-Z][a-z]+)*$/u.test(n ?? ''))).toEqual([]);
    fireEvent.click(screen.getByTestId('restore-start'));
    fireEvent.click(await screen.findByTestId('restore-confirm', {}, SLOW));
    const notice = await screen.findByTestId('backup-notice', {}, SLOW);
    expect(notice.textContent).toBe('Sauvegarde restaurée.');
    // The preview and its button are gone: the keyboard focus lands on the notice, not on the page.
    await waitFor(() => expect(document.activeElement).toBe(notice), SLOW);
    expect((await services.store.counts()).debtors).toBe(5);
    expect(restored).toHaveBeenCalledTimes(1);
    // A file made before backups carried their date: its header's date becomes the last-backup date.
    const db = await openCadenceDb(services.store.databaseName as string);
    expect(await lastBackupAt(db)).toBe('2026-12-03T09:00:00.000Z');
    db.close();
  });

  it('restores its own backup without bringing the reminder back or showing a settings change', async () => {
    let file: Blob | undefined;
    URL.createObjectURL = vi.fn((blob: Blob) => ((file = blob), 'blob:backup'));
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderSection();
    fireEvent.click(await screen.findByTestId('backup-now', {}, SLOW));
    await screen.findByTestId('backup-notice', {}, SLOW);
    await waitFor(() => expect(screen.queryByTestId('backup-reminder')).toBeNull(), SLOW);
    click.mockRestore();
    const db = await openCadenceDb(services.store.databaseName as string);
    const madeAt = await lastBackupAt(db);
    db.close();
    expect(madeAt).toBeDefined();
    fireEvent.change(screen.getByTestId('restore-file'), { target: { files: [new File([file as Blob], 'b.cadence-backup')] } });
    const preview = await screen.findByTestId('restore-preview', {}, SLOW);
    const settings = [...preview.querySelectorAll('tr[data-store="settings"] td')].map((td) => td.textContent);
    // Réglages 2 → 2 (the settings and the backup's date), not 2 → 1.
    expect(settings[1]).toBe(settings[2]);
    fireEvent.click(screen.getByTestId('restore-start'));
    fireEvent.click(await screen.findByTestId('restore-confirm', {}, SLOW));
    expect((await screen.findByTestId('backup-notice', {}, SLOW)).textContent).toBe('Sauvegarde restaurée.');
    const after = await openCadenceDb(services.store.databaseName as string);
    expect(await lastBackupAt(after)).toBe(madeAt);
    after.close();
    // The page reads the date again after the restore: still no reminder.
    await new Promise((r) => setTimeout(r, 200));
    expect(screen.queryByTestId('backup-reminder')).toBeNull();
  });

  it('shows the store’s refusal when the restore fails, and keeps the data', async () => {
    await services.store.putBundles(generateDemoPortfolio({ today: '2026-12-03' }).slice(0, 2));
    const bytes = await encodeBackup(await services.store.exportBackup(), { databaseVersion: DB_VERSION, createdAt: '2026-12-03T09:00:00.000Z' });
    vi.spyOn(services.store, 'restoreBackup').mockRejectedValueOnce(new StorageError('quota', 'disk full'));
    renderSection();
    fireEvent.change(screen.getByTestId('restore-file'), { target: { files: [new File([bytes as BlobPart], 'b.cadence-backup')] } });
    fireEvent.click(await screen.findByTestId('restore-start', {}, SLOW));
    fireEvent.click(await screen.findByTestId('restore-confirm', {}, SLOW));
    await waitFor(() => expect(screen.getByTestId('backup-notice').getAttribute('role')).toBe('alert'), SLOW);
    expect((await services.store.counts()).debtors).toBe(2);
  });

  it('refuses a file that is not a backup, saying so', async () => {
    renderSection();
    fireEvent.change(screen.getByTestId('restore-file'), { target: { files: [new File(['Client;Montant'], 'x.csv')] } });
    expect((await screen.findByTestId('backup-notice', {}, SLOW)).textContent).toBe('Ce fichier n’est pas une sauvegarde Cadence.');
  });
});
