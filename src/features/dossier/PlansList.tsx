import { A } from '@solidjs/router';
import { createResource, For, Show, type JSX } from 'solid-js';
import { useServices } from '../../session/store-context';
import { formatDate, formatMoney } from '../../domain/format';
import { t } from '../../i18n';
import { locale } from '../../ui/locale';
import { storageErrorMessage } from '../../ui/storage-error';
import { PlanStatusBadge } from '../../ui/PlanSummary';

/** The dossier's payment plans, one line each, with the way to the team lead's decision page. */
export function PlansList(props: { debtorId: string }): JSX.Element {
  const { store } = useServices();
  const [plans] = createResource(() => props.debtorId, (debtorId) => store.listPlans({ debtorId }));
  return (
    <div data-testid="dossier-plans">
      <h3>{t('plans:dossier.title')}</h3>
      <Show when={plans.state === 'errored'}>
        <p class="field__error" role="alert">
          {storageErrorMessage(plans.error)}
        </p>
      </Show>
      <Show when={plans.state === 'ready' && (plans() ?? []).length > 0} fallback={<p class="muted">{t('plans:dossier.none')}</p>}>
        <ul class="plain-list">
          <For each={plans()}>
            {(plan) => (
              <li class="plan-line" data-testid="dossier-plan" data-status={plan.status}>
                <PlanStatusBadge status={plan.status} />{' '}
                {t('plans:dossier.line', {
                  count: plan.instalments.length,
                  amount: formatMoney(plan.totalCents, locale()),
                  date: formatDate(plan.instalments[0]?.dueDate ?? plan.createdAt, locale()),
                })}
              </li>
            )}
          </For>
        </ul>
      </Show>
      <p>
        <A href="/plans">{t('plans:dossier.all')}</A>
      </p>
    </div>
  );
}
