import { For, Index, type JSX } from 'solid-js';
import { DELAY_REASONS } from '../../domain/call/reasons';
import { t } from '../../i18n';
import type { Objection } from '../../scripts/schema';
import { fieldDomId } from '../../scripts/studio/paths';
import { fieldIdFrom } from './CapturesEditor';
import { useEditor } from './editor-context';
import { TextListEditor } from './TextListEditor';

/** The objection library: what the debtor says, the answers, the delay reason it reveals. */
export function ObjectionsEditor(props: { objections: Objection[] }): JSX.Element {
  const editor = useEditor();
  const add = () => {
    const objection = t('studio:editor.newObjection');
    editor.edit('objections', [...props.objections, { id: fieldIdFrom(objection, props.objections.map((o) => o.id)), objection, answers: [''] }]);
  };
  return (
    <section class="card" aria-labelledby="objections-head" id={fieldDomId('objections')} tabindex="-1">
      <h2 id="objections-head">{t('studio:editor.objections')}</h2>
      <Index each={props.objections}>
        {(o, i) => {
          const at = (k: string) => `objections.${i}.${k}`;
          return (
            <div class="studio-objection">
              <div class="field">
                <label for={fieldDomId(at('objection'))}>{`${t('studio:editor.objection')} ${i + 1}`}</label>
                <input
                  id={fieldDomId(at('objection'))}
                  class="input"
                  value={o().objection}
                  readOnly={editor.readOnly()}
                  aria-invalid={editor.errorsAt(at('objection')).length ? 'true' : undefined}
                  onInput={(e) => editor.edit(at('objection'), e.currentTarget.value)}
                />
                <For each={[...editor.errorsAt(at('objection')), ...editor.errorsAt(at('id'))]}>{(m) => <p class="field__error">{m}</p>}</For>
              </div>
              <div class="field">
                <label for={fieldDomId(at('reason'))}>{t('studio:editor.reason')}</label>
                <select
                  id={fieldDomId(at('reason'))}
                  class="input"
                  disabled={editor.readOnly()}
                  value={o().reason ?? ''}
                  onChange={(e) => {
                    const { reason: _old, ...rest } = o();
                    const value = e.currentTarget.value;
                    editor.edit(`objections.${i}`, value ? { ...rest, reason: value } : rest);
                  }}
                >
                  <option value="">{t('studio:editor.noReason')}</option>
                  <For each={DELAY_REASONS}>{(code) => <option value={code}>{t(`call:reasons.${code}`)}</option>}</For>
                </select>
              </div>
              <TextListEditor path={at('answers')} items={o().answers} legend={t('studio:editor.answers')} itemLabel={t('studio:editor.answer')} addLabel={t('studio:editor.addAnswer')} />
              <button type="button" class="btn btn--ghost" disabled={editor.readOnly()} onClick={() => editor.edit('objections', props.objections.filter((_, j) => j !== i))}>
                {t('studio:editor.removeObjection')}
                <span class="sr-only"> {o().objection}</span>
              </button>
            </div>
          );
        }}
      </Index>
      <button type="button" class="btn" disabled={editor.readOnly()} onClick={add}>
        {t('studio:editor.addObjection')}
      </button>
    </section>
  );
}
