import { For, type JSX } from 'solid-js';
import { t } from '../../i18n';
import type { Simulation } from './simulation';

/** The call so far, as a conversation; new replies are announced politely to screen readers. */
export function Conversation(props: { sim: Simulation }): JSX.Element {
  const debtorName = () => props.sim.setup.dossier.bundle.contacts[0]?.name ?? props.sim.persona.name;
  return (
    <section class="sim-conversation" aria-labelledby="sim-conversation-title">
      <h2 id="sim-conversation-title">{t('training:sim.conversation')}</h2>
      <div role="log" aria-live="polite" aria-labelledby="sim-conversation-title">
      <ol class="sim-log" data-testid="sim-log" lang={props.sim.persona.locale}>
        <For each={props.sim.turns}>
          {(turn) => (
            <li class="sim-log__turn" data-speaker={turn.speaker} data-step={turn.step}>
              <span class="sim-log__who">{turn.speaker === 'trainee' ? t('training:sim.you') : debtorName()}</span>
              <span class="sim-log__text">{turn.skipped ? t('training:sim.skippedTurn') : turn.text}</span>
            </li>
          )}
        </For>
      </ol>
      </div>
    </section>
  );
}
