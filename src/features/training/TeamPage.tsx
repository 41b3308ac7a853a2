import { createResource, For, Match, Show, Switch, type JSX } from 'solid-js';
import { teamSummary } from '../../domain/training/progress';
import { formatDateTime } from '../../domain/format';
import { t } from '../../i18n';
import { TableScroll } from './TableScroll';
import { locale } from '../../ui/locale';
import { usePageTitle } from '../../ui/page-title';
import { storageErrorMessage } from '../../ui/storage-error';
import { trainingHistory } from '../../session/training-history';
import { TrainingNav } from './TrainingNav';
import { TeamScores } from './TeamScores';
import { useServices } from '../../session/store-context';
import { useTeam } from '../../session/team-context';
import './training.css';

/** `/training/team`: every trainee's sessions on this device, for the team lead (per user once the team server exists). */
export default function TeamPage(): JSX.Element {
  usePageTitle(() => t('training:team.heading'));
  const [records] = createResource(async () => (await trainingHistory()).list());
  const summary = () => teamSummary(records() ?? []);
  const newestFirst = () => [...(records() ?? [])].reverse();
  const services = useServices();
  const team = useTeam();
  // A lead or admin joined to a team also sees the scores the team's trainees sent from their own devices.
  const leadOfTeam = () => {
    const session = team();
    return session?.connected() && session.canLead(services.settings().role) ? session : undefined;
  };
  return (
    <section class="page training-page" data-testid="training-team" aria-labelledby="team-title">
      <h1 id="team-title">{t('training:team.heading')}</h1>
      <TrainingNav />
      <Show when={leadOfTeam()}>{(session) => <TeamScores team={session()} />}</Show>
      <p class="muted">{t('training:team.intro')}</p>
      <Switch fallback={<p role="status">{t('loading')}</p>}>
        <Match when={records.error as unknown}>
          <p role="alert">{storageErrorMessage(records.error)}</p>
        </Match>
        <Match when={records()}>
          <Show when={summary().length > 0} fallback={<p>{t('training:team.empty')}</p>}>
            <TableScroll label={t('training:team.byTrainee')}>
              <table class="debrief-table" data-testid="team-table">
                <caption>{t('training:team.byTrainee')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('training:team.trainee')}</th>
                    <th scope="col">{t('training:team.sessions')}</th>
                    <th scope="col">{t('training:team.passedCount')}</th>
                    <th scope="col">{t('training:team.best')}</th>
                    <th scope="col">{t('training:team.last')}</th>
                    <th scope="col">{t('training:team.trend')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={summary()}>
                    {(s) => (
                      <tr data-testid="team-row">
                        <th scope="row">{s.trainee}</th>
                        <td class="num">{s.sessions}</td>
                        <td class="num">{s.passed}</td>
                        <td class="num">{s.best}</td>
                        <td class="num">{s.last}</td>
                        <td>{t(`training:team.trends.${s.trend}`)}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </TableScroll>
            <TableScroll label={t('training:team.all')}>
              <table class="debrief-table">
                <caption>{t('training:team.all')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('training:history.date')}</th>
                    <th scope="col">{t('training:team.trainee')}</th>
                    <th scope="col">{t('training:history.scenario')}</th>
                    <th scope="col">{t('training:history.score')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={newestFirst()}>
                    {(r) => (
                      <tr>
                        <td>{formatDateTime(r.endedAt, locale())}</td>
                        <td>{r.trainee}</td>
                        <th scope="row">{r.personaName}</th>
                        <td class="num">{r.score}</td>
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
