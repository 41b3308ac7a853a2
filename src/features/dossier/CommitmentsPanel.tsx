import { A } from '@solidjs/router';
import { For, Show, type JSX } from 'solid-js';
import type { Debtor } from '../../domain/entities';
import { formatDate, formatMoney } from '../../domain/format';
import { t } from '../../i18n';
import { locale } from '../../ui/locale';
import { PlansList } from './PlansList';
import type { PromiseView } from '../../domain/payments/promise-view';

const RECENT_PAYMENTS = 3;

/**
 * What the debtor committed to and what came in: broken promises so far (seed "Astuces", conseil 4: quote
 * them on the next call), the last payments, the payment plans, and the two actions that change them.
 */
export function CommitmentsPanel(props: { debtor: Debtor; view: PromiseView }): JSX.Element {
  const money = (cents: number) => formatMoney(cents, locale());
  const base = () => `/debtors/${encodeURIComponent(props.debtor.id)}`;
  const recent = () => [...props.view.payments].reverse().slice(0, RECENT_PAYMENTS);
  return (
    <section class="card after-card" aria-labelledby="commitments-title" data-testid="commitments">
      <h2 id="commitments-title">{t('payments:panel.title')}</h2>
      <p class="broken-count" data-testid="promises-broken" data-count={props.view.broken}>
        <span classList={{ badge: true, 'badge--alert': props.view.broken > 0, 'badge--ok': props.view.broken === 0 }}>
          {t('payments:panel.broken', { count: props.view.broken })}
        </span>
        <span class="muted">{t('payments:panel.brokenOf', { count: props.view.promises.length })}</span>
      </p>
      <div class="actions actions--tight">
        <A href={`${base()}/payments/new`} class="btn btn--primary" data-testid="record-payment">
          {t('payments:panel.record')}
        </A>
        <A href={`${base()}/plans/new`} class="btn" data-testid="propose-plan">
          {t('payments:panel.proposePlan')}
        </A>
      </div>
      <h3>{t('payments:panel.recent')}</h3>
      <Show when={recent().length > 0} fallback={<p class="muted">{t('payments:panel.noPayment')}</p>}>
        <ul class="plain-list">
          <For each={recent()}>
            {(p) => (
              <li>
                <span class="strong">{money(p.cents)}</span> <span class="muted">{formatDate(p.date, locale())}</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <PlansList debtorId={props.debtor.id} />
    </section>
  );
}
