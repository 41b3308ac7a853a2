/**
 * On the lead's training view: the scores the team's trainees' devices sent through the team server (each
 * finished simulation, `training.score`), with the trainee's name as the server knows it. Shown only to a
 * lead or admin of a device joined to a team; read from the server each time the view opens (a "Refresh"
 * button reads again), since the scores are the team's, not this device's.
 */
import { createResource, For, Match, Show, Switch, type JSX } from 'solid-js';
import { formatDateTime } from '../../domain/format';
import { t } from '../../i18n';
import type { TeamSession } from '../../session/team-session';
import { teamErrorText } from '../../session/team-text';
import { locale } from '../../ui/locale';
import { TableScroll } from './TableScroll';

export function TeamScores(props: { team: TeamSession }): JSX.Element {
  const [scores, { refetch }] = createResource(
    () => props.team,
    async (team) => {
      const result = await team.trainingScores();
      if (!result.ok) throw result.error;
      return result.value;
    },
  );
  return (
    <section class="team-scores" aria-labelledby="team-scores-title" data-testid="team-scores">
      <h2 id="team-scores-title">{t('training:team.fromTeam.heading')}</h2>
      <p class="muted">{t('training:team.fromTeam.intro')}</p>
      <Switch fallback={<p role="status">{t('loading')}</p>}>
        <Match when={scores.error as unknown}>
          <p role="alert" data-testid="team-scores-error">
            {t('training:team.fromTeam.failed', { reason: teamErrorText(scores.error) })}
          </p>
        </Match>
        <Match when={scores()}>
          {(list) => (
            <Show when={list().length > 0} fallback={<p data-testid="team-scores-empty">{t('training:team.fromTeam.empty')}</p>}>
              <TableScroll label={t('training:team.fromTeam.caption', { count: list().length })}>
                <table class="debrief-table" data-testid="team-scores-table">
                  <caption>{t('training:team.fromTeam.caption', { count: list().length })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('training:team.trainee')}</th>
                      <th scope="col">{t('training:team.fromTeam.scenarioDate')}</th>
                      <th scope="col">{t('training:history.score')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={list()}>
                      {(s) => (
                        <tr data-testid="team-score-row">
                          <th scope="row">{s.trainee}</th>
                          {/* Three columns, so the table fits a 390 px phone without scrolling: the date goes under the scenario. */}
                          <td>
                            {s.scenario}
                            <span class="team-scores__date small muted">{formatDateTime(s.at, locale())}</span>
                          </td>
                          <td class="num">{s.score}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </TableScroll>
            </Show>
          )}
        </Match>
      </Switch>
      <div class="actions">
        <button type="button" class="btn" data-testid="team-scores-refresh" onClick={() => void refetch()}>
          {t('training:team.fromTeam.refresh')}
        </button>
      </div>
    </section>
  );
}
