import { For, Show, type JSX } from 'solid-js';
import { t } from '../../i18n';
import type { ScriptStep } from '../../scripts/schema';

/** The step's tips and its 4 C reminders as a checklist the agent ticks while speaking (not saved). */
export function CoachPanel(props: { step: ScriptStep; tips: string[]; shown: boolean }): JSX.Element {
  // Kept per step in the page (kept-panels.tsx): the shown one holds the `coach-title` id and the test id.
  const titleId = () => (props.shown ? 'coach-title' : `coach-title-${props.step.id}`);
  return (
    <section class="coach card" aria-labelledby={titleId()} data-testid={props.shown ? 'call-coach' : undefined}>
      <h2 id={titleId()} class="coach__title">
        {t('callscreen:coach.title')}
      </h2>
      <Show when={props.tips.length > 0}>
        <ul class="coach__tips">
          <For each={props.tips}>{(tip) => <li>{tip}</li>}</For>
        </ul>
      </Show>
      <fieldset class="coach__fourc">
        <legend>{t('callscreen:coach.fourC')}</legend>
        <For each={props.step.fourC}>
          {(reminder, i) => (
            <label class="choice" for={`fourc-${props.step.id}-${i()}`}>
              <input id={`fourc-${props.step.id}-${i()}`} type="checkbox" />
              <span>
                <span class="strong">{t(`call:fourC.${reminder.c}`)}</span> — {reminder.text}
              </span>
            </label>
          )}
        </For>
      </fieldset>
    </section>
  );
}
