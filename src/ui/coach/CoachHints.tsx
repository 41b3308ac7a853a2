import { createMemo, createSignal, For, Show, type JSX } from 'solid-js';
import type { CoachHint } from '../../domain/coach/rules';
import { t } from '../../i18n';
import './coach.css';

/**
 * The live 4 C coach beside a text the agent writes (call notes, recap email) or a trainee types: each hint
 * translated, with its C and, for threats, that it is unlawful. Hints never block anything; each can be
 * dismissed, and a dismissal holds while the agent keeps typing (it is keyed on the hint and its words, not
 * on a position that moves with every keystroke).
 */
export function CoachHints(props: { id: string; text: string; hints: readonly CoachHint[]; testId?: string; max?: number }): JSX.Element {
  const [dismissed, setDismissed] = createSignal<ReadonlySet<string>>(new Set());
  const keyOf = (h: CoachHint) => (h.start === 0 && h.end === props.text.length ? h.code : `${h.code}|${props.text.slice(h.start, h.end).toLowerCase()}`);
  const hidden = createMemo(() => props.hints.filter((h) => dismissed().has(keyOf(h))).length);
  const visible = createMemo(() => props.hints.filter((h) => !dismissed().has(keyOf(h))).slice(0, props.max ?? 8));
  const dismiss = (h: CoachHint) => setDismissed((set) => new Set([...set, keyOf(h)]));
  return (
    <div id={props.id} class="coach-hints" data-testid={props.testId ?? 'coach-hints'} data-count={visible().length}>
      <Show when={visible().length > 0} fallback={<p class="small muted">{t('coach:none')}</p>}>
        <p class="small strong">{t('coach:title')}</p>
        <ul class="coach-hints__list small">
          <For each={visible()}>
            {(hint) => {
              const message = () => t(hint.key, hint.params);
              return (
                <li class="coach-hints__item" data-c={hint.c} data-code={hint.code}>
                  <span class="coach-hints__c">{t(`coach:c.${hint.c}`)}</span>
                  <Show when={hint.law}>
                    <span class="badge badge--alert">{t('coach:lawBadge')}</span>
                  </Show>
                  <span class="coach-hints__text">{message()}</span>
                  <button type="button" class="coach-hints__dismiss" aria-label={t('coach:dismissLabel', { message: message() })} onClick={() => dismiss(hint)}>
                    {t('coach:dismiss')}
                  </button>
                </li>
              );
            }}
          </For>
        </ul>
      </Show>
      <Show when={hidden() > 0}>
        <button type="button" class="coach-hints__dismiss" onClick={() => setDismissed(new Set<string>())}>
          {t('coach:restore', { count: hidden() })}
        </button>
      </Show>
    </div>
  );
}
