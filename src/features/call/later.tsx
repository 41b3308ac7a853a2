import { createSignal, onCleanup, Show, untrack, type Accessor, type JSX } from 'solid-js';
import { soon } from '../../session/after-paint';

/**
 * Its children rendered in a task of their own right after the panel's (`soon`), or at once when `now` turns true
 * (the panel they belong to is shown): a panel built ahead then comes in two shorter tasks instead of one. Not
 * when the page is next idle: the panel's layout is computed ahead too (kept-panels.tsx), and children that
 * came after it made the panel's first show lay them out in the key's task (a trace at 4×: 71 boxes laid out
 * at a call's first key, against 26 once shown before).
 */
export function Later(props: { now: Accessor<boolean>; children: JSX.Element }): JSX.Element {
  const [ready, setReady] = createSignal(false);
  // A panel shown as it is built renders them at once and never needs the task.
  if (!untrack(props.now)) onCleanup(soon(() => setReady(true)));
  return <Show when={ready() || props.now()}>{props.children}</Show>;
}
