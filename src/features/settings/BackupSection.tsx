/**
 * Backups: the whole database in one file, and its restore with a preview and a confirmation, all or nothing
 * (storage/backup.ts, domain/backup/backup-file.ts). A reminder shows when the last backup is over 7 days old.
 * The records go out and come back through the store's own `exportBackup` and `restoreBackup` (one path, the
 * one the store contract tests: every record checked again before the one restore transaction); only the
 * backup's date and the preview's counts are read here on a connection of this section's own.
 */
import { createResource, createSignal, For, Show, type JSX } from 'solid-js';
import { useServices } from '../../session/store-context';
import { backupReminderDue, decodeBackup, encodeBackup, restorePreview, type BackupError } from '../../domain/backup/backup-file';
import { formatDateTime } from '../../domain/format';
import { t } from '../../i18n';
import { lastBackupAt, markBackedUp, storeCounts, validateBackupStores, withBackupDate } from '../../storage/backup';
import { DB_VERSION, openCadenceDb, type CadenceDatabase } from '../../storage/db';
import type { BackupStores } from '../../domain/backup/backup-file';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { FilePicker } from '../../ui/FilePicker';
import { settled } from '../../ui/settled';
import { formatCount, locale } from '../../ui/locale';
import { downloadBlob } from '../../ui/download';
import { storageErrorMessage } from '../../ui/storage-error';

type Notice = { kind: 'ok' | 'error'; text: string };

/** A store's name in words ("Débiteurs", not `debtors`); a store this version does not know keeps its own name. */
const storeLabel = (store: string): string => t(`settings:backup.stores.${store}`, { defaultValue: store });

function backupErrorText(error: BackupError): string {
  return error.kind === 'invalid_records'
    ? t('settings:backup.error.invalid_records', { store: storeLabel(error.store), index: error.index + 1, reason: error.reason })
    : t(`settings:backup.error.${error.kind}`, error.kind === 'newer_version' ? { file: error.fileVersion, app: error.appVersion } : {});
}

export function BackupSection(): JSX.Element {
  const services = useServices();
  const [notice, setNotice] = createSignal<Notice>();
  const [busy, setBusy] = createSignal(false);
  const [confirming, setConfirming] = createSignal(false);
  // After a restore the preview and its button are gone: focus moves to the notice saying what happened.
  let noticeEl: HTMLParagraphElement | undefined;
  const [pending, setPending] = createSignal<{ stores: BackupStores; preview: { store: string; now: number; after: number }[]; createdAt: string }>();

  const withDb = async <T,>(work: (db: CadenceDatabase) => Promise<T>): Promise<T> => {
    const name = services.store.databaseName;
    if (!name) throw new Error('This store has no database to back up');
    const db = await openCadenceDb(name);
    try {
      return await work(db);
    } finally {
      db.close();
    }
  };
  const [last, { refetch }] = createResource(() => services.dataVersion(), () => withDb(lastBackupAt).catch(() => undefined));
  // settled(), not last(): a read resource suspends the whole settings page at each refetch (after every backup),
  // which the router's Suspense takes off the page and puts back, throwing the keyboard focus to the top.
  const lastAt = () => settled(last);
  const remind = () => last.state === 'ready' && backupReminderDue(lastAt(), new Date().toISOString());

  const backUp = async () => {
    setBusy(true);
    setNotice(undefined);
    try {
      const now = new Date().toISOString();
      // The file carries its own date as the last-backup date: restoring it does not bring the reminder back.
      const stores = withBackupDate(await services.store.exportBackup(), now);
      const bytes = await encodeBackup(stores, { databaseVersion: DB_VERSION, createdAt: now });
      await withDb((db) => markBackedUp(db, now));
      downloadBlob(`cadence-${now.slice(0, 10)}.cadence-backup`, new Blob([bytes as BlobPart], { type: 'application/octet-stream' }));
      setNotice({ kind: 'ok', text: t('settings:backup.made') });
      void refetch();
    } catch (error) {
      setNotice({ kind: 'error', text: storageErrorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  const chooseRestore = async (file: File | undefined) => {
    if (!file) return;
    setNotice(undefined);
    const decoded = await decodeBackup(new Uint8Array(await file.arrayBuffer()), DB_VERSION);
    if (!decoded.ok) return setNotice({ kind: 'error', text: backupErrorText(decoded.error) });
    const valid = validateBackupStores(decoded.backup.stores);
    if (!valid.ok) return setNotice({ kind: 'error', text: backupErrorText(valid.error) });
    const counts = await withDb(storeCounts);
    // The restored database knows this backup exists: its date becomes the last-backup date (older files
    // carry the previous backup's date, or none). The preview counts what will really be written.
    const stores = withBackupDate(valid.stores, decoded.backup.header.createdAt);
    setPending({ stores, preview: restorePreview({ ...decoded.backup, stores }, counts), createdAt: decoded.backup.header.createdAt });
  };

  const restore = async () => {
    const p = pending();
    if (!p) return;
    setBusy(true);
    try {
      await services.store.restoreBackup(p.stores);
      setPending(undefined);
      setConfirming(false);
      services.dataChanged();
      setNotice({ kind: 'ok', text: t('settings:backup.restored') });
    } catch (error) {
      setNotice({ kind: 'error', text: t('settings:backup.restoreFailed', { reason: storageErrorMessage(error) }) });
    } finally {
      setBusy(false);
      setConfirming(false);
      queueMicrotask(() => noticeEl?.focus());
    }
  };

  return (
    <section class="card" aria-labelledby="backup-title" data-testid="backup-section">
      <h2 id="backup-title">{t('settings:backup.title')}</h2>
      <p class="muted">
        {lastAt() ? t('settings:backup.last', { when: formatDateTime(lastAt() as string, locale()) }) : t('settings:backup.never')}
      </p>
      <Show when={remind()}>
        <p class="notice" role="status" data-testid="backup-reminder">
          {t('settings:backup.reminder')}
        </p>
      </Show>
      <div class="data-action">
        <button type="button" class="btn" data-testid="backup-now" aria-disabled={busy()} onClick={() => !busy() && void backUp()}>
          {t('settings:backup.now')}
        </button>
      </div>
      <div class="data-action">
        <FilePicker id="restore-file" label={t('settings:backup.restoreLabel')} testId="restore-file" disabled={busy()} onFile={(f) => void chooseRestore(f)} />
      </div>
      <Show when={pending()}>
        {(p) => (
          <div class="table-scroll" tabindex="0" role="region" aria-label={t('settings:backup.preview', { when: formatDateTime(p().createdAt, locale()) })}>
            <table data-testid="restore-preview">
              <caption>{t('settings:backup.preview', { when: formatDateTime(p().createdAt, locale()) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('settings:backup.store')}</th>
                  <th scope="col">{t('settings:backup.now_')}</th>
                  <th scope="col">{t('settings:backup.after')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={p().preview}>
                  {(row) => (
                    <tr data-store={row.store}>
                      <td>{storeLabel(row.store)}</td>
                      <td>{formatCount(row.now)}</td>
                      <td>{formatCount(row.after)}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
            <button type="button" class="btn btn--danger" data-testid="restore-start" disabled={busy()} onClick={() => setConfirming(true)}>
              {t('settings:backup.confirm')}
            </button>
          </div>
        )}
      </Show>
      <Show when={notice()}>
        {(n) => (
          <p ref={noticeEl} tabindex="-1" class={`notice notice--${n().kind}`} role={n().kind === 'error' ? 'alert' : 'status'} data-testid="backup-notice">
            {n().text}
          </p>
        )}
      </Show>
      <ConfirmDialog
        open={confirming() && pending() !== undefined}
        title={t('settings:backup.confirmTitle')}
        body={t('settings:backup.confirmBody')}
        confirmLabel={t('settings:backup.confirm')}
        cancelLabel={t('settings:data.cancel')}
        confirmTestId="restore-confirm"
        busy={busy()}
        onConfirm={() => void restore()}
        onCancel={() => setConfirming(false)}
      />
    </section>
  );
}
