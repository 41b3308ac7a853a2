import type { JSX } from 'solid-js';
import { lang, t } from '../../i18n';
import { CoachHints } from '../../ui/coach/CoachHints';
import { useCoach } from '../../ui/coach/use-coach';
import type { CallView } from './use-call-session';

/**
 * The notes, at hand at every step. Each keystroke is a SET_NOTES, saved within milliseconds (see the save
 * status); the live 4 C coach flags what to reconsider as the agent types (courtesy and the law above all:
 * notes stay in the debtor's history), never blocking.
 */
export function NotesPad(props: { view: CallView; open: boolean; textareaRef: (el: HTMLTextAreaElement) => void; ref?: (el: HTMLElement) => void }): JSX.Element {
  const hints = useCoach(() => props.view.notes(), () => ({ locale: lang(), kind: 'notes' }));
  return (
    <section class="notes card" id="call-notes-panel" data-open={props.open} aria-labelledby="call-notes-label" ref={(el) => props.ref?.(el)}>
      <label id="call-notes-label" for="call-notes" class="notes__label">
        {t('callscreen:notes.label')} <kbd class="kbd">Alt+N</kbd>
      </label>
      <textarea
        id="call-notes"
        ref={props.textareaRef}
        data-testid="call-notes"
        class="input notes__text"
        rows="8"
        value={props.view.notes()}
        readOnly={props.view.readOnly()}
        aria-describedby="call-notes-hint call-notes-wording"
        onInput={(e) => props.view.send({ type: 'SET_NOTES', text: e.currentTarget.value })}
      />
      <p id="call-notes-hint" class="muted small">
        {t('callscreen:notes.hint')}
      </p>
      <CoachHints id="call-notes-wording" testId="wording-hints" text={props.view.notes()} hints={hints()} max={5} />
    </section>
  );
}
