import { createEffect, createMemo, createRenderEffect, createRoot, createSelector, getOwner, on, onCleanup, type Accessor, type JSX } from 'solid-js';
import { afterPaint, soon, whenIdle } from '../../session/after-paint';

type Panel = { wrap: HTMLDivElement; dispose: () => void };

/**
 * The first panel ahead is built when the page is idle, or this long after the paint at the latest: a screen
 * busy with its own start (first save, team session, measures) had no idle period before a key pressed at
 * once, which then built the step in its own task.
 */
const AHEAD_WITHIN_MS = 50;

/**
 * After a step change, the other panels (ahead but not first, and `later`) wait until no step change came
 * for this long: keys pressed back to back leave idle gaps between a key's task and its frame, and a panel
 * built there (a trace at 4×: up to 139 ms) held that frame back.
 */
const LATER_QUIET_MS = 500;

/**
 * One panel per key (a call step), built the first time it is shown — or ahead of time, while the browser is
 * idle after a paint — and kept. Every panel shown or built ahead stays in the document; those not shown
 * are invisible, of no height, out of the tab order and the accessibility tree
 * (call.css: `kept-panel--fresh` for one never shown, whose style and layout are computed while idle by
 * reading its layout; `kept-panel--kept` for one shown before; both keep their style and layout as they were). A step change then swaps classes: the new
 * panel's style and layout were done in an earlier frame, not in the frame the agent waits for (a Chromium
 * trace put a detached panel's rebuilt style and layout at ~3 ms a step at 1×, 19–23 ms at 4×).
 * A panel once in the document stays there, hidden, while panels are kept: taking the far ones out after each
 * paint and putting them back when near again (as was done) cost a step its panel's style and layout anew
 * (1–4 ms at 1× a step in the benchmark's walk), and each move of form controls in or out of the page had
 * Chromium's autofill scan the forms 100 ms later (5–7 ms at 1× in a trace, often in the middle of a later
 * key). Hidden, a panel costs no style, layout or paint until shown.
 *
 * `render` receives whether its panel is the one shown: ids and test ids that several steps share are given
 * to the shown panel only, so the document never holds two of them.
 *
 * `keep: false` builds each panel when shown and disposes it when left (a read-only tab: what another tab
 * writes must never meet a panel built from an older snapshot); turning it off drops every panel but the one
 * shown.
 */
export function KeptPanels<K extends string>(props: {
  active: K;
  render: (key: K, shown: Accessor<boolean>) => JSX.Element;
  /**
   * Built while idle after the active panel painted, one per idle task, in this order (the steps the agent
   * most likely goes to next), and kept in the document, hidden. Only the first has a deadline.
   */
  ahead?: readonly K[];
  /**
   * Built once those ahead are, only while the page is truly idle (no deadline), put in the document hidden
   * and laid out while idle, as those ahead are: the call's other steps, built while the agent reads the
   * first one. A panel that came within reach later was built with a deadline, which, keys pressed back to
   * back, put its build in the middle of the next key's move (a Chromium trace at 4×: 34–103 ms in keys 2–4).
   * Built out of the document and put in it only once ahead (as was done), each of an agent's first steps
   * after a pause put two panels in the page after its paint: a frame of their own, and the next key, if it
   * came within that frame's interval, waited for the vsync after it (keys 2–5 at 1× after a 2 s pause: 10–23
   * ms, against 7–10 with every panel in the page).
   */
  later?: readonly K[];
  keep: boolean;
}): JSX.Element {
  const owner = getOwner();
  const isShown = createSelector(() => props.active);
  const built = new Map<K, Panel>();
  const holder = (<div class="kept-panels" />) as HTMLDivElement;
  let cancelAhead: (() => void) | null = null;
  /** When the shown panel last changed (never: the screen just opened, the agent reads its first step). */
  let movedAt = -Infinity;
  /**
   * Panels `later` also wait for a pause after the screen opened: a first key pressed at once met one of
   * them being built (the benchmark's, at 4×: up to ~190 ms for the first key).
   */
  const openedAt = performance.now();

  const build = (key: K): Panel => {
    let panel = built.get(key);
    if (!panel) {
      // Its own root, owned by this component's owner (contexts resolve), disposed with it or when evicted.
      panel = createRoot((dispose) => {
        const shown = () => isShown(key);
        // Hidden, a panel keeps its rendering state untouched until shown (see call.css); one never shown has it
        // computed while idle (`prime`).
        const seen = createMemo<boolean>((before) => before || shown(), false);
        const wrap = (
          <div class="kept-panel" classList={{ 'kept-panel--fresh': !shown() && !seen(), 'kept-panel--kept': !shown() && seen() }}>
            {props.render(key, shown)}
          </div>
        ) as HTMLDivElement;
        return { wrap, dispose };
      }, owner);
      built.set(key, panel);
      // In the page at once, hidden, and laid out while idle: no step move puts it in later.
      holder.appendChild(panel.wrap);
      prime(key);
    }
    return panel;
  };
  /** Panels in the document, never shown, whose style and layout are still to be computed while idle. */
  const unprimed = new Set<K>();
  let cancelPrime: (() => void) | null = null;
  /** Panels to lay out by a deadline, or at once while the screen opens (see `primeSoon`): their cancels. */
  const primingSoon = new Map<K, () => void>();
  const prime = (key: K) => {
    if (!built.get(key)?.wrap.classList.contains('kept-panel--fresh')) return;
    unprimed.add(key);
    cancelPrime ??= whenIdle(primeOne);
  };
  /** Computes a panel's style and layout now, once: see `prime`. */
  const layOut = (key: K) => {
    if (!unprimed.delete(key)) return;
    const wrap = built.get(key)?.wrap;
    // Reading the layout of a box under `content-visibility: hidden` computes that subtree's style and layout
    // now, and they stay: its first show then restyles and lays out one box, as a panel shown before does.
    if (wrap?.parentNode === holder && wrap.classList.contains('kept-panel--fresh')) wrap.firstElementChild?.getBoundingClientRect();
  };
  const primeOne = () => {
    cancelPrime = null;
    const key = unprimed.values().next().value as K | undefined;
    if (key === undefined) return;
    layOut(key);
    if (unprimed.size > 0) cancelPrime = whenIdle(primeOne);
  };
  /**
   * The next step's panel is laid out by the same deadline as its build: laid out only when the page was truly
   * idle, it was often still unprimed at the next key, which then computed its whole style and layout (a trace
   * at 4×: the second key of a call, 12 ms of style and 18 ms of layout, against ~2 and ~4 for a primed one).
   * While the screen opens, every panel ahead is laid out so, in a task of its own (`soon`, `opening`).
   */
  const primeSoon = (key: K) => {
    if (!unprimed.has(key) || primingSoon.has(key)) return;
    const run = () => {
      primingSoon.delete(key);
      layOut(key);
    };
    primingSoon.set(key, opening() ? soon(run) : whenIdle(run, AHEAD_WITHIN_MS));
  };
  const cancelPrimeSoon = () => {
    for (const cancel of primingSoon.values()) cancel();
    primingSoon.clear();
  };
  const drop = (keep: (key: K) => boolean) => {
    for (const [key, panel] of built) {
      if (keep(key)) continue;
      panel.dispose();
      panel.wrap.remove();
      built.delete(key);
    }
  };
  /**
   * Until the agent's first move, the panels ahead are built and laid out in tasks of their own (`soon`),
   * not when the page is first idle: a call opening is busy (its first writes, the team session), and its idle
   * periods came late, so the first keys of a call pressed at once met these panels half done, built or laid
   * out in their own tasks (the benchmark's, at 4×: keys 1–3 at 40–106 ms, against ~25 once settled).
   */
  const opening = () => movedAt === -Infinity;
  const aheadWhileOpening = (key: K) => opening() && props.ahead?.includes(key) === true;
  const missing = (keys: readonly K[] | undefined) => (keys ?? []).find((k) => !built.has(k));
  /** The next panel to build ahead: the step after this one (urgent), then the others near, then `later`. */
  const pick = (): { key: K; urgent: boolean; quietFrom: number } | undefined => {
    const soonest = props.ahead?.[0];
    if (soonest !== undefined && !built.has(soonest)) return { key: soonest, urgent: true, quietFrom: -Infinity };
    const near = missing(props.ahead);
    if (near !== undefined) return { key: near, urgent: false, quietFrom: movedAt };
    const far = missing(props.later);
    return far === undefined ? undefined : { key: far, urgent: false, quietFrom: Math.max(movedAt, openedAt) };
  };

  // The shown panel is in the document before the screen's effects run (they focus its heading).
  createRenderEffect(on(() => props.active, (active) => build(active)));
  createEffect(on(() => props.keep, () => drop((key) => key === props.active), { defer: true }));
  createEffect(
    on(
      () => [props.active, props.ahead, props.keep] as const,
      ([active, , keep], before) => {
        if (!keep) return drop((key) => key === active);
        if (before && before[0] !== active) movedAt = performance.now();
        cancelAhead?.();
        cancelAhead = null;
        // Not between this move's task and its frame: laid out after its paint, if still needed.
        cancelPrimeSoon();
        // One panel per idle task: each is a short task of its own (a load's blocking time counts long tasks
        // only), and a key pressed meanwhile waits for one panel at most. The next step first, by a deadline
        // (its key may come at once); the others once the agent paused (see LATER_QUIET_MS): with a deadline
        // each, keys back to back met the builds of two steps ahead in their own moves (a trace at 4×: the
        // commitments panel, 94 ms, inside the fourth key's).
        const next = () => {
          const first = pick();
          if (!first) return;
          const task = () => {
            cancelAhead = null;
            const job = props.keep ? pick() : undefined;
            if (!job) return;
            const wait = job.quietFrom + LATER_QUIET_MS - performance.now();
            if (wait > 0) return void (cancelAhead = later(wait));
            const near = job.urgent || aheadWhileOpening(job.key);
            build(job.key);
            if (near) primeSoon(job.key);
            next();
          };
          cancelAhead = aheadWhileOpening(first.key) ? soon(task) : whenIdle(task, first.urgent ? AHEAD_WITHIN_MS : undefined);
        };
        const later = (wait: number) => {
          const timer = setTimeout(next, wait);
          return () => clearTimeout(timer);
        };
        const soonest = props.ahead?.[0];
        const layOutSoonest = soonest !== undefined && unprimed.has(soonest);
        if (!pick() && !layOutSoonest) return;
        cancelAhead = afterPaint(() => {
          if (layOutSoonest) primeSoon(soonest);
          next();
        });
      },
    ),
  );
  onCleanup(() => {
    cancelPrime?.();
    cancelPrimeSoon();
    cancelAhead?.();
    drop(() => false);
  });
  return holder;
}
