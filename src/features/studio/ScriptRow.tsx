import { A } from '@solidjs/router';
import { createSignal, For, Show, type JSX } from 'solid-js';
import { t } from '../../i18n';
import type { ScriptRecord, StudioSettings } from '../../scripts/library';
import type { ScriptLibrary } from '../../storage/script-library-api';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { libraryErrorMessage } from './library-error';

/** One team script in the library: where it serves, and the lead's archive and delete actions. */
export function ScriptRow(props: {
  script: ScriptRecord;
  studio: StudioSettings;
  lead: boolean;
  library: ScriptLibrary;
  editorName: string;
  edited: string;
  selected: boolean;
  onSelect: (on: boolean) => void;
  changed: () => void;
  failed: (message: string) => void;
}): JSX.Element {
  const [confirming, setConfirming] = createSignal(false);
  const where = () => props.studio.assignments.filter((a) => a.scriptId === props.script.id);
  const editor = () => ({ by: props.editorName, at: new Date().toISOString() });
  const fail = (e: unknown) => props.failed(libraryErrorMessage(e));
  const archive = async () => {
    try {
      await props.library.setStatus(props.script.id, props.script.status === 'archived' ? 'active' : 'archived', editor());
      props.changed();
    } catch (e) {
      fail(e);
    }
  };
  const remove = async () => {
    try {
      await props.library.deleteScript(props.script.id);
      setConfirming(false);
      props.changed();
    } catch (e) {
      fail(e);
    }
  };
  return (
    <tr>
      <td>
        <input type="checkbox" aria-label={t('studio:library.selectOne', { name: props.script.name })} checked={props.selected} disabled={props.script.currentVersion === 0} onChange={(e) => props.onSelect(e.currentTarget.checked)} />
      </td>
      <th scope="row">
        <A href={`/scripts/${encodeURIComponent(props.script.id)}`}>{props.script.name}</A>
        <span class="muted"> ({t(`studio:locales.${props.script.locale}`)})</span>
      </th>
      <td>
        {t(`studio:status.${props.script.status}`)}
        <Show when={props.script.draft && props.script.currentVersion > 0}>
          <span class="muted"> · {t('studio:library.draftPending')}</span>
        </Show>
      </td>
      <td>{props.script.currentVersion || '—'}</td>
      <td>{t('studio:library.editedBy', { name: props.script.updatedBy || '—', date: props.edited })}</td>
      <td>
        <Show when={where().length > 0} fallback={<span class="muted">—</span>}>
          <For each={where()}>{(a, i) => <>{i() > 0 ? ', ' : ''}{`${t(`studio:locales.${a.locale}`)} · ${a.segment ? t(`studio:segments.${a.segment}`) : t('studio:assign.default')}`}</>}</For>
        </Show>
      </td>
      <td>
        <Show when={props.lead} fallback={<span class="muted">—</span>}>
          <div class="actions actions--tight">
            <button type="button" class="btn btn--ghost" onClick={() => void archive()}>
              {props.script.status === 'archived' ? t('studio:library.unarchive') : t('studio:library.archive')}
              <span class="sr-only"> {props.script.name}</span>
            </button>
            <button type="button" class="btn btn--ghost" onClick={() => setConfirming(true)} data-testid="studio-delete">
              {t('studio:library.delete')}
              <span class="sr-only"> {props.script.name}</span>
            </button>
          </div>
          <ConfirmDialog
            open={confirming()}
            title={t('studio:library.deleteTitle', { name: props.script.name })}
            body={t('studio:library.deleteBody')}
            confirmLabel={t('studio:library.delete')}
            cancelLabel={t('studio:publish.cancel')}
            confirmTestId="studio-delete-confirm"
            onConfirm={() => void remove()}
            onCancel={() => setConfirming(false)}
          />
        </Show>
      </td>
    </tr>
  );
}
