import { Match, Switch, type Accessor, type JSX, type Resource } from 'solid-js';
import type { DebtorBundle } from '../domain/bundle';
import { t } from '../i18n';
import { usePageTitle } from './page-title';
import { storageErrorMessage } from './storage-error';

/**
 * The page of a form about one debtor (a payment, a plan proposal): its title, then "loading", a translated
 * storage error, "not found", or the form with what was read and the debtor's name above it.
 */
export function DebtorFormPage<T extends { bundle: DebtorBundle | undefined }>(props: {
  titleId: string;
  title: string;
  data: Resource<T>;
  children: (data: Accessor<T & { bundle: DebtorBundle }>) => JSX.Element;
}): JSX.Element {
  usePageTitle(() => props.title);
  const found = (): (T & { bundle: DebtorBundle }) | undefined => {
    const value = props.data.state === 'ready' ? props.data() : undefined;
    return value?.bundle ? (value as T & { bundle: DebtorBundle }) : undefined;
  };
  return (
    <section class="page page--narrow after-page" aria-labelledby={props.titleId}>
      <h1 id={props.titleId}>{props.title}</h1>
      <Switch fallback={<p role="status">{t('loading')}</p>}>
        <Match when={props.data.error as unknown}>
          <p role="alert">{storageErrorMessage(props.data.error)}</p>
        </Match>
        <Match when={props.data.state === 'ready' && !found()}>
          <p>{t('dossier:notFound.body')}</p>
        </Match>
        <Match when={found()}>
          {(data) => (
            <>
              <p class="lead">{data().bundle.debtor.name}</p>
              {props.children(data)}
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
}
