import { For, Index, Show, type JSX } from 'solid-js';
import { t } from '../../i18n';
import type { CaptureField } from '../../scripts/schema';
import { fieldDomId } from '../../scripts/studio/paths';
import { useEditor } from './editor-context';

const TYPES: CaptureField['type'][] = ['text', 'amount', 'date', 'choice', 'contact'];

/** Field ids are keys of what the call stores: derived from the label, plain and unique in the step. */
export function fieldIdFrom(label: string, taken: readonly string[]): string {
  const base = (label.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').replace(/^[^a-z]+/, '') || 'field').slice(0, 32);
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}_${n}`;
  return id;
}

function retype(field: CaptureField, type: CaptureField['type']): CaptureField {
  const { id, label, required } = field;
  return type === 'choice' ? { id, label, required, type, options: field.type === 'choice' ? field.options : [{ value: 'yes', label: t('studio:editor.optionDefault') }] } : { id, label, required, type };
}

/** What the agent captures at a step: label, kind, required, and the options of a choice. */
export function CapturesEditor(props: { stepIndex: number; captures: CaptureField[] }): JSX.Element {
  const editor = useEditor();
  const path = () => `steps.${props.stepIndex}.captures`;
  const add = () => {
    const label = t('studio:editor.newField');
    const id = fieldIdFrom(label, props.captures.map((c) => c.id));
    editor.edit(path(), [...props.captures, { id, label, type: 'text', required: false }]);
  };
  return (
    <fieldset class="studio-list" id={fieldDomId(path())} tabindex="-1">
      <legend>{t('studio:editor.captures')}</legend>
      <For each={editor.errorsAt(path())}>{(m) => <p class="field__error">{m}</p>}</For>
      <Index each={props.captures}>
        {(field, i) => {
          const at = (k: string) => `${path()}.${i}.${k}`;
          return (
            <div class="studio-capture">
              <div class="field">
                <label for={fieldDomId(at('label'))}>{t('studio:editor.fieldLabel')}</label>
                <input
                  id={fieldDomId(at('label'))}
                  class="input"
                  value={field().label}
                  readOnly={editor.readOnly()}
                  aria-invalid={editor.errorsAt(at('label')).length ? 'true' : undefined}
                  onInput={(e) => editor.edit(at('label'), e.currentTarget.value)}
                />
                <For each={editor.errorsAt(at('label'))}>{(m) => <p class="field__error">{m}</p>}</For>
              </div>
              <div class="field">
                <label for={fieldDomId(at('id'))}>{t('studio:editor.fieldId')}</label>
                <input
                  id={fieldDomId(at('id'))}
                  class="input mono"
                  value={field().id}
                  readOnly={editor.readOnly()}
                  aria-invalid={editor.errorsAt(at('id')).length ? 'true' : undefined}
                  onInput={(e) => editor.edit(at('id'), e.currentTarget.value)}
                />
                <For each={editor.errorsAt(at('id'))}>{(m) => <p class="field__error">{m}</p>}</For>
              </div>
              <div class="field">
                <label for={fieldDomId(at('type'))}>{t('studio:editor.fieldType')}</label>
                <select
                  id={fieldDomId(at('type'))}
                  class="input"
                  disabled={editor.readOnly()}
                  value={field().type}
                  onChange={(e) => editor.edit(`${path()}.${i}`, retype(field(), e.currentTarget.value as CaptureField['type']))}
                >
                  <For each={TYPES}>{(type) => <option value={type}>{t(`studio:fieldTypes.${type}`)}</option>}</For>
                </select>
              </div>
              <label class="studio-check">
                <input type="checkbox" checked={field().required} disabled={editor.readOnly()} onChange={(e) => editor.edit(at('required'), e.currentTarget.checked)} />
                {t('studio:editor.required')}
              </label>
              <Show when={field().type === 'choice' ? (field() as Extract<CaptureField, { type: 'choice' }>) : undefined}>
                {(choice) => <OptionsEditor path={`${path()}.${i}.options`} options={choice().options} />}
              </Show>
              <button type="button" class="btn btn--ghost" disabled={editor.readOnly()} onClick={() => editor.edit(path(), props.captures.filter((_, j) => j !== i))}>
                {t('studio:editor.remove')}
                <span class="sr-only"> {field().label}</span>
              </button>
            </div>
          );
        }}
      </Index>
      <button type="button" class="btn" disabled={editor.readOnly()} onClick={add}>
        {t('studio:editor.addField')}
      </button>
    </fieldset>
  );
}

function OptionsEditor(props: { path: string; options: { value: string; label: string }[] }): JSX.Element {
  const editor = useEditor();
  return (
    <fieldset class="studio-list studio-list--nested" id={fieldDomId(props.path)} tabindex="-1">
      <legend>{t('studio:editor.options')}</legend>
      <Index each={props.options}>
        {(option, j) => (
          <div class="studio-list__row">
            <div class="field">
              <label for={fieldDomId(`${props.path}.${j}.label`)}>{`${t('studio:editor.option')} ${j + 1}`}</label>
              <input
                id={fieldDomId(`${props.path}.${j}.label`)}
                class="input"
                value={option().label}
                readOnly={editor.readOnly()}
                onInput={(e) => editor.edit(`${props.path}.${j}.label`, e.currentTarget.value)}
              />
              <For each={[...editor.errorsAt(`${props.path}.${j}.label`), ...editor.errorsAt(`${props.path}.${j}.value`)]}>{(m) => <p class="field__error">{m}</p>}</For>
            </div>
            <button type="button" class="btn btn--ghost" disabled={editor.readOnly() || props.options.length < 2} onClick={() => editor.edit(props.path, props.options.filter((_, k) => k !== j))}>
              {t('studio:editor.remove')}
              <span class="sr-only"> {option().label}</span>
            </button>
          </div>
        )}
      </Index>
      <button
        type="button"
        class="btn"
        disabled={editor.readOnly()}
        onClick={() => {
          const label = t('studio:editor.optionDefault');
          editor.edit(props.path, [...props.options, { value: fieldIdFrom(label, props.options.map((o) => o.value)), label }]);
        }}
      >
        {t('studio:editor.addOption')}
      </button>
    </fieldset>
  );
}
