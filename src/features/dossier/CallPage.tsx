import { A, useParams } from '@solidjs/router';
import { createResource, For, Match, Show, Switch, type JSX } from 'solid-js';
import { useServices } from '../../app/store-context';
import { t } from '../../i18n';
import { usePageTitle } from '../../ui/page-title';
import { telHref } from './dossier-view';
import '../../styles/dossier.css';

/**
 * `/debtors/:id/call` until the guided call lands: says plainly what is coming and offers the one real action
 * available now, dialling the preferred contact.
 */
export default function CallPage(): JSX.Element {
  const params = useParams<{ id: string }>();
  const { store } = useServices();
  const [bundle] = createResource(() => params.id, (id) => store.getDossier(id));
  usePageTitle(() => t('dossier:call.title'));
  const contacts = () => [...(bundle()?.contacts ?? [])].sort((a, b) => Number(b.preferred) - Number(a.preferred));
  const dossierHref = () => `/debtors/${encodeURIComponent(params.id)}`;

  return (
    <section class="page page--narrow call-soon">
      <h1>{t('dossier:call.title')}</h1>
      <Switch fallback={<p role="status">{t('loading')}</p>}>
        <Match when={bundle.state === 'ready' && !bundle()}>
          <p>{t('dossier:notFound.body')}</p>
        </Match>
        <Match when={bundle()}>
          {(ready) => (
            <>
              <p class="lead">{ready().debtor.name}</p>
              <p>{t('dossier:call.comingSoon')}</p>
              <Show when={contacts().length > 0}>
                <h2>{t('dossier:call.dialNow')}</h2>
                <ul class="contacts">
                  <For each={contacts().filter((c) => c.phone)}>
                    {(c) => (
                      <li class="contact">
                        <a class="btn" href={telHref(c.phone)}>
                          {c.name} · {t(`role.${c.role}`)} · {c.phone}
                        </a>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </>
          )}
        </Match>
      </Switch>
      <p>
        <A href={dossierHref()}>{t('dossier:call.back')}</A>
      </p>
    </section>
  );
}
