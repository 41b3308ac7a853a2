import { createMemo, For, Show, type JSX } from 'solid-js';
import { t } from '../../i18n';
import type { CallScript } from '../../scripts/schema';
import type { CallView } from './use-call-session';

/** The script's objection library on demand: what the debtor says, suggested answers, and the reason it reveals. */
export function ObjectionsPanel(props: { view: CallView; script: CallScript; ref: (el: HTMLDetailsElement) => void }): JSX.Element {
  // Whether a reason may be recorded depends on the step only, not on which (detail-free) code.
  const reasonOpen = createMemo(() => props.view.can({ type: 'SET_REASON', code: 'forgotten' }));
  return (
    <details class="objections card" ref={props.ref} data-testid="call-objections">
      <summary>
        {t('callscreen:objections.title')} <kbd class="kbd">Alt+O</kbd>
      </summary>
      <ul class="objections__list">
        <For each={props.script.objections}>
          {(o) => (
            <li class="objection">
              <p class="objection__said" lang={props.script.locale}>
                <q>{o.objection}</q>
              </p>
              <ul class="objection__answers" lang={props.script.locale}>
                <For each={o.answers}>{(answer) => <li>{answer}</li>}</For>
              </ul>
              <Show when={o.reason}>
                {(reason) => (
                  <button
                    type="button"
                    class="btn btn--ghost"
                    disabled={!reasonOpen()}
                    aria-pressed={props.view.reason()?.code === reason()}
                    onClick={() => props.view.send({ type: 'SET_REASON', code: reason(), detail: props.view.reason()?.detail ?? '' })}
                  >
                    {t('callscreen:objections.useReason', { reason: t(`call:reasons.${reason()}`) })}
                  </button>
                )}
              </Show>
            </li>
          )}
        </For>
      </ul>
    </details>
  );
}
