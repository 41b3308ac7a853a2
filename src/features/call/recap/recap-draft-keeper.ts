/**
 * The recap email's fields kept in IndexedDB as the agent edits them, through the same ordered save queue as
 * a call's notes (every edit written at once, a burst coalesced, never out of order, flushed when the page is
 * hidden). `null` means "back to the generated text": the stored draft is deleted in its turn.
 */
import { createEffect, createResource, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import { createCallWriter, type SaveState } from '../../../session/call-session-writer';
import { RECAP_DRAFT_SCHEMA_VERSION, type RecapDraft } from '../../../domain/drafts/recap-draft';
import type { CadenceStore } from '../../../storage/api';

export interface DraftFields {
  to: string;
  subject: string;
  body: string;
}

export interface DraftKeeper {
  keep(fields: DraftFields): void;
  forget(): void;
  state(): SaveState;
  subscribe(listener: (state: SaveState) => void): () => void;
  /** Starts writing what is pending (the page is going away). */
  flushNow(): void;
  flush(): Promise<void>;
}

export function createDraftKeeper(store: Pick<CadenceStore, 'putRecapDraft' | 'deleteRecapDraft'>, id: string, debtorId: string, now: () => number = Date.now): DraftKeeper {
  const writer = createCallWriter<RecapDraft | null>((draft) => (draft ? store.putRecapDraft(draft) : store.deleteRecapDraft(id)), { now });
  return {
    keep: (fields) => void writer.push({ schemaVersion: RECAP_DRAFT_SCHEMA_VERSION, id, debtorId, ...fields, updatedAt: new Date(now()).toISOString() }),
    forget: () => void writer.push(null),
    state: () => writer.state(),
    subscribe: (listener) => writer.subscribe(listener),
    flushNow: () => writer.flushNow(),
    flush: () => writer.flush(),
  };
}

/**
 * The keeper bound to a recap screen: reads the stored draft once (`apply` puts it in the fields), writes what
 * `keep` is given, flushes when the page is hidden or the screen goes away.
 */
export function useKeptDraft(
  store: Pick<CadenceStore, 'getRecapDraft' | 'putRecapDraft' | 'deleteRecapDraft'>,
  id: string,
  debtorId: string,
  apply: (fields: DraftFields) => void,
): {
  keep(fields: DraftFields): void;
  forget(): void;
  saveState: Accessor<SaveState>;
  /** True until the stored draft is read: typing before then would be overwritten by it. */
  reading: Accessor<boolean>;
  /** When the restored edits were made, or null when the fields hold the generated text. */
  restoredAt: Accessor<string | null>;
} {
  const keeper = createDraftKeeper(store, id, debtorId);
  const [saveState, setSaveState] = createSignal(keeper.state());
  onCleanup(keeper.subscribe(setSaveState));
  const [stored] = createResource(() => store.getRecapDraft(id).catch(() => undefined));
  const [restoredAt, setRestoredAt] = createSignal<string | null>(null);
  createEffect(
    on(stored, (draft) => {
      if (!draft) return;
      apply(draft);
      setRestoredAt(draft.updatedAt);
    }),
  );
  const flushNow = (): void => keeper.flushNow();
  const onHidden = (): void => {
    if (document.visibilityState === 'hidden') keeper.flushNow();
  };
  window.addEventListener('pagehide', flushNow);
  document.addEventListener('visibilitychange', onHidden);
  onCleanup(() => {
    window.removeEventListener('pagehide', flushNow);
    document.removeEventListener('visibilitychange', onHidden);
    keeper.flushNow();
  });
  return {
    keep: (fields) => keeper.keep(fields),
    forget() {
      setRestoredAt(null);
      keeper.forget();
    },
    saveState,
    reading: () => stored.loading,
    restoredAt,
  };
}
