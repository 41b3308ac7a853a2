import { createMemo, createSignal, For, Show, type JSX } from 'solid-js';
import { stepIndex, type StepId } from '../../domain/call/steps';
import { t } from '../../i18n';
import { CoachHints } from '../../ui/coach/CoachHints';
import { useCoach } from '../../ui/coach/use-coach';
import { phrasingsFor, type Simulation, type TraineeChoice } from './simulation';

const OWN = 'own';

/**
 * What the trainee says at the current step: one of the step's phrasings, or their own words (read by the
 * coach rules, with the live hints beside them). Nothing is pre-selected: choosing is the exercise.
 */
export function TurnComposer(props: { sim: Simulation; step: StepId; onChoice: (choice: TraineeChoice) => void; ref?: (el: HTMLFieldSetElement) => void }): JSX.Element {
  const choices = createMemo(() => phrasingsFor(props.sim, props.step));
  const [picked, setPicked] = createSignal<string | null>(null);
  const [own, setOwn] = createSignal('');
  const [error, setError] = createSignal('');
  const hints = useCoach(own, () => ({ locale: props.sim.persona.locale, kind: 'turn', step: props.step }));
  const name = () => `sim-choice-${props.step}`;

  const submit = (e: Event) => {
    e.preventDefault();
    const choice = picked();
    if (choice === OWN && own().trim() !== '') return props.onChoice({ kind: 'own', text: own() });
    const found = choices().find((c) => c.phrasing.id === choice);
    if (found) return props.onChoice({ kind: 'phrasing', phrasing: found.phrasing });
    setError(t('training:sim.ownEmpty'));
  };

  return (
    <form class="card sim-composer" data-testid="sim-composer" onSubmit={submit} aria-describedby="sim-composer-error">
      <fieldset ref={props.ref} class="sim-composer__choices">
        <legend class="strong">{t('training:sim.legend', { number: stepIndex(props.step) + 1, step: t(`call:steps.${props.step}`) })}</legend>
        <For each={choices()}>
          {(choice) => (
            <label class="sim-choice">
              <input
                type="radio"
                name={name()}
                value={choice.phrasing.id}
                data-testid="sim-phrasing"
                data-fault={choice.phrasing.fault}
                checked={picked() === choice.phrasing.id}
                onChange={() => {
                  setPicked(choice.phrasing.id);
                  setError('');
                }}
              />
              <span lang={props.sim.persona.locale}>{choice.text}</span>
            </label>
          )}
        </For>
        <label class="sim-choice">
          <input type="radio" name={name()} value={OWN} data-testid="sim-own-choice" checked={picked() === OWN} onChange={() => setPicked(OWN)} />
          <span>{t('training:sim.own')}</span>
        </label>
      </fieldset>
      <Show when={picked() === OWN}>
        <div class="field">
          <label for="sim-own">{t('training:sim.ownLabel')}</label>
          <textarea
            id="sim-own"
            class="input"
            rows="3"
            lang={props.sim.persona.locale}
            data-testid="sim-own"
            aria-describedby="sim-own-coach"
            value={own()}
            onInput={(e) => {
              setOwn(e.currentTarget.value);
              setError('');
            }}
          />
          <CoachHints id="sim-own-coach" testId="sim-own-coach" text={own()} hints={hints()} />
        </div>
      </Show>
      <p id="sim-composer-error" class="field__error" role="alert">
        {error()}
      </p>
      <div class="actions">
        <button type="submit" class="btn btn--primary" data-testid="sim-say">
          {t('training:sim.say')}
        </button>
        <button type="button" class="btn btn--ghost" data-testid="sim-skip" onClick={() => props.onChoice({ kind: 'skip' })}>
          {t('training:sim.skip')}
        </button>
      </div>
    </form>
  );
}
