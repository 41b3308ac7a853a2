import { createMemo, For, Show, type JSX } from 'solid-js';
import { checkWording } from '../../domain/call/wording';
import { lang, t } from '../../i18n';
import type { CallView } from './use-call-session';

/**
 * The notes, at hand at every step. Each keystroke is a SET_NOTES, saved within milliseconds (see the save
 * status); the 4 C coach flags wording to reconsider as the agent types.
 */
export function NotesPad(props: { view: CallView; open: boolean; textareaRef: (el: HTMLTextAreaElement) => void }): JSX.Element {
  const issues = createMemo(() => checkWording(props.view.notes(), lang()).slice(0, 5));
  return (
    <section class="notes card" id="call-notes-panel" data-open={props.open} aria-labelledby="call-notes-label">
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
      <div id="call-notes-wording">
        <Show when={issues().length > 0}>
          <p class="small strong">{t('callscreen:notes.wordingTitle')}</p>
          <ul class="wording small" data-testid="wording-hints">
            <For each={issues()}>
              {(issue) => (
                <li>
                  <q>{issue.match}</q> — {t(`call:wording.${issue.code}`)}
                </li>
              )}
            </For>
          </ul>
        </Show>
      </div>
    </section>
  );
}
