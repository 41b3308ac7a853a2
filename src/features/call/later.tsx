import { createSignal, onCleanup, Show, untrack, type Accessor, type JSX } from 'solid-js';
import { whenIdle } from '../../session/after-paint';

/**
 * Its children rendered in an idle task of their own, or at once when `now` turns true (the panel they belong to
 * is shown): a panel built ahead, while idle, then comes in two shorter tasks instead of one.
 */
export function Later(props: { now: Accessor<boolean>; children: JSX.Element }): JSX.Element {
  const [idle, setIdle] = createSignal(false);
  // A panel shown as it is built renders them at once and never needs the idle task.
  if (!untrack(props.now)) onCleanup(whenIdle(() => setIdle(true)));
  return <Show when={idle() || props.now()}>{props.children}</Show>;
}
