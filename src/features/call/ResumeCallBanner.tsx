import { A } from '@solidjs/router';
import { createResource, For, Show, type JSX } from 'solid-js';
import { useServices } from '../../app/store-context';
import { formatDateTime } from '../../domain/format';
import { loadNamespaces, t } from '../../i18n';
import { locale } from '../../ui/locale';

/**
 * "Resume the call in progress": shown on a dossier (or, without `debtorId`, wherever every call in progress
 * should be offered) when a call was left mid-way — tab closed, browser killed. Light on purpose: it reads
 * the call records only, the call screen does the restoring. Styled with the shared classes only, since it
 * shows on pages that do not load the call screen's stylesheet.
 */
export function ResumeCallBanner(props: { debtorId?: string }): JSX.Element {
  const { store } = useServices();
  const [calls] = createResource(
    () => props.debtorId ?? '*',
    async (id) => {
      // A banner must never break the page it sits on: no calls readable, no banner.
      const calls = await Promise.resolve()
        .then(() => store.activeCalls(id === '*' ? undefined : id))
        .catch(() => []);
      // The banner's words come with it, and only when there is a call to resume.
      if (calls.length > 0) await loadNamespaces(['callscreen']);
      // Away from the dossier (the worklist), the agent needs to know whose call it is.
      return Promise.all(
        calls.map(async (call) => ({
          ...call,
          name: id === '*' ? await store.getDossier(call.debtorId).then((d) => d?.debtor.name, () => undefined) : undefined,
        })),
      );
    },
  );
  return (
    <Show when={(calls() ?? []).length > 0}>
      <div class="notice notice--warning" role="region" aria-label={t('callscreen:resume.label')} data-testid="resume-call">
        <For each={calls()}>
          {(call) => (
            <>
              <p class="strong">
                {call.name
                  ? t('callscreen:resume.bodyFor', { name: call.name, at: formatDateTime(call.updatedAt, locale()) })
                  : t('callscreen:resume.body', { at: formatDateTime(call.updatedAt, locale()) })}
              </p>
              <A class="btn btn--primary" href={`/debtors/${encodeURIComponent(call.debtorId)}/call`} data-testid="resume-call-link">
                {t('callscreen:resume.action')}
              </A>
            </>
          )}
        </For>
      </div>
    </Show>
  );
}
