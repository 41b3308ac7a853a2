import { createSignal, type JSX } from 'solid-js';
import { t } from '../../i18n';
import { useModalDialog } from '../../ui/modal-dialog';
import { submitOnce } from '../../ui/submit-once';

/** Publishing asks for a note (what changed and why), shown in the history beside the version. */
export function PublishDialog(props: { open: boolean; version: number; onCancel: () => void; onPublish: (note: string) => void | Promise<void> }): JSX.Element {
  let dialog!: HTMLDialogElement;
  let noteField!: HTMLTextAreaElement;
  const [note, setNote] = createSignal('');
  useModalDialog(() => props.open, () => dialog, () => {
    setNote('');
    noteField.focus();
  });
  return (
    <dialog
      ref={dialog}
      class="dialog"
      aria-labelledby="publish-title"
      onCancel={(e) => {
        e.preventDefault();
        props.onCancel();
      }}
    >
      <form
        method="dialog"
        onSubmit={submitOnce(() => props.onPublish(note()))}
      >
        <h2 id="publish-title">{t('studio:publish.title', { version: props.version })}</h2>
        <div class="field">
          <label for="publish-note">{t('studio:publish.note')}</label>
          <textarea ref={noteField} id="publish-note" class="input" rows={3} maxLength={2000} value={note()} onInput={(e) => setNote(e.currentTarget.value)} data-testid="studio-publish-note" />
          <p class="field__hint">{t('studio:publish.hint')}</p>
        </div>
        <div class="actions actions--end">
          <button type="button" class="btn" onClick={() => props.onCancel()}>
            {t('studio:publish.cancel')}
          </button>
          <button type="submit" class="btn btn--primary" data-testid="studio-publish-confirm">
            {t('studio:publish.confirm', { version: props.version })}
          </button>
        </div>
      </form>
    </dialog>
  );
}
