/**
 * Recap email drafts as the agent edited them (v6 `drafts` store). Written on every edit, durably: the agent
 * is never asked to save. Loaded on demand by the store: only the recap needs it.
 */
import { RecapDraft as RecapDraftSchema, type RecapDraft } from '../domain/drafts/recap-draft';
import { readRecord, validateForWrite, type CorruptHandler } from './codec';
import type { CadenceDatabase } from './db';
import { commitOrAbort } from './tx';

const DURABLE = { durability: 'strict' } as const;

export async function getRecapDraft(db: CadenceDatabase, id: string, onCorrupt?: CorruptHandler): Promise<RecapDraft | undefined> {
  const raw: unknown = await db.get('drafts', id);
  // An unreadable draft is reported and set aside: the recap then starts again from the generated text.
  return raw === undefined ? undefined : readRecord<RecapDraft>(RecapDraftSchema, 'drafts', raw, onCorrupt ?? (() => undefined));
}

export async function putRecapDraft(db: CadenceDatabase, draft: RecapDraft): Promise<void> {
  const valid = validateForWrite(RecapDraftSchema, 'drafts', draft);
  await commitOrAbort(db.transaction('drafts', 'readwrite', DURABLE), async (tx) => {
    // Committed at once, like a call's notes: a write started as the tab closes must still land.
    const put = tx.store.put(valid);
    tx.commit();
    await put;
  });
}

export async function deleteRecapDraft(db: CadenceDatabase, id: string): Promise<void> {
  await commitOrAbort(db.transaction('drafts', 'readwrite', DURABLE), async (tx) => {
    await tx.store.delete(id);
  });
}
