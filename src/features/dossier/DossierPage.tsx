import { A, useParams } from '@solidjs/router';
import { createEffect, createMemo, createResource, Match, on, Switch, type JSX } from 'solid-js';
import { useServices } from '../../session/store-context';
import { todayIso } from '../../session/today';
import type { DebtorBundle } from '../../domain/bundle';
import { t } from '../../i18n';
import { usePageTitle } from '../../ui/page-title';
import { storageErrorMessage } from '../../ui/storage-error';
import { ResumeCallBanner } from '../../ui/ResumeCallBanner';
import { resumableCalls } from '../../session/resumable-calls';
import { AfterCallPanels } from './AfterCallPanels';
import { promiseView } from '../../domain/payments/promise-view';
import { ContactsSection } from './ContactsSection';
import { DossierHeader } from './DossierHeader';
import { DossierLostEdits } from './DossierLostEdits';
import { dossierTotals, groupInvoices, openTasks, promiseOrder, timelineOrder } from './dossier-view';
import { InvoicesSection } from './InvoicesSection';
import { PromisesSection } from './PromisesSection';
import { TasksSection } from './TasksSection';
import { HistorySegmentSection } from './HistorySegmentSection';
import { historySegmentView } from './history-segment-view';
import { TimelineSection } from './TimelineSection';
import '../../styles/dossier.css';

function Dossier(props: { bundle: DebtorBundle; refetch: () => void }): JSX.Element {
  const { store } = useServices();
  const today = todayIso();
  const groups = createMemo(() => groupInvoices(props.bundle.invoices, today));
  return (
    <article class="page dossier" data-testid="dossier">
      <DossierHeader debtor={props.bundle.debtor} totals={dossierTotals(groups())} history={historySegmentView(props.bundle, today).effective} onKindChanged={props.refetch} />
      <ResumeCallBanner scope={props.bundle.debtor.id} load={(id) => resumableCalls(store, id)} />
      <DossierLostEdits bundle={props.bundle} />
      <div class="dossier-grid">
        <div class="dossier-people">
          <ContactsSection contacts={props.bundle.contacts} />
          <PromisesSection promises={promiseOrder(promiseView(props.bundle, today).promises)} />
          <TasksSection tasks={openTasks(props.bundle.tasks)} today={today} debtorName={props.bundle.debtor.name} />
          <HistorySegmentSection bundle={props.bundle} today={today} onChanged={props.refetch} />
        </div>
        <AfterCallPanels bundle={props.bundle} today={today} />
        <InvoicesSection groups={groups()} />
        <TimelineSection activities={timelineOrder(props.bundle.activities)} invoices={props.bundle.invoices} />
      </div>
    </article>
  );
}

/** `/debtors/:id`: everything the agent needs at a glance before and during a call. */
export default function DossierPage(): JSX.Element {
  const params = useParams<{ id: string }>();
  const { store, dataVersion } = useServices();
  const [bundle, { mutate }] = createResource(() => params.id, (id) => store.getDossier(id));
  // After an edit made on the page itself: the fresh dossier replaces the shown one in place (a refetch would
  // pass through the loading state and unmount the section that holds the focus and its status message).
  const reload = async () => {
    const next = await store.getDossier(params.id);
    if (next) mutate(next);
  };
  // Data changed elsewhere (a teammate's records pulled from the team, another screen's write): read again, in place.
  createEffect(on(dataVersion, () => void reload(), { defer: true }));
  usePageTitle(() => (bundle.state === 'ready' ? bundle()?.debtor.name ?? t('dossier:notFound.title') : undefined));

  return (
    <Switch fallback={<p class="page page-loading" role="status">{t('loading')}</p>}>
      <Match when={bundle.error as unknown}>
        <section class="page page--narrow" role="alert">
          <h1>{t('dossier:loadFailed')}</h1>
          <p>{storageErrorMessage(bundle.error)}</p>
        </section>
      </Match>
      <Match when={bundle.state === 'ready' && !bundle()}>
        <section class="page page--narrow" data-testid="dossier-not-found">
          <h1>{t('dossier:notFound.title')}</h1>
          <p>{t('dossier:notFound.body')}</p>
          <p>
            <A href="/" end>{t('backToWorklist')}</A>
          </p>
        </section>
      </Match>
      <Match when={bundle.state === 'ready' && bundle()}>{(ready) => <Dossier bundle={ready()} refetch={() => void reload()} />}</Match>
    </Switch>
  );
}
