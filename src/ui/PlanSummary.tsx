import { For, Show, type JSX } from 'solid-js';
import type { PaymentPlan } from '../domain/entities';
import { formatDate, formatDateTime, formatMoney } from '../domain/format';
import { t } from '../i18n';
import { locale } from './locale';

export const PLAN_BADGE: Record<PaymentPlan['status'], string> = {
  proposed: 'badge--info',
  approved: 'badge--ok',
  rejected: 'badge--alert',
};

export function PlanStatusBadge(props: { status: PaymentPlan['status'] }): JSX.Element {
  return <span class={`badge ${PLAN_BADGE[props.status]}`}>{t(`plans:status.${props.status}`)}</span>;
}

/** A plan's terms: total, penalties included or waived, who proposed and decided, and its instalments. */
export function PlanSummary(props: { plan: PaymentPlan; headingId: string }): JSX.Element {
  const money = (cents: number) => formatMoney(cents, locale());
  const p = () => props.plan;
  return (
    <>
      <p class="plan__terms">
        <span class="strong">{t('plans:total', { amount: money(p().totalCents) })}</span>
        <span>{t(`plans:penalties.${p().penalties}`, { amount: money(p().penaltiesCents) })}</span>
        <span>{t(`dossier:promises.means.${p().means}`)}</span>
      </p>
      <p class="muted plan__who">
        {t('plans:proposedBy', { name: p().proposedBy, when: formatDateTime(p().createdAt, locale()) })}
        <Show when={p().decidedBy && p().decidedAt}>
          {' · '}
          {t(`plans:decidedBy.${p().status}`, { name: p().decidedBy, when: formatDateTime(p().decidedAt ?? '', locale()) })}
        </Show>
      </p>
      <table class="plan-table" aria-labelledby={props.headingId}>
        <thead>
          <tr>
            <th scope="col">{t('plans:col.n')}</th>
            <th scope="col">{t('plans:col.date')}</th>
            <th scope="col" class="num">
              {t('plans:col.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          <For each={p().instalments}>
            {(i, k) => (
              <tr>
                <td>{k() + 1}</td>
                <td>{formatDate(i.dueDate, locale())}</td>
                <td class="num">{money(i.amountCents)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <Show when={p().note.trim()}>
        <p class="plan__note">{p().note}</p>
      </Show>
    </>
  );
}
