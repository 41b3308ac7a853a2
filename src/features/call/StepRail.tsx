import { createSignal, Index, Match, Switch, type JSX } from 'solid-js';
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
  return (
    <nav class="rail" aria-label={t('callscreen:rail.label')} data-testid="call-rail">
      <button type="button" class="rail__toggle btn" aria-expanded={open()} aria-controls="rail-list" onClick={() => setOpen(!open())}>
        {t('callscreen:rail.compact', { n: number(), total: props.view.rail().length })}
      </button>
      <ol id="rail-list" class="rail__list" data-open={open()}>
        {/* By position: a step change updates two items' status instead of rebuilding all ten. */}
        <Index each={props.view.rail()}>
          {(step) => (
            <li class={`rail__item rail__item--${step().status}`} aria-current={step().status === 'current' ? 'step' : undefined}>
              <Switch
                fallback={
                  <span class="rail__link">
                    <span class="rail__num" aria-hidden="true">
                      {step().number}
                    </span>
                    <span>{props.title(step().id)}</span>
                    <span class="sr-only"> — {t(`callscreen:rail.status.${step().status}`)}</span>
                  </span>
                }
              >
                <Match when={step().status === 'done' && props.view.can({ type: 'GOTO', stepId: step().id })}>
                  <button
                    type="button"
                    class="rail__link rail__link--button"
                    onClick={() => {
                      setOpen(false);
                      props.view.send({ type: 'GOTO', stepId: step().id });
                    }}
                  >
                    <span class="rail__num" aria-hidden="true">
                      ✓
                    </span>
                    <span>{props.title(step().id)}</span>
                    <span class="sr-only"> — {t('callscreen:rail.status.done')}</span>
                  </button>
                </Match>
              </Switch>
            </li>
          )}
        </Index>
      </ol>
    </nav>
  );
}
