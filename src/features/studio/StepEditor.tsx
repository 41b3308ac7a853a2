import { For, Index, type JSX } from 'solid-js';
import { FOUR_C, type FourC } from '../../domain/call/steps';
import { t } from '../../i18n';
import type { ScriptStep } from '../../scripts/schema';
import { sayWordCount } from '../../scripts/studio/checks';
import { fieldDomId } from '../../scripts/studio/paths';
import { CapturesEditor } from './CapturesEditor';
import { useEditor } from './editor-context';
import { TextListEditor } from './TextListEditor';
import { VariableTextarea } from './VariableTextarea';

/** One of the ten steps: its title, what the agent says, captures, tips and 4 C reminders. */
export function StepEditor(props: { index: number; step: ScriptStep; budget: number }): JSX.Element {
  const editor = useEditor();
  const at = (k: string) => `steps.${props.index}.${k}`;
  const words = () => sayWordCount(props.step.say);
  return (
    <section class="card studio-step" aria-labelledby={`step-head-${props.index}`}>
      <h2 id={`step-head-${props.index}`}>
        {props.index + 1}. {t(`call:steps.${props.step.id}`)}
      </h2>
      <div class="field">
        <label for={fieldDomId(at('title'))}>{t('studio:editor.title')}</label>
        <input
          id={fieldDomId(at('title'))}
          class="input"
          value={props.step.title}
          readOnly={editor.readOnly()}
          aria-invalid={editor.errorsAt(at('title')).length ? 'true' : undefined}
          onInput={(e) => editor.edit(at('title'), e.currentTarget.value)}
        />
        <For each={editor.errorsAt(at('title'))}>{(m) => <p class="field__error">{m}</p>}</For>
      </div>
      <VariableTextarea
        id={fieldDomId(at('say'))}
        label={t('studio:editor.say')}
        value={props.step.say}
        rows={4}
        readOnly={editor.readOnly()}
        errors={editor.errorsAt(at('say'))}
        onInput={(v) => editor.edit(at('say'), v)}
      />
      <p class="muted studio-words" aria-live="polite">
        {t('studio:editor.words', { count: words(), budget: props.budget })}
      </p>
      <CapturesEditor stepIndex={props.index} captures={props.step.captures} />
      <TextListEditor path={at('tips')} items={props.step.tips} legend={t('studio:editor.tips')} itemLabel={t('studio:editor.tip')} addLabel={t('studio:editor.addTip')} />
      <fieldset class="studio-list" id={fieldDomId(at('fourC'))} tabindex="-1">
        <legend>{t('studio:editor.fourC')}</legend>
        <For each={editor.errorsAt(at('fourC'))}>{(m) => <p class="field__error">{m}</p>}</For>
        <Index each={props.step.fourC}>
          {(reminder, i) => (
            <div class="studio-list__row studio-fourc">
              <div class="field">
                <label for={fieldDomId(at(`fourC.${i}.c`))}>{t('studio:editor.fourCRule')}</label>
                <select
                  id={fieldDomId(at(`fourC.${i}.c`))}
                  class="input"
                  disabled={editor.readOnly()}
                  value={reminder().c}
                  onChange={(e) => editor.edit(at(`fourC.${i}.c`), e.currentTarget.value as FourC)}
                >
                  <For each={FOUR_C}>{(c) => <option value={c}>{t(`studio:fourC.${c}`)}</option>}</For>
                </select>
              </div>
              <div class="field studio-fourc__text">
                <label for={fieldDomId(at(`fourC.${i}.text`))}>{t('studio:editor.fourCText')}</label>
                <input
                  id={fieldDomId(at(`fourC.${i}.text`))}
                  class="input"
                  value={reminder().text}
                  readOnly={editor.readOnly()}
                  onInput={(e) => editor.edit(at(`fourC.${i}.text`), e.currentTarget.value)}
                />
                <For each={editor.errorsAt(at(`fourC.${i}.text`))}>{(m) => <p class="field__error">{m}</p>}</For>
              </div>
              <button type="button" class="btn btn--ghost" disabled={editor.readOnly()} onClick={() => editor.edit(at('fourC'), props.step.fourC.filter((_, j) => j !== i))}>
                {t('studio:editor.remove')}
                <span class="sr-only"> {reminder().text}</span>
              </button>
            </div>
          )}
        </Index>
        <button type="button" class="btn" disabled={editor.readOnly()} onClick={() => editor.edit(at('fourC'), [...props.step.fourC, { c: 'clarity', text: '' }])}>
          {t('studio:editor.addFourC')}
        </button>
      </fieldset>
    </section>
  );
}
