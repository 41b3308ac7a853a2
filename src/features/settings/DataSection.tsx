import { A } from '@solidjs/router';
import { createSignal, Match, Show, Switch, type JSX } from 'solid-js';
import { clearPortfolio, seedDemo } from '../../session/seed';
import { useServices } from '../../session/store-context';
import { todayIso } from '../../session/today';
import { t } from '../../i18n';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatCount } from '../../ui/locale';
import { ProgressBar } from '../../ui/ProgressBar';
import { storageErrorMessage } from '../../ui/storage-error';
import { largeSeedJob, startLargeSeed, type LargeSeedJob } from './large-seed-job';

type Notice = { kind: 'ok' | 'error'; text: string };

function jobIn<S extends LargeSeedJob['state']>(state: S): Extract<LargeSeedJob, { state: S }> | undefined {
  const job = largeSeedJob();
  return job.state === state ? (job as Extract<LargeSeedJob, { state: S }>) : undefined;
}

/** Demo data, the 50,000-debtor scale set, and deleting everything (after a confirmation). */
export function DataSection(): JSX.Element {
  const services = useServices();
  const [confirming, setConfirming] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [notice, setNotice] = createSignal<Notice>();
  const seeding = () => largeSeedJob().state === 'running';
  const seedRunning = () => jobIn('running');
  const seedDone = () => jobIn('done');
  const seedFailed = () => jobIn('failed');
  // Marked aria-disabled, not disabled: a button disabled under the keyboard's focus drops it to the page.
  const blocked = () => busy() || seeding();
  const unlessBlocked = (action: () => unknown) => () => void (blocked() || action());

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setNotice(undefined);
    try {
      setNotice({ kind: 'ok', text: await work() });
    } catch (error) {
      setNotice({ kind: 'error', text: storageErrorMessage(error) });
    } finally {
      setBusy(false);
      services.dataChanged();
    }
  };

  const loadDemo = () =>
    run(async () => t('settings:data.demoLoaded', { n: formatCount(await seedDemo(services.store, todayIso())) }));

  const clearAll = async () => {
    await run(async () => {
      await clearPortfolio(services.store);
      return t('settings:data.cleared');
    });
    setConfirming(false);
  };

  return (
    <section class="card" aria-labelledby="data-title">
      <h2 id="data-title">{t('settings:data.title')}</h2>

      <div class="data-action">
        <div>
          <h3>{t('settings:data.demoTitle')}</h3>
          <p class="muted">{t('settings:data.demoHint')}</p>
        </div>
        <button type="button" class="btn" data-testid="load-demo" aria-disabled={blocked()} onClick={unlessBlocked(loadDemo)}>
          {t('settings:data.loadDemo')}
        </button>
      </div>

      <div class="data-action">
        <div>
          <h3>{t('settings:data.importTitle')}</h3>
          <p class="muted">{t('settings:data.importHint')}</p>
        </div>
        <a href="/settings/import" class="btn" data-testid="open-import">
          {t('settings:data.import')}
        </a>
      </div>

      <div class="data-action">
        <div>
          <h3>{t('settings:data.largeTitle')}</h3>
          <p class="muted">{t('settings:data.largeHint')}</p>
        </div>
        <button
          type="button"
          class="btn"
          data-testid="seed-large"
          aria-disabled={blocked()}
          onClick={unlessBlocked(() => startLargeSeed(services))}
        >
          {t('settings:data.seedLarge')}
        </button>
      </div>
      <Switch>
        <Match when={seedRunning()}>
          {(job) => (
            <div class="seed-status">
              <ProgressBar testId="seed-progress" label={t('settings:data.largeTitle')} value={job().progress.debtors} max={job().progress.total} />
              <p class="muted" aria-live="polite">
                {t('seed.progress', { done: formatCount(job().progress.debtors), total: formatCount(job().progress.total) })}
              </p>
            </div>
          )}
        </Match>
        <Match when={seedDone()}>
          {(job) => (
            <p class="notice notice--ok" role="status" data-testid="seed-done">
              {t('settings:data.largeDone', { n: formatCount(job().added) })} <A href="/" end>{t('settings:data.openWorklist')}</A>
            </p>
          )}
        </Match>
        <Match when={seedFailed()}>
          {(job) => (
            <p class="notice notice--error" role="alert">
              {storageErrorMessage(job().error)}
            </p>
          )}
        </Match>
      </Switch>

      <div class="data-action data-action--danger">
        <div>
          <h3>{t('settings:data.clearTitle')}</h3>
          <p class="muted">{t('settings:data.clearHint')}</p>
        </div>
        <button
          type="button"
          class="btn btn--danger"
          data-testid="clear-data"
          aria-disabled={blocked()}
          onClick={unlessBlocked(() => setConfirming(true))}
        >
          {t('settings:data.clear')}
        </button>
      </div>

      <Show when={notice()}>
        {(n) => (
          <p class={`notice notice--${n().kind}`} role={n().kind === 'error' ? 'alert' : 'status'} data-testid="data-notice">
            {n().text}
          </p>
        )}
      </Show>

      <ConfirmDialog
        open={confirming()}
        title={t('settings:data.confirmTitle')}
        body={t('settings:data.confirmBody')}
        confirmLabel={t('settings:data.confirm')}
        cancelLabel={t('settings:data.cancel')}
        confirmTestId="confirm-clear"
        busy={busy()}
        onConfirm={() => void clearAll()}
        onCancel={() => setConfirming(false)}
      />
    </section>
  );
}
