/**
 * CSV exports for French Excel (domain/export/csv-exports.ts): the worklist as ranked today, every promise,
 * every activity, and the aged balance of open invoices. Read through the store's database on a connection
 * of its own, closed after each export.
 */
import { createSignal, For, Show, type JSX } from 'solid-js';
import { useServices } from '../../session/store-context';
import { todayIso } from '../../session/today';
import { activitiesCsv, agedBalanceCsv, promisesCsv, worklistCsv } from '../../domain/export/csv-exports';
import { buildWorklist } from '../../domain/worklist';
import { t } from '../../i18n';
import { openCadenceDb } from '../../storage/db';
import { idbRecords } from '../../storage/idb-records';
import { kpiBundles } from '../../storage/kpi-source';
import { downloadText } from '../../ui/download';
import { storageErrorMessage } from '../../ui/storage-error';

const KINDS = ['worklist', 'promises', 'activities', 'aged'] as const;
type ExportKind = (typeof KINDS)[number];

export function ExportSection(): JSX.Element {
  const services = useServices();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal('');
  const translate = (key: string, values?: Record<string, string | number>) => t(key, values);

  const run = async (kind: ExportKind) => {
    const name = services.store.databaseName;
    if (!name) return;
    setBusy(true);
    setError('');
    const db = await openCadenceDb(name);
    try {
      const today = todayIso();
      // The worklist as the worklist screen ranks it: from the stored summaries, which carry the open
      // follow-ups (the KPI bundles below have no tasks, so due follow-ups would neither rank nor show).
      if (kind === 'worklist') {
        downloadText(`cadence-${kind}-${today}.csv`, worklistCsv(buildWorklist(await services.store.listSummaries(), today), translate), 'text/csv');
        return;
      }
      const bundles = await kpiBundles(idbRecords(db));
      const names = new Map(bundles.map((b) => [b.debtor.id, b.debtor.name]));
      const invoices = bundles.flatMap((b) => b.invoices);
      const csv =
        kind === 'promises'
            ? promisesCsv(bundles.flatMap((b) => b.promises), names, new Map(invoices.map((i) => [i.id, i.number])), translate)
            : kind === 'activities'
              ? activitiesCsv(bundles.flatMap((b) => b.activities), names, translate)
              : agedBalanceCsv(bundles.map((b) => b.debtor), invoices, today, translate, new Map(bundles.flatMap((b) => (b.debtor.customerCode ? [[b.debtor.id, b.debtor.customerCode] as const] : []))));
      downloadText(`cadence-${kind}-${today}.csv`, csv, 'text/csv');
    } catch (e) {
      setError(storageErrorMessage(e));
    } finally {
      db.close();
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="export-title" data-testid="export-section">
      <h2 id="export-title">{t('settings:export.title')}</h2>
      <p class="muted">{t('settings:export.hint')}</p>
      <div class="export-actions">
        <For each={KINDS}>
          {(kind) => (
            // aria-disabled rather than disabled: a disabled button drops the keyboard focus to the page.
            <button type="button" class="btn" data-testid={`export-${kind}`} aria-disabled={busy()} onClick={() => !busy() && void run(kind)}>
              {t(`settings:export.${kind}`)}
            </button>
          )}
        </For>
      </div>
      <Show when={error()}>
        <p class="notice notice--error" role="alert">
          {error()}
        </p>
      </Show>
    </section>
  );
}
