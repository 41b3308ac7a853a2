import { For, Show, type JSX } from 'solid-js';
import { t } from '../../i18n';
import type { ScriptChange } from '../../scripts/studio/diff';

function where(c: ScriptChange): string {
  switch (c.scope) {
    case 'script':
      return t('studio:diff.script');
    case 'step':
      return t(`call:steps.${c.id}`);
    case 'capture':
      return `${t(`call:steps.${c.stepId}`)} › ${c.id}`;
    case 'objection':
      return `${t('studio:diff.objection')} ${c.id}`;
    case 'role':
      return `${t('studio:diff.role')} ${t(`studio:roles.${c.id}`)}`;
  }
}

/** Two versions side by side, one row per changed field; texts shown as text, never as markup. */
export function DiffView(props: { changes: ScriptChange[]; before: string; after: string }): JSX.Element {
  return (
    <Show when={props.changes.length > 0} fallback={<p class="muted">{t('studio:diff.none')}</p>}>
      <div class="table-scroll">
        <table class="diff-table" data-testid="studio-diff">
          <caption>{t('studio:diff.caption', { before: props.before, after: props.after, count: props.changes.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('studio:diff.where')}</th>
              <th scope="col">{t('studio:diff.field')}</th>
              <th scope="col">{props.before}</th>
              <th scope="col">{props.after}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.changes}>
              {(c) => (
                <tr class={`diff--${c.kind}`}>
                  <th scope="row">{where(c)}</th>
                  <td>{c.field ? t(`studio:diff.fields.${c.field}`) : t(`studio:diff.kinds.${c.kind}`)}</td>
                  <td class="diff__before">{c.before}</td>
                  <td class="diff__after">{c.after}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </Show>
  );
}
