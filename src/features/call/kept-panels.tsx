import { createEffect, createRoot, getOwner, on, onCleanup, type JSX } from 'solid-js';
import { afterPaint, whenIdle } from '../../session/after-paint';

/**
 * One panel per key (a call step), built the first time it is shown — or ahead of time, while the browser is
 * idle after a paint — and kept: a step change swaps an already built node in, instead of tearing the step's
 * DOM down and building the next one while the agent waits (a Chromium trace at 4× CPU put most of a step
 * change there). Only the panel shown is in the document, so ids and test ids stay unique; the others are
 * detached and stay reactive (a capture, a commitment or the language still update them).
 *
 * `keep: false` builds each panel when shown and disposes it when left (a read-only tab: what another tab
 * writes must never meet a panel built from an older snapshot); turning it off drops every panel but the one
 * shown.
 */
export function KeptPanels<K extends string>(props: {
  active: K;
  render: (key: K) => JSX.Element;
  /** Built while idle after the active panel painted (the step the agent most likely goes to next). */
  ahead?: K | null;
  keep: boolean;
}): JSX.Element {
  const owner = getOwner();
  const built = new Map<K, { node: JSX.Element; dispose: () => void }>();
  let cancelAhead: (() => void) | null = null;

  const build = (key: K) => {
    let panel = built.get(key);
    if (!panel) {
      // Its own root, owned by this component's owner (contexts resolve), disposed with it or when evicted.
      panel = createRoot((dispose) => ({ node: props.render(key), dispose }), owner);
      built.set(key, panel);
    }
    return panel.node;
  };
  const drop = (keep: (key: K) => boolean) => {
    for (const [key, panel] of built) {
      if (keep(key)) continue;
      panel.dispose();
      built.delete(key);
    }
  };
  createEffect(on(() => props.keep, () => drop((key) => key === props.active), { defer: true }));
  createEffect(
    on(
      () => [props.active, props.ahead, props.keep] as const,
      ([active, ahead, keep]) => {
        if (!keep) return drop((key) => key === active);
        cancelAhead?.();
        if (!ahead || built.has(ahead)) return;
        cancelAhead = afterPaint(() => {
          cancelAhead = whenIdle(() => {
            cancelAhead = null;
            if (props.keep && props.ahead === ahead) build(ahead);
          });
        });
      },
    ),
  );
  onCleanup(() => {
    cancelAhead?.();
    drop(() => false);
  });
  return <>{build(props.active)}</>;
}
