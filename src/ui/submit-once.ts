/**
 * One submit, one record. A submit handler wrapped here ignores every submit that arrives while the
 * previous one is still running (a double click, Enter pressed twice, a second `requestSubmit()` before the
 * button is re-rendered as disabled): two back-to-back submits stored two payments before this.
 * The flag is a plain variable, not a signal, so it is set in the same tick as the first submit.
 */
export function submitOnce<E extends Event>(handler: (event: E) => void | Promise<void>): (event: E) => Promise<void> {
  let running = false;
  return async (event: E) => {
    event.preventDefault();
    if (running) return;
    running = true;
    try {
      await handler(event);
    } finally {
      running = false;
    }
  };
}
