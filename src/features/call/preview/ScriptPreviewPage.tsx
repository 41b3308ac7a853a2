import { A, useParams } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Match, Show, Switch, type JSX } from 'solid-js';
import { toSearchKey } from '../../../domain/text';
import type { DebtorSummary } from '../../../domain/summary';
import { t } from '../../../i18n';
import { editableDraft } from '../../../scripts/library';
import { openPreviewCall, type PreviewCall } from '../../../session/preview-session';
import { createAppServices, ServicesProvider, useServices } from '../../../session/store-context';
import { usePageTitle } from '../../../ui/page-title';
import { storageErrorMessage } from '../../../ui/storage-error';
import { CallScreen } from '../CallScreen';
import '../call.css';
import './preview.css';

/** How many dossiers the chooser lists at once: enough to pick from, few enough to read. */
const SHOWN = 20;

/**
 * `/scripts/:id/preview`: the script's draft on the real call screen, walked with the real call machine over
 * a sandbox (session/preview-session.ts). The screens inside get services whose store is the sandbox, so
 * nothing they write — the call, its outcome, a recap sent — reaches the agent's data.
 */
export default function ScriptPreviewPage(): JSX.Element {
  const params = useParams<{ id: string }>();
  const services = useServices();
  const [script] = createResource(
    () => params.id,
    async (id) => {
      const library = await services.scripts();
      const record = await library.getScript(id);
      if (!record) return null;
      const current = record.currentVersion > 0 ? await library.getVersion(id, record.currentVersion) : undefined;
      const draft = editableDraft(record, current);
      return draft ? { name: record.name, draft } : null;
    },
  );
  const [summaries] = createResource(() => services.dataVersion() + 1, () => services.store.listSummaries());
  const [query, setQuery] = createSignal('');
  const matches = createMemo<DebtorSummary[]>(() => {
    const key = toSearchKey(query());
    const all = summaries() ?? [];
    const found: DebtorSummary[] = [];
    for (const s of all) {
      if (found.length >= SHOWN) break;
      if (key === '' || s.searchKey.includes(key)) found.push(s);
    }
    return found;
  });
  const [chosen, setChosen] = createSignal<string | null>(null);
  const [preview] = createResource(
    () => {
      const s = script();
      const debtorId = chosen();
      return s && debtorId ? { debtorId, draft: s.draft } : false;
    },
    ({ debtorId, draft }): Promise<PreviewCall | null> => openPreviewCall(debtorId, draft, { store: services.store }),
  );
  usePageTitle(() => t('studio:preview.title', { name: script()?.name ?? '' }));
  const editorHref = () => `/scripts/${encodeURIComponent(params.id)}`;
  let searchInput: HTMLInputElement | undefined;
  const chooseAnother = () => {
    setChosen(null);
    queueMicrotask(() => searchInput?.focus());
  };

  const banner = (
    <p class="notice notice--warning preview-banner" role="note" data-testid="preview-banner">
      {t('studio:preview.banner')}
    </p>
  );

  return (
    <Switch fallback={<p class="page page-loading" role="status">{t('loading')}</p>}>
      <Match when={(script.error ?? preview.error) as unknown}>
        <section class="page page--narrow" role="alert">
          <h1>{t('studio:preview.title', { name: '' })}</h1>
          <p>{storageErrorMessage(script.error ?? preview.error)}</p>
        </section>
      </Match>
      <Match when={script.state === 'ready' && script() === null}>
        <section class="page page--narrow">
          <h1>{t('studio:preview.title', { name: params.id })}</h1>
          <p>{t('studio:preview.missing')}</p>
          <A href="/scripts">{t('studio:backToLibrary')}</A>
        </section>
      </Match>
      <Match when={chosen() ? preview() : undefined}>
        {(p) => (
          <div class="preview" data-testid="preview">
            <div class="preview-bar page">
              {banner}
              <p class="muted">{t('studio:preview.script', { name: script()?.name ?? '', version: p().session.script.version })}</p>
              <div class="actions actions--tight">
                <button type="button" class="btn" data-testid="preview-other" onClick={chooseAnother}>
                  {t('studio:preview.other')}
                </button>
                <A class="btn" href={editorHref()}>
                  {t('studio:preview.back')}
                </A>
              </div>
            </div>
            <ServicesProvider services={createAppServices(p().store, services.settings())}>
              <CallScreen session={p().session} />
            </ServicesProvider>
          </div>
        )}
      </Match>
      <Match when={script() && !chosen()}>
        <section class="page page--narrow preview-choose" aria-labelledby="preview-title" data-testid="preview-choose">
          <h1 id="preview-title">{t('studio:preview.title', { name: script()?.name ?? '' })}</h1>
          {banner}
          <p>{t('studio:preview.intro')}</p>
          <p>
            <A href={editorHref()}>{t('studio:preview.back')}</A>
          </p>
          <div class="field">
            <label for="preview-search">{t('studio:preview.search')}</label>
            <input
              ref={(el) => (searchInput = el)}
              id="preview-search"
              type="search"
              class="input"
              data-testid="preview-search"
              value={query()}
              onInput={(e) => setQuery(e.currentTarget.value)}
            />
          </div>
          <Show when={summaries()} fallback={<p role="status">{t('loading')}</p>}>
            {(all) => (
              <>
                <p class="muted" role="status">
                  {matches().length === 0 ? t('studio:preview.none') : t('studio:preview.results', { shown: matches().length, total: all().length })}
                </p>
                <ul class="preview-list">
                  <For each={matches()}>
                    {(s) => (
                      <li>
                        <button type="button" class="btn preview-list__pick" data-testid="preview-debtor" data-debtor={s.debtorId} onClick={() => setChosen(s.debtorId)}>
                          {t('studio:preview.choose', { name: s.name })}
                        </button>
                      </li>
                    )}
                  </For>
                </ul>
              </>
            )}
          </Show>
        </section>
      </Match>
    </Switch>
  );
}
