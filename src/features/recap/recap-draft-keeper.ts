/**
 * The recap email's fields kept in IndexedDB as the agent edits them, through the same ordered save queue as
 * a call's notes (every edit written at once, a burst coalesced, never out of order, flushed when the page is
 * hidden). `null` means "back to the generated text": the stored draft is deleted in its turn.
 */
import { createCallWriter, type SaveState } from '../../app/call-session-writer';
import { RECAP_DRAFT_SCHEMA_VERSION, type RecapDraft } from '../../domain/drafts/recap-draft';
import type { CadenceStore } from '../../storage/api';

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
