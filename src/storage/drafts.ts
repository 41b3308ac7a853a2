/**
 * Recap email drafts as the agent edited them (v6 `drafts` store). Written on every edit, durably: the agent
 * is never asked to save. Loaded on demand by the store: only the recap needs it.
 */
import { RecapDraft as RecapDraftSchema, type RecapDraft } from '../domain/drafts/recap-draft';
import { readRecord, validateForWrite, type CorruptHandler } from './codec';
import type { Records } from './records';
import { DURABLE } from './tx';

export async function getRecapDraft(records: Records, id: string, onCorrupt?: CorruptHandler): Promise<RecapDraft | undefined> {
  const raw = await records.read(['drafts'], (tx) => tx.get('drafts', id));
  // An unreadable draft is reported and set aside: the recap then starts again from the generated text.
  return raw === undefined ? undefined : readRecord<RecapDraft>(RecapDraftSchema, 'drafts', raw, onCorrupt ?? (() => undefined));
}

export async function putRecapDraft(records: Records, draft: RecapDraft): Promise<void> {
  // Committed at once, like a call's notes: a write started as the tab closes must still land.
  await records.putNow('drafts', validateForWrite(RecapDraftSchema, 'drafts', draft));
}

export async function deleteRecapDraft(records: Records, id: string): Promise<void> {
  await records.write(['drafts'], (tx) => tx.delete('drafts', id), DURABLE);
}
