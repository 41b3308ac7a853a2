import { For, Index, type JSX } from 'solid-js';
import { t } from '../../i18n';
import { fieldDomId } from '../../scripts/studio/paths';
import { useEditor } from './editor-context';
import { VariableTextarea } from './VariableTextarea';

/** A list of texts (tips, an objection's answers): edit, add, remove, each with its own checks. */
export function TextListEditor(props: { path: string; items: string[]; legend: string; itemLabel: string; addLabel: string }): JSX.Element {
  const editor = useEditor();
  return (
    <fieldset class="studio-list" id={fieldDomId(props.path)} tabindex="-1">
      <legend>{props.legend}</legend>
      <For each={editor.errorsAt(props.path)}>{(m) => <p class="field__error">{m}</p>}</For>
      <Index each={props.items}>
        {(item, i) => (
          <div class="studio-list__row">
            <VariableTextarea
              id={fieldDomId(`${props.path}.${i}`)}
              label={`${props.itemLabel} ${i + 1}`}
              value={item()}
              rows={2}
              readOnly={editor.readOnly()}
              errors={editor.errorsAt(`${props.path}.${i}`)}
              onInput={(v) => editor.edit(`${props.path}.${i}`, v)}
            />
            <button
              type="button"
              class="btn btn--ghost"
              disabled={editor.readOnly()}
              onClick={() => editor.edit(props.path, props.items.filter((_, j) => j !== i))}
            >
              {t('studio:editor.remove')}
              <span class="sr-only"> {`${props.itemLabel} ${i + 1}`}</span>
            </button>
          </div>
        )}
      </Index>
      <button type="button" class="btn" disabled={editor.readOnly()} onClick={() => editor.edit(props.path, [...props.items, ''])}>
        {props.addLabel}
      </button>
    </fieldset>
  );
}
