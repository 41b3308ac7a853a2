import { A, useParams } from '@solidjs/router';
import { createResource, Match, Show, Switch, type JSX } from 'solid-js';
import { useServices } from '../../session/store-context';
import { useCanLead } from '../../session/team-context';
import { t } from '../../i18n';
import { editableDraft } from '../../scripts/library';
import { usePageTitle } from '../../ui/page-title';
import { storageErrorMessage } from '../../ui/storage-error';
import { ScriptEditor } from './ScriptEditor';
import './studio.css';

/** `/scripts/:id`: one team script in the editor (read-only for agents and for an archived script). */
export default function ScriptEditorPage(): JSX.Element {
  const params = useParams<{ id: string }>();
  const services = useServices();
  const canLead = useCanLead();
  const [data, { refetch }] = createResource(
    () => params.id,
    async (id) => {
      const library = await services.scripts();
      const [record, versions, studio] = await Promise.all([library.getScript(id), library.listVersions(id), library.getStudioSettings()]);
      if (!record) return { kind: 'missing' as const };
      const current = versions.find((v) => v.version === record.currentVersion);
      const lead = canLead();
      // An agent reads what is in service; a lead edits the draft (or a fresh copy of the current version).
      const initial = lead ? editableDraft(record, current) : (current?.script ?? record.draft);
      return { kind: 'found' as const, library, record, versions, budget: studio.sayWordBudget, lead, initial };
    },
  );
  usePageTitle(() => {
    const d = data();
    return d?.kind === 'found' ? d.record.name : t('studio:title');
  });
  return (
    <section class="page studio-page" aria-labelledby="studio-script-title">
      <p>
        <A href="/scripts">{t('studio:backToLibrary')}</A>
      </p>
      <Switch fallback={<p role="status">{t('loading')}</p>}>
        <Match when={data.error as unknown}>
          <p class="notice notice--error" role="alert">
            {storageErrorMessage(data.error)}
          </p>
        </Match>
        <Match when={data()?.kind === 'missing'}>
          <h1 id="studio-script-title">{t('studio:missing.title')}</h1>
          <p>{t('studio:missing.body')}</p>
        </Match>
        <Match when={(() => { const d = data(); return d?.kind === 'found' ? d : undefined; })()}>
          {(d) => (
            <>
              <h1 id="studio-script-title">
                {d().record.name} <span class="badge badge--neutral">{t(`studio:status.${d().record.status}`)}</span>
              </h1>
              <p class="muted">
                {t('studio:editor.meta', { locale: t(`studio:locales.${d().record.locale}`), version: d().record.currentVersion })}
                <Show when={!d().lead}> · {t('studio:readOnly')}</Show>
              </p>
              <Show when={d().initial} fallback={<p class="notice notice--warning">{t('studio:editor.nothingToShow')}</p>}>
                {(initial) => (
                  <ScriptEditor
                    library={d().library}
                    record={d().record}
                    versions={d().versions}
                    initial={initial()}
                    budget={d().budget}
                    lead={d().lead}
                    editorName={services.settings().agentName}
                    changed={() => void refetch()}
                  />
                )}
              </Show>
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
}
