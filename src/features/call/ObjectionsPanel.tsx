import { createMemo, createSignal, For, on, Show, type JSX } from 'solid-js';
import { t } from '../../i18n';
import type { CallScript } from '../../scripts/schema';
import type { CallView } from './use-call-session';

/** The script's objection library on demand: what the debtor says, suggested answers, and the reason it reveals. */
export function ObjectionsPanel(props: { view: CallView; script: CallScript; ref: (el: HTMLDetailsElement) => void }): JSX.Element {
  // Whether a reason may be recorded depends on the step only, not on which (detail-free) code.
  const reasonOpen = createMemo(() => props.view.can({ type: 'SET_REASON', code: 'forgotten' }));
  // Which answers the agent said they read: recorded on the call for the analytics per script version.
  // Closed until the agent opens it: its answers (a third of the screen's elements) are built on the first
  // opening, not while the call screen loads, and kept after.
  const [opened, setOpened] = createSignal(false);
  // Rebuilt when that list changes, not on every transition (a note keystroke is one).
  const usedList = createMemo(() => props.view.snapshot().context.objectionsUsed);
  const usedKeys = createMemo(() => new Set((usedList() ?? []).map((u) => `${u.objectionId}#${u.answer}`)));
  // The machine takes an answer's use at any step (its guard checks the event's own shape), so whether it does
  // changes with the phase and the mode only: asked again then, not for each of the buttons on every transition.
  const canUse = (objectionId: string, answer: number) =>
    createMemo(on([props.view.phase, props.view.mode], () => props.view.can({ type: 'USE_OBJECTION', objectionId, answer })));
  const used = (objectionId: string, answer: number) => usedKeys().has(`${objectionId}#${answer}`);
  return (
    <details class="objections card" ref={props.ref} data-testid="call-objections" on:toggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>
        {t('callscreen:objections.title')} <kbd class="kbd">Alt+O</kbd>
      </summary>
      <Show when={opened()}>
        <ul class="objections__list">
          <For each={props.script.objections}>
            {(o) => (
              <li class="objection">
                <p class="objection__said" lang={props.script.locale}>
                  <q>{o.objection}</q>
                </p>
                <ul class="objection__answers">
                  <For each={o.answers}>
                    {(answer, i) => {
                      const allowed = canUse(o.id, i());
                      return (
                        <li class="objection__answer">
                          <span lang={props.script.locale}>{answer}</span>
                          <button
                            type="button"
                            class="btn btn--ghost"
                            data-testid="objection-answer-used"
                            disabled={!allowed()}
                            aria-pressed={used(o.id, i())}
                            onClick={() => props.view.send({ type: 'USE_OBJECTION', objectionId: o.id, answer: i() })}
                          >
                            {t('callscreen:objections.answerUsed', { n: i() + 1 })}
                          </button>
                        </li>
                      );
                    }}
                  </For>
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
      </Show>
    </details>
  );
}
