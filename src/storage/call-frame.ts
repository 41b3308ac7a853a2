/**
 * A call record's frame (ids and time) without its envelope: enough to list, compare and keep calls aside.
 * Kept apart from call-records.ts so the first load (which keeps calls aside, call-rescue.ts) does not carry
 * the call context's schema, which only the call screen needs.
 */
import { z } from 'zod/mini';
import { Id, IsoDateTime } from '../domain/primitives';
import { readRecord, type CorruptHandler } from './codec';
import type { StoredCall } from './schema';

export const CallRecordFrame = z.object({ callId: Id, debtorId: Id, updatedAt: IsoDateTime, envelope: z.unknown() });

/** Reads a stored call; its envelope stays unknown until restoreCallSnapshot reads it. */
export function readCall(raw: unknown, onCorrupt?: CorruptHandler): StoredCall | undefined {
  const frame = readRecord(CallRecordFrame, 'calls', raw, onCorrupt);
  // zod/mini drops an `undefined` unknown; a frame without an envelope still reaches the recovery path.
  return frame ? { ...frame, envelope: (raw as { envelope?: unknown }).envelope } : undefined;
}
