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

/**
 * `fn` when the main thread is idle — truly idle, with no deadline that would run it in the middle of the
 * page's loading; a short timer where idle callbacks are missing (Safari).
 */
export function whenIdle(fn: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(() => fn());
    return () => cancelIdleCallback(id);
  }
  const timer = setTimeout(fn, 50);
  return () => clearTimeout(timer);
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
