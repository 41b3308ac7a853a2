import { createResource, For, Match, Show, Switch, type JSX } from 'solid-js';
import { useServices } from '../../session/store-context';
import { progressOf } from '../../domain/training/progress';
import { formatDateTime } from '../../domain/format';
import { t } from '../../i18n';
import { TableScroll } from './TableScroll';
import { locale } from '../../ui/locale';
import { usePageTitle } from '../../ui/page-title';
import { storageErrorMessage } from '../../ui/storage-error';
import { trainingHistory } from '../../session/training-history';
import { ProgressChart } from './ProgressChart';
import { TrainingNav } from './TrainingNav';
import './training.css';

/** `/training/history`: the trainee's sessions on this device, a progress chart and the table behind it. */
export default function HistoryPage(): JSX.Element {
  const services = useServices();
  usePageTitle(() => t('training:history.heading'));
  const trainee = () => services.settings().agentName || t('training:title');
  const [records] = createResource(async () => (await trainingHistory()).list());
  const points = () => progressOf(records() ?? [], trainee());
  return (
    <section class="page training-page" data-testid="training-history" aria-labelledby="history-title">
      <h1 id="history-title">{t('training:history.heading')}</h1>
      <TrainingNav />
      <p class="muted">{t('training:history.trainee', { name: trainee() })}</p>
      <Switch fallback={<p role="status">{t('loading')}</p>}>
        <Match when={records.error as unknown}>
          <p role="alert">{storageErrorMessage(records.error)}</p>
        </Match>
        <Match when={records()}>
          <Show when={points().length > 0} fallback={<p data-testid="history-empty">{t('training:history.empty')}</p>}>
            <ProgressChart points={points()} />
            <TableScroll label={t('training:history.table')}>
              <table class="debrief-table" data-testid="history-table">
                <caption>{t('training:history.table')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('training:history.date')}</th>
                    <th scope="col">{t('training:history.scenario')}</th>
                    <th scope="col">{t('training:history.score')}</th>
                    <th scope="col">{t('training:history.result')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={points()}>
                    {(p) => (
                      <tr data-testid="history-row" data-score={p.score}>
                        <td>{formatDateTime(p.at, locale())}</td>
                        <th scope="row">{p.personaName}</th>
                        <td class="num">{p.score}</td>
                        <td>{p.passed ? t('training:history.pass') : t('training:history.fail')}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </TableScroll>
          </Show>
        </Match>
      </Switch>
    </section>
  );
}
