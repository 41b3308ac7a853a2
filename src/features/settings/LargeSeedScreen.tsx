import { createSignal, onMount, Show, type JSX } from 'solid-js';
import { t } from '../../i18n';
import { formatCount } from '../../ui/locale';
import { ProgressBar } from '../../ui/ProgressBar';
import { usePageTitle } from '../../ui/page-title';
import { LARGE_DEBTORS, seedLarge, type SeedProgress } from '../../session/seed';
import { useServices } from '../../session/store-context';
import { todayIso } from '../../session/today';

/** `?demo=large`: replaces the portfolio with 50,000 debtors for scale checks, showing progress, then hands over. */
export default function LargeSeedScreen(props: { onDone: () => void }): JSX.Element {
  const services = useServices();
  const [progress, setProgress] = createSignal<SeedProgress>({ debtors: 0, total: LARGE_DEBTORS });
  const [failed, setFailed] = createSignal<string>();
  usePageTitle(() => t('seed.title'));

  onMount(async () => {
    try {
      await seedLarge(services.store, todayIso(), setProgress, { replace: true });
      services.dataChanged();
      props.onDone();
    } catch (error) {
      setFailed(error instanceof Error ? error.message : String(error));
    }
  });

  return (
    <section class="page page--narrow">
      <h1>{t('seed.title')}</h1>
      <p>{t('seed.intro')}</p>
      <ProgressBar
        testId="seed-progress"
        label={t('seed.title')}
        value={progress().debtors}
        max={progress().total}
      />
      <p class="muted">
        {t('seed.progress', { done: formatCount(progress().debtors), total: formatCount(progress().total) })}
      </p>
      <Show when={failed()}>
        {(message) => (
          <p class="notice notice--error" role="alert">
            {t('seed.failed', { message: message() })}
          </p>
        )}
      </Show>
    </section>
  );
}
