import { createEffect, createMemo, createSignal, on, onCleanup, Show, type JSX } from 'solid-js';
import type { SaveState } from '../../session/call-session';
import { t } from '../../i18n';
import { isQuotaError } from '../../storage/errors';
import { formatElapsed } from './call-view';

/** Elapsed time since the call started; frozen once it ended. */
export function CallTimer(props: { startedAt: string; running: boolean; now: () => number }): JSX.Element {
  const started = Date.parse(props.startedAt);
  const [now, setNow] = createSignal(props.now());
  const timer = setInterval(() => props.running && setNow(props.now()), 1000);
  onCleanup(() => clearInterval(timer));
  return (
    <p class="call-timer" role="timer" aria-label={t('callscreen:timer')}>
      <span class="call-timer__label" aria-hidden="true">
        {t('callscreen:timer')}
      </span>{' '}
      <span class="mono">{formatElapsed((now() - started) / 1000)}</span>
    </p>
  );
}

/** Whether the device is full, and whether the unsaved notes are safe aside (then there is no need to keep the tab). */
function errorKey(save: SaveState): string {
  const quota = isQuotaError(save.error);
  if (save.keptAside) return quota ? 'callscreen:save.quotaKept' : 'callscreen:save.errorKept';
  return quota ? 'callscreen:save.quota' : 'callscreen:save.error';
}

/**
 * "Saved" once what the agent typed is on disk. The pending state lasts milliseconds; showing it at once
 * would flicker on every keystroke, so the words change only when a write takes longer than 300 ms. The
 * `data-state` attribute follows at once (tests and benchmarks read it), and each acknowledged write is
 * marked `cadence:call-saved` on the performance timeline. No style rule may read `data-state` or
 * `data-saved-seq` (the error look is a class): a write is acknowledged just after the step's frame, and an
 * attribute a selector reads makes Chromium draw a frame of its own then, which a key pressed right after
 * has to wait behind (up to a whole frame; see css-attributes.test.ts).
 */
export function SaveStatus(props: { save: SaveState }): JSX.Element {
  const [slow, setSlow] = createSignal(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  createEffect(
    on(
      () => props.save.pending,
      (pending) => {
        clearTimeout(timer);
        if (pending) timer = setTimeout(() => setSlow(true), 300);
        else setSlow(false);
      },
    ),
  );
  // Marked once per write on disk: the save state also changes when a write is queued (every step move and
  // keystroke), which marked the last write again inside the key's task (and told the note benchmark of it).
  const savedSeq = createMemo(() => props.save.savedSeq);
  createEffect(
    on(
      savedSeq,
      (seq) => seq > 0 && performance.mark('cadence:call-saved', { detail: seq }),
      { defer: true },
    ),
  );
  onCleanup(() => clearTimeout(timer));
  const state = () => (props.save.error !== null ? 'error' : props.save.pending ? 'pending' : 'saved');
  return (
    <p class="save-status" classList={{ 'save-status--error': props.save.error !== null }} data-testid="save-status" data-state={state()} data-saved-seq={props.save.savedSeq}>
      <Show
        when={props.save.error === null}
        fallback={
          <span class="save-status__error" role="alert">
            {t(errorKey(props.save))}
          </span>
        }
      >
        <Show when={slow()} fallback={<span class="save-status__ok">✓ {t('callscreen:save.saved')}</span>}>
          <span>{t('callscreen:save.pending')}</span>
        </Show>
      </Show>
    </p>
  );
}
