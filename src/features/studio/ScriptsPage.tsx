import { A, useNavigate } from '@solidjs/router';
import { createResource, createSignal, For, Match, Show, Switch, type JSX } from 'solid-js';
import { useServices } from '../../session/store-context';
import { useCanLead } from '../../session/team-context';
import { formatDateTime } from '../../domain/format';
import { t } from '../../i18n';
import { BUILTIN_SCRIPTS } from '../../scripts/builtin';
import { newScriptRecord, type ScriptRecord, type StudioSettings } from '../../scripts/library';
import { buildPack, packFileName } from '../../scripts/pack';
import type { CallScript } from '../../scripts/schema';
import type { ScriptLibrary } from '../../storage/script-library-api';
import { locale } from '../../ui/locale';
import { usePageTitle } from '../../ui/page-title';
import { libraryErrorMessage as storageErrorMessage } from './library-error';
import { AssignmentsPanel } from './AssignmentsPanel';
import { PackImport } from './PackImport';
import { ScriptRow } from './ScriptRow';
import { submitOnce } from '../../ui/submit-once';
import './studio.css';

/** A new id from the name: readable in packs and URLs, unique with a short random tail. */
function newScriptId(name: string): string {
  const slug = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'script';
  return `team.${slug}-${crypto.randomUUID().slice(0, 6)}`;
}

/** `/scripts`: the built-in templates, the team's scripts, who gets which, and packs in and out. */
export default function ScriptsPage(): JSX.Element {
  const services = useServices();
  const navigate = useNavigate();
  usePageTitle(() => t('studio:title'));
  // Once connected, the server's role decides (session/team-session.ts).
  const lead = useCanLead();
  const [data, { refetch }] = createResource(
    () => services.dataVersion(),
    async () => {
      const library = await services.scripts();
      const [scripts, studio] = await Promise.all([library.listScripts(), library.getStudioSettings()]);
      scripts.sort((a, b) => (a.status === 'archived' ? 1 : 0) - (b.status === 'archived' ? 1 : 0) || a.name.localeCompare(b.name));
      return { library, scripts, studio };
    },
  );
  const [selected, setSelected] = createSignal<Set<string>>(new Set());
  const [failure, setFailure] = createSignal('');
  const [budget, setBudget] = createSignal<string>('');

  const duplicate = async (library: ScriptLibrary, from: CallScript) => {
    setFailure('');
    const name = t('studio:library.copyName', { name: from.name });
    const id = newScriptId(name);
    try {
      await library.createScript(newScriptRecord(id, from, name, services.settings().agentName, new Date().toISOString(), from.id.startsWith('builtin.') ? from.id : undefined));
      navigate(`/scripts/${encodeURIComponent(id)}`);
    } catch (e) {
      setFailure(storageErrorMessage(e));
    }
  };

  const exportPack = async (library: ScriptLibrary, scripts: ScriptRecord[]) => {
    setFailure('');
    const ids = [...selected()];
    const entries = await library.exportScripts(ids);
    if (entries.length === 0) return setFailure(t('studio:pack.nothingToExport'));
    const pack = await buildPack(entries, services.settings().agentName, new Date());
    const names = entries.map((e) => scripts.find((s) => s.id === e.id)?.name ?? e.id);
    const blob = new Blob([JSON.stringify(pack, null, 2)], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = packFileName(names, new Date().toISOString().slice(0, 10));
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1_000);
  };

  const saveBudget = async (library: ScriptLibrary, studio: StudioSettings) => {
    setFailure('');
    const value = Number(budget());
    if (!Number.isInteger(value) || value < 10 || value > 200) return setFailure(t('studio:library.budgetRange'));
    try {
      await library.putStudioSettings({ ...studio, sayWordBudget: value });
      void refetch();
    } catch (e) {
      setFailure(storageErrorMessage(e));
    }
  };

  return (
    <section class="page studio-page" aria-labelledby="studio-title" data-testid="studio-library">
      <h1 id="studio-title">{t('studio:title')}</h1>
      <p class="muted">{lead() ? t('studio:library.introLead') : t('studio:library.introAgent')}</p>
      <p class="field__error" role="alert">
        {failure()}
      </p>
      <Switch fallback={<p role="status">{t('loading')}</p>}>
        <Match when={data.error as unknown}>
          <p role="alert">{storageErrorMessage(data.error)}</p>
        </Match>
        {/* `latest`, not `data()`: a refetch (after a save) keeps the page, and the keyboard's focus, where it is. */}
        <Match when={data.latest}>
          {(d) => (
            <>
              <section class="card" aria-labelledby="templates-head">
                <h2 id="templates-head">{t('studio:library.templates')}</h2>
                <ul class="studio-templates">
                  <For each={BUILTIN_SCRIPTS}>
                    {(s) => (
                      <li>
                        <span>
                          {s.name} ({t(`studio:locales.${s.locale}`)})
                        </span>
                        <Show when={lead()}>
                          <button type="button" class="btn" onClick={() => void duplicate(d().library, s)} data-testid={`studio-duplicate-${s.locale}`}>
                            {t('studio:library.duplicate')}
                            <span class="sr-only"> {s.name}</span>
                          </button>
                        </Show>
                      </li>
                    )}
                  </For>
                </ul>
              </section>
              <section class="card" aria-labelledby="team-head">
                <h2 id="team-head">{t('studio:library.team')}</h2>
                <Show when={d().scripts.length > 0} fallback={<p class="muted">{t('studio:library.none')}</p>}>
                  <div class="table-scroll">
                    <table class="studio-table" data-testid="studio-scripts">
                      <caption class="sr-only">{t('studio:library.team')}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('studio:library.select')}</th>
                          <th scope="col">{t('studio:library.name')}</th>
                          <th scope="col">{t('studio:library.status')}</th>
                          <th scope="col">{t('studio:library.version')}</th>
                          <th scope="col">{t('studio:library.edited')}</th>
                          <th scope="col">{t('studio:library.assigned')}</th>
                          <th scope="col">{t('studio:library.actions')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        <For each={d().scripts}>
                          {(s) => (
                            <ScriptRow
                              script={s}
                              studio={d().studio}
                              lead={lead()}
                              library={d().library}
                              editorName={services.settings().agentName}
                              edited={formatDateTime(s.updatedAt, locale())}
                              selected={selected().has(s.id)}
                              onSelect={(on) => {
                                const next = new Set(selected());
                                if (on) next.add(s.id);
                                else next.delete(s.id);
                                setSelected(next);
                              }}
                              changed={() => void refetch()}
                              failed={setFailure}
                            />
                          )}
                        </For>
                      </tbody>
                    </table>
                  </div>
                  <div class="actions">
                    <button type="button" class="btn" disabled={selected().size === 0} onClick={() => void exportPack(d().library, d().scripts)} data-testid="studio-export">
                      {t('studio:pack.export', { count: selected().size })}
                    </button>
                  </div>
                </Show>
              </section>
              <AssignmentsPanel library={d().library} studio={d().studio} scripts={d().scripts} lead={lead()} saved={() => void refetch()} />
              <section class="card" aria-labelledby="budget-head">
                <h2 id="budget-head">{t('studio:library.budgetTitle')}</h2>
                <form
                  class="studio-budget"
                  novalidate
                  onSubmit={submitOnce(async () => {
                    await saveBudget(d().library, d().studio);
                  })}
                >
                  <div class="field">
                    <label for="say-budget">{t('studio:library.budget')}</label>
                    <input id="say-budget" class="input" type="number" inputmode="numeric" min="10" max="200" step="1" disabled={!lead()} value={budget() || String(d().studio.sayWordBudget)} onInput={(e) => setBudget(e.currentTarget.value)} />
                    <p class="field__hint">{t('studio:library.budgetHint')}</p>
                  </div>
                  <Show when={lead()}>
                    <button type="submit" class="btn">
                      {t('studio:library.budgetSave')}
                    </button>
                  </Show>
                </form>
              </section>
              <Show when={lead()}>
                <PackImport library={d().library} editorName={services.settings().agentName} imported={() => void refetch()} />
              </Show>
              <p>
                <A href="/" end>{t('studio:backToWorklist')}</A>
              </p>
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
}
