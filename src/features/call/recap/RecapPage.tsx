import { A, useParams, useSearchParams } from '@solidjs/router';
import { createResource, Match, Switch, type JSX } from 'solid-js';
import { useServices } from '../../../session/store-context';
import type { DebtorBundle } from '../../../domain/bundle';
import type { PaymentPlan } from '../../../domain/entities';
import { t } from '../../../i18n';
import { DebtorNotFound } from '../../../ui/DebtorNotFound';
import { usePageTitle } from '../../../ui/page-title';
import { storageErrorMessage } from '../../../ui/storage-error';
import { latestCall, readRecapCall } from '../../../domain/call/recap-call';
import { RecapPanel } from './RecapPanel';

interface RecapData {
  bundle: DebtorBundle;
  plans: PaymentPlan[];
}

/**
 * `/debtors/:id/recap?call=<activity id>`: the recap email of a past call, reached from the dossier's
 * timeline (the latest call when no call is named), for when it was not sent right after hanging up.
 */
export default function RecapPage(): JSX.Element {
  const params = useParams<{ id: string }>();
  const [search] = useSearchParams<{ call?: string }>();
  const { store } = useServices();
  const [data] = createResource(
    () => params.id,
    async (id): Promise<RecapData | undefined> => {
      const bundle = await store.getDossier(id);
      return bundle ? { bundle, plans: await store.listPlans({ debtorId: id }) } : undefined;
    },
  );
  const activity = () => {
    const d = data();
    if (!d) return undefined;
    const named = typeof search.call === 'string' ? d.bundle.activities.find((a) => a.id === search.call && a.type === 'call') : undefined;
    return named ?? latestCall(d.bundle.activities);
  };
  const plan = () => {
    const planId = activity() ? readRecapCall(activity()!)?.planId : null;
    return data()?.plans.find((p) => p.id === planId) ?? null;
  };
  const dossierHref = () => `/debtors/${encodeURIComponent(params.id)}`;
  usePageTitle(() => {
    if (data.state !== 'ready') return undefined;
    const name = data()?.bundle.debtor.name;
    return name === undefined ? t('debtorNotFound.title') : t('recap:pageTitle', { name });
  });

  return (
    <article class="page page--narrow recap-page" data-testid="recap-page">
      <Switch fallback={<p role="status">{t('loading')}</p>}>
        <Match when={data.error as unknown}>
          <h1>{t('recap:title')}</h1>
          <p role="alert">{storageErrorMessage(data.error)}</p>
        </Match>
        <Match when={data.state === 'ready' && !data()}>
          <DebtorNotFound testId="recap-not-found" inline />
        </Match>
        <Match when={data.state === 'ready' && data()}>
          {(ready) => (
            <>
              <h1>{t('recap:pageTitle', { name: ready().bundle.debtor.name })}</h1>
              <Switch fallback={<p class="muted">{t('recap:noCall')}</p>}>
                <Match when={activity()}>
                  {(call) => (
                    <div class="card">
                      <RecapPanel bundle={ready().bundle} activity={call()} plan={plan()} tasks={ready().bundle.tasks} open heading="h2" />
                    </div>
                  )}
                </Match>
              </Switch>
              <p>
                <A href={dossierHref()} class="btn" data-testid="recap-back">
                  {t('recap:backToDossier')}
                </A>
              </p>
            </>
          )}
        </Match>
      </Switch>
    </article>
  );
}
