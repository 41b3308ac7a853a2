/**
 * The editor's autosave: every edit goes through the call's own save queue (ordered, coalesced while a
 * write is in flight, flushed when the page is hidden), so a killed tab loses no more than a call would.
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import { createCallWriter, type SaveState } from '../../session/call-session-writer';
import type { CallScript } from '../../scripts/schema';
import type { Editor, ScriptLibrary } from '../../storage/script-library-api';

export interface DraftAutosave {
  push(draft: CallScript): void;
  flush(): Promise<void>;
  state: Accessor<SaveState>;
}

export function useDraftAutosave(library: ScriptLibrary, scriptId: string, editor: () => Editor): DraftAutosave {
  const writer = createCallWriter<CallScript>(async (draft) => {
    await library.saveDraft(scriptId, draft, editor());
  });
  const [state, setState] = createSignal<SaveState>(writer.state());
  const unsubscribe = writer.subscribe(setState);
  const hide = () => writer.flushNow();
  const visibility = () => {
    if (document.visibilityState === 'hidden') writer.flushNow();
  };
  window.addEventListener('pagehide', hide);
  document.addEventListener('visibilitychange', visibility);
  onCleanup(() => {
    window.removeEventListener('pagehide', hide);
    document.removeEventListener('visibilitychange', visibility);
    unsubscribe();
    void writer.close();
  });
  return { push: (draft) => void writer.push(draft), flush: () => writer.flush(), state };
}
