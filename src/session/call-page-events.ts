/**
 * What the page tells a call in progress. Hidden or going away (`pagehide`, `visibilitychange` to hidden):
 * write the newest state now. Closing while nothing could be saved (device full, database closed, and even
 * the copy aside refused): the browser asks before the agent loses what was typed since.
 */
import type { SaveState } from './call-session-writer';

export interface PageEvents {
  win: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  doc: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'>;
}

/** Starts listening; returns the function that stops. */
export function watchPage(page: PageEvents | null, writer: { flushNow(): void; state(): SaveState }): () => void {
  if (!page) return () => undefined;
  const flushNow = (): void => writer.flushNow();
  const onVisibility = (): void => {
    if (page.doc.visibilityState === 'hidden') writer.flushNow();
  };
  const onBeforeUnload = (event: Event): void => {
    const save = writer.state();
    if (save.error === null || save.keptAside) return;
    event.preventDefault();
    (event as Event & { returnValue: unknown }).returnValue = true;
  };
  page.win.addEventListener('pagehide', flushNow);
  page.win.addEventListener('beforeunload', onBeforeUnload);
  page.doc.addEventListener('visibilitychange', onVisibility);
  return () => {
    page.win.removeEventListener('pagehide', flushNow);
    page.win.removeEventListener('beforeunload', onBeforeUnload);
    page.doc.removeEventListener('visibilitychange', onVisibility);
  };
}
