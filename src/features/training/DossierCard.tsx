import { For, Show, type JSX } from 'solid-js';
import { buildCallFacts } from '../../domain/call/facts';
import { formatDate, formatMoney } from '../../domain/format';
import { t } from '../../i18n';
import { locale } from '../../ui/locale';
import type { Simulation } from './simulation';

/** The generated dossier at a glance, as the agent would see it before dialling (all of it fictional). */
export function DossierCard(props: { sim: Simulation }): JSX.Element {
  const bundle = () => props.sim.setup.dossier.bundle;
  const facts = () => buildCallFacts(bundle(), { agentName: '', company: '' }, props.sim.setup.call.today);
  const line = (f: { number: string; outstandingCents: number; dueDate: string }) =>
    t('training:sim.invoiceLine', { number: f.number, amount: formatMoney(f.outstandingCents, locale()), date: formatDate(f.dueDate, locale()) });
  return (
    <aside class="card sim-dossier" aria-labelledby="sim-dossier-title" data-testid="sim-dossier">
      <h2 id="sim-dossier-title">{t('training:sim.dossier')}</h2>
      <p class="strong">{bundle().debtor.name}</p>
      <Show when={facts().contact}>{(c) => <p>{t('training:sim.contact', { name: c().name })}</p>}</Show>
      <p>{t('training:sim.overdue', { amount: formatMoney(facts().totalOverdueCents, locale()) })}</p>
      <ul class="small sim-dossier__list">
        <For each={facts().overdue}>{(f) => <li>{line(f)}</li>}</For>
      </ul>
      <Show when={facts().upcoming.length > 0}>
        <p>{t('training:sim.upcoming', { amount: formatMoney(facts().totalUpcomingCents, locale()) })}</p>
        <ul class="small sim-dossier__list">
          <For each={facts().upcoming}>{(f) => <li>{line(f)}</li>}</For>
        </ul>
      </Show>
      <Show when={bundle().activities.length > 0}>
        <h3 class="small strong">{t('training:sim.historyHeading')}</h3>
        <ul class="small sim-dossier__list">
          <For each={bundle().activities}>
            {(a) => (
              <li>
                {formatDate(a.at.slice(0, 10), locale())} — {a.summary}
              </li>
            )}
          </For>
        </ul>
      </Show>
    </aside>
  );
}
