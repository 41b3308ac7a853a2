import { createSignal, For, Show, type JSX } from 'solid-js';
import { t } from '../../i18n';
import { insertVariable, matchingVariables, openBraceQuery, textPieces, variableKey } from './variable-input';

export interface VariableTextareaProps {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  rows?: number;
  /** Error messages about this field, shown under it and announced with it. */
  errors?: string[];
  readOnly?: boolean;
}

/**
 * A script text with `{variables}`: typing `{` opens a list of what a dossier offers (arrows to move, Enter or
 * Tab to insert, Escape to close), and the text shows again under the field with each variable as a chip, an
 * unknown one marked where it stands. Text is only ever rendered as text.
 */
export function VariableTextarea(props: VariableTextareaProps): JSX.Element {
  let area!: HTMLTextAreaElement;
  const [picker, setPicker] = createSignal<{ start: number; options: string[]; active: number } | null>(null);
  const listId = () => `${props.id}-vars`;
  const hintId = () => `${props.id}-hint`;
  const errorId = () => `${props.id}-err`;

  const refresh = () => {
    const q = openBraceQuery(area.value, area.selectionStart);
    const options = q ? matchingVariables(q.query) : [];
    setPicker(q && options.length > 0 ? { start: q.start, options, active: 0 } : null);
  };

  const choose = (variable: string) => {
    const p = picker();
    if (!p) return;
    const next = insertVariable(area.value, area.selectionStart, p.start, variable);
    props.onInput(next.text);
    area.value = next.text;
    area.setSelectionRange(next.caret, next.caret);
    setPicker(null);
    area.focus();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const p = picker();
    if (!p) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setPicker({ ...p, active: (p.active + step + p.options.length) % p.options.length });
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      choose(p.options[p.active]!);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      setPicker(null);
    }
  };

  const optionId = (i: number) => `${props.id}-var-${i}`;
  const describedBy = () => [hintId(), props.errors?.length ? errorId() : ''].filter(Boolean).join(' ');

  return (
    <div class="field vt">
      <label for={props.id}>{props.label}</label>
      <textarea
        ref={area}
        id={props.id}
        class="input vt__area"
        rows={props.rows ?? 3}
        value={props.value}
        readOnly={props.readOnly}
        aria-invalid={props.errors?.length ? 'true' : undefined}
        aria-describedby={describedBy()}
        aria-controls={picker() ? listId() : undefined}
        aria-activedescendant={picker() ? optionId(picker()!.active) : undefined}
        aria-autocomplete="list"
        onInput={(e) => {
          props.onInput(e.currentTarget.value);
          refresh();
        }}
        onKeyDown={onKeyDown}
        onClick={refresh}
        onBlur={() => setTimeout(() => setPicker(null), 150)}
      />
      <Show when={picker()}>
        {(p) => (
          <ul id={listId()} class="vt__list" role="listbox" aria-label={t('studio:editor.variables')}>
            <For each={p().options}>
              {(name, i) => (
                <li
                  id={optionId(i())}
                  role="option"
                  class="vt__option"
                  aria-selected={i() === p().active}
                  onMouseDown={(e) => {
                    e.preventDefault();
                    choose(name);
                  }}
                >
                  <span class="mono">{`{${name}}`}</span> <span class="muted">{t(variableKey(name))}</span>
                </li>
              )}
            </For>
          </ul>
        )}
      </Show>
      <p id={hintId()} class="field__hint vt__chips">
        <span class="sr-only">{t('studio:editor.braceHint')} </span>
        <For each={textPieces(props.value)}>
          {(piece) =>
            piece.kind === 'text' ? (
              <span>{piece.text}</span>
            ) : (
              <span class={piece.known ? 'chip' : 'chip chip--unknown'}>
                {`{${piece.name}}`}
                <Show when={!piece.known}>
                  <span class="sr-only"> {t('studio:editor.unknownVariable')}</span>
                </Show>
              </span>
            )
          }
        </For>
      </p>
      <Show when={props.errors?.length}>
        <ul id={errorId()} class="field__error vt__errors">
          <For each={props.errors}>{(m) => <li>{m}</li>}</For>
        </ul>
      </Show>
    </div>
  );
}
