/**
 * One writer per call across tabs (Web Locks, see call-session-lock.ts). A tab that opened the call while
 * another wrote it reads; when the writer lets go (closed, navigated, died) this tab takes the lock, reads
 * the newest record (or the newer copy kept aside) and carries on as the writer.
 */
import { restoreCallSnapshot } from '../machines/call.snapshot';
import type { ResumableCallSnapshot } from '../machines/call.types';
import type { CadenceStore, CallRecord } from '../storage/api';
import type { CallRescue } from '../storage/call-rescue';
import { callLockName, waitForLock, type HeldLock, type LockManagerLike } from './call-session-lock';

/** A call record, and whether it is a copy kept aside that IndexedDB does not hold yet. */
export interface AdoptedCall {
  record: CallRecord;
  aside: boolean;
}

/**
 * The newest of the stored call and a copy kept aside while IndexedDB refused it. A kept copy is put back
 * into IndexedDB and dropped; when IndexedDB still refuses, the copy is used as it is and stays aside (the
 * session then writes it again until IndexedDB takes it).
 */
export async function adoptRescued(
  deps: { store: Pick<CadenceStore, 'restoreCall'>; rescue: CallRescue | null },
  stored: CallRecord | undefined,
  callId?: string,
): Promise<AdoptedCall | undefined> {
  const kept = callId === undefined ? undefined : deps.rescue?.get(callId);
  if (!kept || (stored && stored.updatedAt >= kept.updatedAt)) {
    if (kept) deps.rescue?.clear(kept.callId);
    return stored && { record: stored, aside: false };
  }
  try {
    await deps.store.restoreCall(kept);
    deps.rescue?.clear(kept.callId);
    return { record: kept, aside: false };
  } catch {
    return { record: kept, aside: true };
  }
}

/** Where the taking-over tab resumes: the newest snapshot, when it was written, and whether it is aside. */
export interface TakeoverStart {
  snapshot: ResumableCallSnapshot;
  updatedAt: string;
  aside: boolean;
}

/** The call as the writer left it, or null when it is gone (ended and committed there) or cannot resume. */
export async function takeoverStart(deps: { store: Pick<CadenceStore, 'getCall' | 'restoreCall'>; rescue: CallRescue | null }, callId: string): Promise<TakeoverStart | null> {
  const adopted = await adoptRescued(deps, await deps.store.getCall(callId).catch(() => undefined), callId);
  if (!adopted) return null;
  const restored = restoreCallSnapshot(adopted.record.envelope);
  if (restored.kind !== 'snapshot') return null;
  return { snapshot: restored.snapshot, updatedAt: adopted.record.updatedAt, aside: adopted.aside };
}

/**
 * Waits for the call's writer lock and hands it to `onHeld`; nothing happens once `signal` aborts (the
 * session was disposed first). Without Web Locks there is no other writer to wait for.
 */
export function awaitWriterLock(locks: LockManagerLike | null, callId: string, signal: AbortSignal, onHeld: (held: HeldLock) => void): void {
  if (!locks) return;
  void waitForLock(locks, callLockName(callId), signal).then((held) => {
    if (held) onHeld(held);
  });
}
