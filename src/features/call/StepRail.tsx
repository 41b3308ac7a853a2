import { createEffect, createMemo, createSignal, getOwner, Index, onCleanup, runWithOwner, type JSX } from 'solid-js';
import { whenIdle } from '../../session/after-paint';
import { stepIndex } from '../../domain/call/steps';
import { t } from '../../i18n';
import type { CallView } from './use-call-session';

/**
 * Steps 1–10: done (a button back to it), current, to come. At phone width the list folds into one
 * "Step 3/10" button that opens it.
 */
export function StepRail(props: { view: CallView; title: (stepId: string) => string }): JSX.Element {
  const [open, setOpen] = createSignal(false);
  // While cut off, nothing is "current", but the call still sits at its step.
  const number = () => stepIndex(props.view.step()) + 1;
  let toggle: HTMLButtonElement | undefined;
  return (
    <nav
      class="rail"
      aria-label={t('callscreen:rail.label')}
      data-testid="call-rail"
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !open()) return;
        // Escape folds the opened list back into its button, which keeps the focus.
        e.preventDefault();
        setOpen(false);
        toggle?.focus();
      }}
    >
      <button ref={toggle} type="button" class="rail__toggle btn" aria-expanded={open()} aria-controls="rail-list" onClick={() => setOpen(!open())}>
        {t('callscreen:rail.compact', { n: number(), total: props.view.rail().length })}
      </button>
      <ol id="rail-list" class="rail__list" data-open={open()}>
        {/* By position: a step change updates two items' status instead of rebuilding all ten. */}
        <Index each={props.view.rail()}>
          {(step) => {
            // An item's two forms are each built once, when first needed (owned by the item, not by the
            // expression that swaps them) and then swapped: a step change updates two items' status, not their
            // markup and translations (each rebuild cost a template and three translations).
            const id = createMemo(() => step().id);
            const status = createMemo(() => step().status);
            const number = createMemo(() => step().number);
            const title = createMemo(() => props.title(id()));
            const back = createMemo(() => status() === 'done' && props.view.can({ type: 'GOTO', stepId: id() }));
            const owner = getOwner();
            const made: { button?: JSX.Element; text?: JSX.Element } = {};
            const makeButton = () => (
              <button
                type="button"
                class="rail__link rail__link--button"
                onClick={() => {
                  setOpen(false);
                  props.view.send({ type: 'GOTO', stepId: id() });
                }}
              >
                <span class="rail__num" aria-hidden="true">
                  ✓
                </span>
                <span>{title()}</span>
                <span class="sr-only"> — {t('callscreen:rail.status.done')}</span>
              </button>
            );
            const makeText = () => (
              <span class="rail__link">
                <span class="rail__num" aria-hidden="true">
                  {number()}
                </span>
                <span>{title()}</span>
                <span class="sr-only"> — {t(`callscreen:rail.status.${status()}`)}</span>
              </span>
            );
            // The current step's button, the form it takes once done, is built while idle: built by the key that
            // leaves the step, it was that key's first use of the template (a trace at 4×: ~5 ms of the first
            // key's task).
            createEffect(() => {
              if (status() !== 'current' || made.button) return;
              onCleanup(whenIdle(() => (made.button ??= runWithOwner(owner, makeButton))));
            });
            return (
              <li class={`rail__item rail__item--${status()}`} aria-current={status() === 'current' ? 'step' : undefined}>
                {back() ? (made.button ??= runWithOwner(owner, makeButton)) : (made.text ??= runWithOwner(owner, makeText))}
              </li>
            );
          }}
        </Index>
      </ol>
    </nav>
  );
}
