/**
 * Save and restore a call in progress. The envelope carries the machine version beside XState's
 * persisted snapshot, so a snapshot written by another version is never fed to this machine as-is:
 * it is migrated, or its notes and captures are recovered for the dossier (issue 3, "Nothing lost").
 *
 * Version 1 is the first machine version, so no migration exists yet: the next version that changes
 * states or context adds its step here, from `fromVersion` to MACHINE_VERSION, before the recovery path.
 */
import { z } from 'zod/mini';
import { CallContext, Captures, CaptureValue, Commitment, DelayReason } from '../domain/call/context';
import type { RecoveredCall } from '../domain/call/recovery';
import { isStepId } from '../domain/call/steps';
import type { AnyActorRef } from 'xstate';
import { MACHINE_VERSION, persistEnvelope, stateValueOf, type CallPersistEnvelope, type PersistedCallSnapshot, type ResumableCallSnapshot } from './call.types';

export type RestoredCall =
  | { kind: 'snapshot'; snapshot: ResumableCallSnapshot }
  | { kind: 'recovered'; recovered: RecoveredCall }
  | { kind: 'unreadable' };

const Envelope = z.object({ machineVersion: z.int(), snapshot: z.unknown() });
const Persisted = z.object({
  status: z.enum(['active', 'done']),
  value: z.unknown(),
  historyValue: z.record(z.string(), z.unknown()),
  context: CallContext,
  children: z.record(z.string(), z.unknown()),
});

/**
 * JSON-safe: what `persist` stores and `restoreCallSnapshot` reads back, built from the actor's context as
 * `persist` builds it (XState's own persisted snapshot would also carry the commit running after the end).
 */
export function serializeCallSnapshot(actor: Pick<AnyActorRef, 'getSnapshot'>): CallPersistEnvelope {
  return JSON.parse(JSON.stringify(persistEnvelope((actor.getSnapshot() as { context: CallContext }).context))) as CallPersistEnvelope;
}

/**
 * A stored call as the machine resumes it: where it was, or, once ended, `uncommitted` — a restored
 * snapshot runs no invoked actor, so the ended call waits there for COMMIT to commit its outcome.
 */
export function resumableSnapshot(stored: PersistedCallSnapshot): ResumableCallSnapshot {
  return { ...stored, status: 'active', value: stored.context.ending ? 'uncommitted' : stored.value };
}

function currentVersionSnapshot(snapshot: unknown): PersistedCallSnapshot | null {
  const parsed = Persisted.safeParse(snapshot);
  if (!parsed.success) return null;
  const { status, value, context } = parsed.data;
  // The state value must be the one the context stands for, else resuming would show the wrong step.
  if (JSON.stringify(value) !== JSON.stringify(stateValueOf(context))) return null;
  if ((status === 'done') !== (context.ending !== null)) return null;
  return { status, output: undefined, error: undefined, value: stateValueOf(context), historyValue: {}, context, children: {} };
}

const field = <T>(schema: z.ZodMiniType<T>, value: unknown): T | null => {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
};

/** Keeps every capture that still reads as one, field by field, whatever else is wrong. */
function salvageCaptures(raw: unknown): Captures {
  const whole = field(Captures, raw);
  if (whole) return whole;
  const captures: Captures = {};
  if (raw === null || typeof raw !== 'object') return captures;
  for (const [stepId, fields] of Object.entries(raw)) {
    if (!isStepId(stepId) || fields === null || typeof fields !== 'object') continue;
    const kept = Object.entries(fields).filter(([, v]) => CaptureValue.safeParse(v).success);
    if (kept.length > 0) captures[stepId] = Object.fromEntries(kept) as Record<string, CaptureValue>;
  }
  return captures;
}

function recover(raw: unknown, fromVersion: number | null): RestoredCall {
  const snapshot = raw !== null && typeof raw === 'object' ? (raw as { snapshot?: unknown }).snapshot : undefined;
  const context = snapshot !== null && typeof snapshot === 'object' ? (snapshot as { context?: unknown }).context : undefined;
  if (context === null || typeof context !== 'object') return { kind: 'unreadable' };
  const c = context as Record<string, unknown>;
  const debtorId = field(z.string().check(z.minLength(1)), c.debtorId);
  if (!debtorId) return { kind: 'unreadable' };
  return {
    kind: 'recovered',
    recovered: {
      debtorId,
      callId: field(z.string(), c.callId),
      scriptId: field(z.string(), c.scriptId),
      scriptVersion: field(z.int(), c.scriptVersion),
      startedAt: field(z.string(), c.startedAt),
      notes: field(z.string(), c.notes) ?? '',
      captures: salvageCaptures(c.captures),
      reason: field(DelayReason, c.reason),
      commitment: field(Commitment, c.commitment),
      fromVersion,
    },
  };
}

/**
 * Reads a stored envelope (object or JSON text). `snapshot`: pass it to
 * `createActor(callMachine.provide(…), { snapshot })`. `recovered`: the call cannot resume; save its
 * notes and captures (see `recoveredActivity`). `unreadable`: nothing tied to a dossier survives.
 */
export function restoreCallSnapshot(json: unknown): RestoredCall {
  let raw = json;
  if (typeof json === 'string') {
    try {
      raw = JSON.parse(json);
    } catch {
      return { kind: 'unreadable' };
    }
  }
  const envelope = Envelope.safeParse(raw);
  if (!envelope.success) return recover(raw, null);
  if (envelope.data.machineVersion === MACHINE_VERSION) {
    const snapshot = currentVersionSnapshot(envelope.data.snapshot);
    if (snapshot) return { kind: 'snapshot', snapshot: resumableSnapshot(snapshot) };
  }
  return recover(raw, envelope.data.machineVersion);
}
