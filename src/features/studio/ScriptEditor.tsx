import { A, useNavigate } from '@solidjs/router';
import { createMemo, createSignal, For, Match, Show, Switch, type JSX } from 'solid-js';
import { STEP_IDS } from '../../domain/call/steps';
import { t } from '../../i18n';
import type { ScriptRecord, ScriptVersionRecord } from '../../scripts/library';
import { canonicalJson } from '../../scripts/pack';
import type { CallScript } from '../../scripts/schema';
import { canPublish, checkScript } from '../../scripts/studio/checks';
import { record, redo, startHistory, typedSpace, undo, type History } from '../../scripts/studio/history';
import { checkMessage } from '../../scripts/studio/messages';
import { getAt, setAt } from '../../scripts/studio/paths';
import type { ScriptLibrary } from '../../storage/script-library-api';
import { libraryErrorMessage as storageErrorMessage } from './library-error';
import { AnalyticsPanel } from './AnalyticsPanel';
import { ChecksPanel } from './ChecksPanel';
import { EditorContext, type ScriptEditor as EditorApi } from './editor-context';
import { ObjectionsEditor } from './ObjectionsEditor';
import { PublishDialog } from './PublishDialog';
import { RolesEditor } from './RolesEditor';
import { StepEditor } from './StepEditor';
import { useDraftAutosave } from './use-draft-autosave';
import { VersionsPanel } from './VersionsPanel';

type Section = { kind: 'step'; index: number } | { kind: 'objections' } | { kind: 'roles' } | { kind: 'versions' } | { kind: 'analytics' };

export interface ScriptEditorProps {
  library: ScriptLibrary;
  record: ScriptRecord;
  versions: ScriptVersionRecord[];
  initial: CallScript;
  budget: number;
  lead: boolean;
  editorName: string;
  /** Reload the record and versions after a publish or a restore. */
  changed: () => void;
}

/** The section that holds a check's path, so a click on the check can show its field. */
function sectionOf(path: string): Section {
  const step = /^steps\.(\d+)/.exec(path);
  if (step) return { kind: 'step', index: Number(step[1]) };
  if (path.startsWith('objections')) return { kind: 'objections' };
  if (path.startsWith('roles')) return { kind: 'roles' };
  return { kind: 'step', index: 0 };
}

export function ScriptEditor(props: ScriptEditorProps): JSX.Element {
  const [history, setHistory] = createSignal<History<CallScript>>(startHistory(props.initial));
  const [section, setSection] = createSignal<Section>({ kind: 'step', index: 0 });
  const [publishing, setPublishing] = createSignal(false);
  const [failure, setFailure] = createSignal('');
  const readOnly = () => !props.lead || props.record.status === 'archived';
  const autosave = useDraftAutosave(props.library, props.record.id, () => ({ by: props.editorName, at: new Date().toISOString() }));
  const draft = () => history().present;
  const navigate = useNavigate();
  const previewHref = () => `/scripts/${encodeURIComponent(props.record.id)}/preview`;
  /** The preview reads the stored draft: what was just typed is written first. */
  const openPreview = (event: MouseEvent): void => {
    if (event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    void autosave.flush().catch(() => undefined).finally(() => navigate(previewHref()));
  };
  const issues = createMemo(() => checkScript(draft(), { sayWordBudget: props.budget }));
  const byPath = createMemo(() => {
    const map = new Map<string, string[]>();
    for (const issue of issues()) {
      const m = checkMessage(issue);
      map.set(issue.path, [...(map.get(issue.path) ?? []), t(m.key, m.values)]);
    }
    return map;
  });

  /** The draft, when it says something the version in service does not (then it can be compared too). */
  const changedDraft = createMemo(() => {
    const current = props.versions.find((v) => v.version === props.record.currentVersion);
    const same = current && canonicalJson({ ...current.script, version: 0 }) === canonicalJson({ ...draft(), version: 0 });
    return same || readOnly() ? null : draft();
  });

  const commit = (next: History<CallScript>) => {
    if (next === history()) return;
    setHistory(next);
    autosave.push(next.present);
  };
  const api: EditorApi = {
    draft,
    readOnly,
    errorsAt: (path) => byPath().get(path) ?? [],
    edit(path, value) {
      if (readOnly()) return;
      commit(record(history(), setAt(draft(), path, value), path, Date.now(), typedSpace(getAt(draft(), path), value)));
    },
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (readOnly() || !(e.ctrlKey || e.metaKey)) return;
    const key = e.key.toLowerCase();
    if (key === 'z' && !e.shiftKey) {
      e.preventDefault();
      commit(undo(history()));
    } else if ((key === 'z' && e.shiftKey) || key === 'y') {
      e.preventDefault();
      commit(redo(history()));
    }
  };

  const saveLabel = () => {
    const s = autosave.state();
    if (s.error) return t('studio:editor.saveFailed', { reason: storageErrorMessage(s.error) });
    if (s.pending) return t('studio:editor.saving');
    return s.savedAt ? t('studio:editor.saved') : t('studio:editor.upToDate');
  };

  const publish = async (note: string) => {
    setFailure('');
    try {
      await autosave.flush();
      await props.library.publish(props.record.id, note.trim(), { by: props.editorName, at: new Date().toISOString() });
      setPublishing(false);
      props.changed();
    } catch (error) {
      setFailure(storageErrorMessage(error));
    }
  };

  const restore = async (version: number) => {
    setFailure('');
    try {
      await autosave.flush();
      const restored = await props.library.restoreVersion(props.record.id, version, { by: props.editorName, at: new Date().toISOString() });
      if (restored.draft) setHistory(record(history(), restored.draft, 'restore', Date.now()));
      props.changed();
    } catch (error) {
      setFailure(storageErrorMessage(error));
    }
  };

  const isCurrent = (s: Section) => {
    const now = section();
    return now.kind === s.kind && (s.kind !== 'step' || (now.kind === 'step' && now.index === s.index));
  };
  const navItem = (s: Section, label: string, errors: number) => (
    <li>
      <button type="button" class="studio-nav__item" aria-current={isCurrent(s) ? 'true' : undefined} onClick={() => setSection(s)}>
        {label}
        <Show when={errors > 0}>
          <span class="badge badge--alert">
            {errors}
            <span class="sr-only"> {t('studio:checks.errorsShort', { count: errors })}</span>
          </span>
        </Show>
      </button>
    </li>
  );
  const errorsIn = (prefix: string) => issues().filter((i) => i.severity === 'error' && (i.path === prefix || i.path.startsWith(`${prefix}.`))).length;

  return (
    <EditorContext.Provider value={api}>
      <div class="studio-editor" onKeyDown={onKeyDown}>
        <div class="studio-bar">
          <p class="studio-bar__save" role="status" data-testid="studio-save-state">
            {saveLabel()}
          </p>
          <A class="btn" href={previewHref()} onClick={openPreview} data-testid="studio-preview">
            {t('studio:editor.preview')}
          </A>
          <Show when={!readOnly()}>
            <div class="actions actions--tight">
              {/* aria-disabled, not disabled: the last undo would otherwise drop the keyboard's focus to the page. */}
              <button type="button" class="btn" aria-disabled={history().past.length === 0} onClick={() => history().past.length > 0 && commit(undo(history()))} aria-keyshortcuts="Control+Z">
                {t('studio:editor.undo')}
              </button>
              <button type="button" class="btn" aria-disabled={history().future.length === 0} onClick={() => history().future.length > 0 && commit(redo(history()))} aria-keyshortcuts="Control+Shift+Z">
                {t('studio:editor.redo')}
              </button>
              <button type="button" class="btn btn--primary" data-testid="studio-publish" aria-disabled={!canPublish(issues())} onClick={() => (canPublish(issues()) ? setPublishing(true) : setSection(sectionOf(issues()[0]!.path)))}>
                {t('studio:editor.publish')}
              </button>
            </div>
          </Show>
        </div>
        <Show when={!canPublish(issues()) && !readOnly()}>
          <p class="muted">{t('studio:editor.publishBlocked', { count: issues().filter((i) => i.severity === 'error').length })}</p>
        </Show>
        <p class="field__error" role="alert">
          {failure()}
        </p>
        <div class="studio-layout">
          <nav class="studio-nav" aria-label={t('studio:editor.sections')}>
            <ol>
              <For each={STEP_IDS}>{(id, i) => navItem({ kind: 'step', index: i() }, `${i() + 1}. ${t(`call:steps.${id}`)}`, errorsIn(`steps.${i()}`))}</For>
            </ol>
            <ul>
              {navItem({ kind: 'objections' }, t('studio:editor.objections'), errorsIn('objections'))}
              {navItem({ kind: 'roles' }, t('studio:editor.roles'), errorsIn('roles'))}
              {navItem({ kind: 'versions' }, t('studio:versions.title'), 0)}
              {navItem({ kind: 'analytics' }, t('studio:analytics.title'), 0)}
            </ul>
          </nav>
          <div class="studio-main">
            <Switch>
              <Match when={(() => { const s = section(); return s.kind === 'step' ? s : undefined; })()}>
                {(s) => (
                  <Show when={draft().steps[s().index]} fallback={<p class="notice notice--error">{t('studio:editor.stepMissing')}</p>}>
                    {(step) => <StepEditor index={s().index} step={step()} budget={props.budget} />}
                  </Show>
                )}
              </Match>
              <Match when={section().kind === 'objections'}>
                <ObjectionsEditor objections={draft().objections} />
              </Match>
              <Match when={section().kind === 'roles'}>
                <RolesEditor roles={draft().roles} />
              </Match>
              <Match when={section().kind === 'analytics'}>
                <AnalyticsPanel scriptId={props.record.id} versions={props.versions} />
              </Match>
              <Match when={section().kind === 'versions'}>
                <VersionsPanel versions={props.versions} draft={changedDraft()} canRestore={!readOnly()} onRestore={(v) => void restore(v)} />
              </Match>
            </Switch>
          </div>
          <aside class="studio-side">
            <ChecksPanel issues={issues()} reveal={(path) => setSection(sectionOf(path))} />
          </aside>
        </div>
        <PublishDialog open={publishing()} version={props.record.currentVersion + 1} onCancel={() => setPublishing(false)} onPublish={publish} />
      </div>
    </EditorContext.Provider>
  );
}
