import { A } from '@solidjs/router';
import { For, Show, type JSX } from 'solid-js';
import { t } from '../../i18n';
import { usePageTitle } from '../../ui/page-title';
import { personasForLanguage } from './personas';
import { TrainingNav } from './TrainingNav';
import './training.css';

/** `/training`: the scenarios, one per persona, each with the brief the trainee reads before dialling. */
export default function TrainingPage(): JSX.Element {
  usePageTitle(() => t('training:title'));
  return (
    <section class="page training-page" data-testid="training-page" aria-labelledby="training-title">
      <h1 id="training-title">{t('training:title')}</h1>
      <TrainingNav />
      <p class="muted">{t('training:intro')}</p>
      <h2>{t('training:scenarios.heading')}</h2>
      <ul class="scenario-grid">
        <For each={personasForLanguage()}>
          {(persona) => {
            const headingId = `scenario-${persona.id}`;
            return (
              <li class="card scenario" data-testid="scenario" data-persona={persona.id} aria-labelledby={headingId}>
                <h3 id={headingId} class="scenario__title">
                  {persona.name}
                  <Show when={persona.special !== 'none'}>
                    {' '}
                    <span class="badge badge--info">{t(`training:scenarios.special.${persona.special}`)}</span>
                  </Show>
                </h3>
                <p>{persona.summary}</p>
                <p class="small strong">{t('training:scenarios.traits')}</p>
                <ul class="small scenario__traits">
                  <For each={persona.traits}>{(trait) => <li>{trait}</li>}</For>
                </ul>
                <A class="btn btn--primary" href={`/training/${encodeURIComponent(persona.id)}`} data-testid={`start-${persona.id}`}>
                  {t('training:scenarios.start', { name: persona.dossier.contacts[0] ? `${persona.dossier.contacts[0].first} ${persona.dossier.contacts[0].last}` : persona.name })}
                </A>
              </li>
            );
          }}
        </For>
      </ul>
    </section>
  );
}
