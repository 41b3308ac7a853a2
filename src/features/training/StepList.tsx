import { For, type JSX } from 'solid-js';
import { STEP_IDS } from '../../domain/call/steps';
import { t } from '../../i18n';
import { stepStates, type Simulation } from './simulation';

/** The ten steps, with where the trainee is: the call machine's own step. */
export function StepList(props: { sim: Simulation }): JSX.Element {
  const states = () => stepStates(props.sim);
  const label = (state: string) =>
    state === 'done' ? t('training:sim.stepDone') : state === 'skipped' ? t('training:sim.stepSkipped') : state === 'current' ? t('training:sim.stepCurrent') : '';
  return (
    <nav class="sim-steps" aria-labelledby="sim-steps-title">
      <h2 id="sim-steps-title" class="sr-only">
        {t('training:sim.steps')}
      </h2>
      <ol class="sim-steps__list">
        <For each={STEP_IDS}>
          {(step) => (
            <li class={`sim-steps__item sim-steps__item--${states()[step]}`} data-state={states()[step]} aria-current={states()[step] === 'current' ? 'step' : undefined}>
              {t(`call:steps.${step}`)}
              {label(states()[step]) ? <span class="sr-only"> ({label(states()[step])})</span> : null}
            </li>
          )}
        </For>
      </ol>
    </nav>
  );
}
