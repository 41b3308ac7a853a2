import { A, useLocation, useParams, useSearchParams } from '@solidjs/router';
import { createEffect, createResource, createSignal, Match, onCleanup, Switch, type JSX } from 'solid-js';
import { openCallSession, type OpenedCall } from '../../session/call-session';
import { useTeamReady } from '../../session/team-context';
import { useServices } from '../../session/store-context';
import { loadNamespacesIn, t } from '../../i18n';
import { browserCallRescue } from '../../storage/call-rescue';
import { DebtorNotFound } from '../../ui/DebtorNotFound';
import { usePageTitle } from '../../ui/page-title';
import { yieldToMain } from '../../session/after-paint';
import { asksToStart, START_CALL_PARAM } from '../../ui/call-links';
import { storageErrorMessage } from '../../ui/storage-error';
import { CallScreen } from './CallScreen';
import './call.css';

function Notice(props: { title: string; body: string; debtorId: string; testId: string; onNewCall?: () => void; newCallLabel?: string }): JSX.Element {
  return (
    <section class="page page--narrow" data-testid={props.testId}>
      <h1>{props.title}</h1>
      <p>{props.body}</p>
      <div class="actions">
        <A class="btn" href={`/debtors/${encodeURIComponent(props.debtorId)}`}>
          {t('callscreen:outcome.backToDossier')}
        </A>
        {props.onNewCall && (
          <button type="button" class="btn btn--primary" data-testid="start-new-call" onClick={() => props.onNewCall?.()}>
            {props.newCallLabel ?? t('callscreen:startNew')}
          </button>
        )}
      </div>
    </section>
  );
}

/**
 * `/debtors/:id/call`: resumes the debtor's call in progress. A new call starts only when asked: by a start
 * link (`?start=1`, then dropped from the address so Back or a reload never starts another) or by this
 * page's button. A stored call that cannot resume has already been saved into the dossier when this page
 * says so.
 */
export default function CallPage(): JSX.Element {
  const params = useParams<{ id: string }>();
  const [search, setSearch] = useSearchParams();
  const location = useLocation();
  const services = useServices();
  // Connected to a team: the call holds the debtor's lock on the server while it lasts (no-op alone).
  const team = useTeamReady();
  const [attempt, setAttempt] = createSignal({ n: 0, start: asksToStart(search[START_CALL_PARAM]) });
  let gone = false;
  onCleanup(() => (gone = true));
  const [opened] = createResource(
    () => ({ id: params.id, attempt: attempt() }),
    async ({ id, attempt: { start } }): Promise<OpenedCall> => {
      // Without the library (its chunk not cached offline) a new call takes the built-in script.
      const scripts = await services.scripts().catch(() => null);
      const result = await openCallSession(id, { store: services.store, rescue: browserCallRescue(), start, scripts, teamLock: (await team)?.callLocks ?? null });
      if (result.kind === 'recovered') services.dataChanged();
      // What the agent reads out is in the script's language, whatever the interface's.
      if (result.kind === 'session') await loadNamespacesIn(result.session.script.locale, ['callscreen']).catch(() => undefined);
      // The machine was restored and started in the task that opened the call: the screen renders in the next
      // one, so neither holds the main thread for both (what the agent sees first is no later for it).
      await yieldToMain();
      // Left before the call opened: let its lock and pending write go.
      if (gone && result.kind === 'session') result.session.dispose();
      return result;
    },
  );
  // The start intent is spent once the call is open: this history entry now only resumes (Back, reload).
  createEffect(() => {
    if (opened.state === 'ready' && search[START_CALL_PARAM] !== undefined) setSearch({ [START_CALL_PARAM]: undefined }, { replace: true, scroll: false, state: location.state });
  });
  usePageTitle(() => {
    const result = opened.state === 'ready' ? opened() : undefined;
    if (result?.kind === 'not_found') return t('debtorNotFound.title');
    return result?.kind === 'session' ? t('callscreen:pageTitle', { name: result.session.bundle.debtor.name }) : t('callscreen:pageTitleShort');
  });
  const again = () => setAttempt((a) => ({ n: a.n + 1, start: true }));

  return (
    <Switch fallback={<p class="page page-loading" role="status">{t('loading')}</p>}>
      <Match when={opened.error as unknown}>
        <section class="page page--narrow" role="alert">
          <h1>{t('callscreen:openFailed')}</h1>
          <p>{storageErrorMessage(opened.error)}</p>
        </section>
      </Match>
      <Match when={opened()?.kind === 'not_found'}>
        <DebtorNotFound testId="call-not-found" />
      </Match>
      <Match when={opened()?.kind === 'recovered' && opened()}>
        {(r) => (
          <Notice
            testId="call-recovered"
            title={t('callscreen:recovered.title')}
            body={r().kind === 'recovered' && (r() as Extract<OpenedCall, { kind: 'recovered' }>).activity ? t('call:restore.recovered') : t('callscreen:recovered.empty')}
            debtorId={params.id}
            onNewCall={again}
          />
        )}
      </Match>
      <Match when={opened()?.kind === 'unreadable'}>
        <Notice testId="call-unreadable" title={t('callscreen:recovered.title')} body={t('call:restore.unreadable')} debtorId={params.id} onNewCall={again} />
      </Match>
      <Match when={opened()?.kind === 'none'}>
        <Notice
          testId="call-none"
          title={t('callscreen:none.title')}
          body={t('callscreen:none.body')}
          debtorId={params.id}
          onNewCall={again}
          newCallLabel={t('callscreen:none.start')}
        />
      </Match>
      <Match when={opened()?.kind === 'busy'}>
        <Notice testId="call-busy" title={t('callscreen:pageTitleShort')} body={t('callscreen:busy')} debtorId={params.id} />
      </Match>
      <Match when={opened()?.kind === 'session' && opened()}>
        {(o) => <CallScreen session={(o() as Extract<OpenedCall, { kind: 'session' }>).session} />}
      </Match>
    </Switch>
  );
}
