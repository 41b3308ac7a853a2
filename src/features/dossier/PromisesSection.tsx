import { For, Show, type JSX } from 'solid-js';
import type { PaymentPromise } from '../../domain/entities';
import { formatDate, formatMoney } from '../../domain/format';
import { t } from '../../i18n';
import { locale } from '../../ui/locale';

const STATUS_BADGE: Record<PaymentPromise['status'], string> = {
  pending: 'badge--info',
  kept: 'badge--ok',
  partial: 'badge--warning',
  broken: 'badge--alert',
};

export function PromisesSection(props: { promises: PaymentPromise[] }): JSX.Element {
  const money = (cents: number) => formatMoney(cents, locale());
  return (
    <section class="card" data-testid="promises" aria-labelledby="promises-title">
      <h2 id="promises-title">{t('dossier:promises.title')}</h2>
      <Show when={props.promises.length > 0} fallback={<p class="muted">{t('dossier:promises.none')}</p>}>
        <ul class="promises">
          <For each={props.promises}>
            {(promise) => (
              <li class="promise">
                <p class="promise__line">
                  <span class="strong">{money(promise.amountCents)}</span>
                  <span>{t('dossier:promises.due', { date: formatDate(promise.dueDate, locale()) })}</span>
                  <span class={`badge ${STATUS_BADGE[promise.status]}`}>{t(`dossier:promises.status.${promise.status}`)}</span>
                </p>
                <p class="muted promise__detail">
                  {t(`dossier:promises.means.${promise.means}`)}
                  <Show when={promise.paidCents > 0}>
                    {' · '}
                    {t('dossier:promises.paid', { amount: money(promise.paidCents) })}
                  </Show>
                </p>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
