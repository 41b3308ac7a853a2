/**
 * The `calls` store's records through zod. Writes are checked strictly against today's call context (the
 * machine only ever writes its own version); reads check the record's frame only and hand the envelope on
 * untouched, because a stored call may come from an older machine version that the session migrates or
 * recovers (machines/call.snapshot.ts) rather than refuses.
 */
import { z } from 'zod/mini';
import { CallContext } from '../domain/call/context';
import { Id, IsoDateTime } from '../domain/entities';
import { CallRecordFrame } from './call-frame';
import { validateForWrite } from './codec';
import { StorageError } from './errors';
import type { StoredCall } from './schema';

export { readCall } from './call-frame';

/** The call machine's CallPersistEnvelope at the current machine version, as the storage layer checks it. */
export const CallEnvelope = z.object({
  machineVersion: z.int(),
  snapshot: z.object({
    status: z.enum(['active', 'done']),
    value: z.unknown(),
    historyValue: z.record(z.string(), z.unknown()),
    context: CallContext,
    children: z.record(z.string(), z.unknown()),
  }),
});
export type CallEnvelope = z.infer<typeof CallEnvelope>;

const CallRecordWrite = z.object({ callId: Id, debtorId: Id, updatedAt: IsoDateTime, envelope: CallEnvelope });
export type CallRecordWrite = z.infer<typeof CallRecordWrite>;


/** Parses a call on its way in; the record's ids must be the snapshot's own. */
export function validateCallForWrite(record: unknown): StoredCall {
  const valid = validateForWrite(CallRecordWrite, 'calls', record);
  const context = valid.envelope.snapshot.context;
  if (context.callId !== valid.callId || context.debtorId !== valid.debtorId) {
    throw new StorageError('invalid', `Call ${valid.callId} holds the snapshot of another call`, {
      store: 'calls',
      key: valid.callId,
      issues: [{ path: 'envelope.snapshot.context', message: 'callId and debtorId must match the record' }],
    });
  }
  return valid;
}

/**
 * Checks a call kept aside (call-rescue.ts) on its way back in: the frame strictly, the envelope left to
 * restoreCallSnapshot, since the copy may come from an older app version.
 */
export function validateRescuedCall(record: unknown): StoredCall {
  const frame = validateForWrite(CallRecordFrame, 'calls', record);
  const envelope = (record as { envelope?: unknown }).envelope;
  if (envelope === undefined || envelope === null) {
    throw new StorageError('invalid', `Call ${frame.callId} was kept without its snapshot`, {
      store: 'calls',
      key: frame.callId,
      issues: [{ path: 'envelope', message: 'Required' }],
    });
  }
  return { ...frame, envelope };
}
