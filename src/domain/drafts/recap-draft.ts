/**
 * The agent's edits of a recap email, kept as they type so a closed tab or a crash loses none of them; one per
 * call (keyed by the call activity the recap confirms). Kept apart from entities.ts: only the recap needs it.
 */
import { z } from 'zod/mini';
import { Id, IsoDateTime } from '../entities';

export const RECAP_DRAFT_SCHEMA_VERSION = 1;

export const RecapDraft = z.object({
  schemaVersion: z.literal(RECAP_DRAFT_SCHEMA_VERSION),
  /** The call activity's id. */
  id: Id,
  debtorId: Id,
  to: z.string().check(z.maxLength(320)),
  subject: z.string().check(z.maxLength(1_000)),
  body: z.string().check(z.maxLength(100_000)),
  updatedAt: IsoDateTime,
});
export type RecapDraft = z.infer<typeof RecapDraft>;
