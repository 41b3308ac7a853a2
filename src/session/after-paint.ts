/**
 * Scheduling around the frame: work that must not delay the paint of what the agent asked for (building
 * the next step ahead, marking the paint for the benchmark) runs after it. Each returns a cancel function.
 */

/** `fn` in a task after the next frame was produced (a task queued from requestAnimationFrame runs after its paint). */
export function afterPaint(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(fn);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/** Modifier keys: one pressed alone starts a shortcut (Ctrl+Enter, Alt+←) whose other key is on its way. */
const MODIFIERS = new Set(['Control', 'Alt', 'Meta', 'Shift', 'AltGraph']);
/** A modifier held longer than this is no longer taken for a shortcut on its way. */
export const CHORD_PENDING_MS = 1000;
let chordFrom: number | null = null;
let watching = false;

/** Follows the keyboard from the first idle work on: a modifier down starts a chord, any other key or a keyup ends it. */
function watchChords(): void {
  if (watching || typeof addEventListener !== 'function') return;
  watching = true;
  const end = () => (chordFrom = null);
  addEventListener('keydown', (e) => (chordFrom = MODIFIERS.has(e.key) ? performance.now() : null), true);
  addEventListener('keyup', end, true);
  addEventListener('blur', end, true);
}

/** Whether a shortcut's modifier is down and its other key not yet pressed. */
export function chordPending(now = performance.now()): boolean {
  return chordFrom !== null && now - chordFrom < CHORD_PENDING_MS;
}

/**
 * `fn` when the main thread is idle — truly idle, with no deadline that would run it in the middle of the
 * page's loading; a short timer where idle callbacks are missing (Safari). With `maxMs`, after that long at the
 * latest, idle or not (a busy page may have no idle period before the agent's next key).
 *
 * Without `maxMs`, it also waits while a shortcut is on its way (`chordPending`): between the Ctrl and the
 * Enter of Ctrl+Enter the page is idle, and work run there held the step's key back (a trace at 1×: a 7.8 ms
 * panel layout between the two keydowns of a call's first step).
 */
export function whenIdle(fn: () => void, maxMs?: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    if (maxMs !== undefined) {
      const id = requestIdleCallback(() => fn(), { timeout: maxMs });
      return () => cancelIdleCallback(id);
    }
    watchChords();
    let id = 0;
    const run = () => {
      if (chordPending()) id = requestIdleCallback(run);
      else fn();
    };
    id = requestIdleCallback(run);
    return () => cancelIdleCallback(id);
  }
  const timer = setTimeout(fn, Math.min(50, maxMs ?? 50));
  return () => clearTimeout(timer);
}

type PostTask = (fn: () => void, options: { signal: AbortSignal; priority?: 'user-visible' }) => Promise<void>;

/**
 * `fn` in a task of its own, in turn with the page's other tasks (input and frames still go first):
 * `scheduler.postTask` where there is one (no 4 ms clamp on a chain of them, as timers have), a zero timer
 * elsewhere. Unlike `whenIdle` it does not wait for an idle period, which a page busy starting (its first writes,
 * its data) may not have for a while. Not at background priority either: behind the opening's other tasks, a
 * call's panels were still being built and laid out as its first key came, their frames drawn just before it
 * (1×, 16 calls per build in turn: first key median 12 → 9 ms, keys 2–8 over 16 ms 12 → 3 of 112). Like
 * `whenIdle` without a deadline, it waits while a shortcut is on its way (`chordPending`).
 */
export function soon(fn: () => void): () => void {
  watchChords();
  let cancelWait: (() => void) | null = null;
  const run = () => {
    if (chordPending()) cancelWait = whenIdle(fn);
    else fn();
  };
  const postTask = (globalThis as { scheduler?: { postTask?: PostTask } }).scheduler?.postTask;
  if (typeof postTask === 'function' && typeof AbortController === 'function') {
    const controller = new AbortController();
    postTask.call((globalThis as { scheduler?: unknown }).scheduler, run, { signal: controller.signal, priority: 'user-visible' }).catch(() => undefined);
    return () => {
      controller.abort();
      cancelWait?.();
    };
  }
  const timer = setTimeout(run, 0);
  return () => {
    clearTimeout(timer);
    cancelWait?.();
  };
}

/**
 * Background work (a call's step move on its way to disk): one task later than `afterPaint`, so what runs
 * right after the paint (focus, the paint mark the benchmark reads) goes first; after `maxMs` at the latest,
 * since a hidden tab produces no frames and this must not wait for the tab to be shown again.
 */
export function afterPaintOrSoon(fn: () => void, maxMs = 100): () => void {
  let done = false;
  let next: ReturnType<typeof setTimeout> | undefined;
  const once = () => {
    if (done) return;
    done = true;
    cancelPaint();
    clearTimeout(timer);
    clearTimeout(next);
    fn();
  };
  const timer = setTimeout(once, maxMs);
  const cancelPaint = typeof requestAnimationFrame === 'function' ? afterPaint(() => (next = setTimeout(once))) : () => undefined;
  return () => {
    done = true;
    cancelPaint();
    clearTimeout(timer);
    clearTimeout(next);
  };
}

/**
 * Lets the browser run what is waiting (input, a frame) before the rest of a long piece of work: a new task
 * (`scheduler.yield` where there is one, which keeps this work ahead of other tasks; a zero timer elsewhere).
 * Opening a call restored the machine and rendered the whole screen in one task (a Lighthouse trace at 4×
 * CPU: 170–230 ms, most of the call screen's blocking time); split at the seams, no task holds both.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
