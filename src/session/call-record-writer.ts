/**
 * The save queue of one call, wired to where its records go: the store, and, while the store refuses them,
 * the copy kept aside (localStorage) that the next opening puts back.
 */
import type { CallPersistEnvelope } from '../machines/call.types';
import type { CallRecordInput, CadenceStore } from '../storage/api';
import type { CallRescue } from '../storage/call-rescue';
import { createCallWriter, type CallWriter } from './call-session-writer';

export interface RecordWriterDeps {
  store: Pick<CadenceStore, 'saveCall'>;
  now: () => number;
  rescue: CallRescue | null;
  /** When a `soon` write starts (after the next paint, in the app); none: at once. */
  defer?: (start: () => void) => () => void;
}

export interface CallRecordWriter extends CallWriter<CallRecordInput> {
  /** Queues the envelope as the call's newest record, stamped with the session's clock (`soon`: see CallWriter.push). */
  pushEnvelope(envelope: CallPersistEnvelope, timing?: 'now' | 'soon'): void;
}

export function createCallRecordWriter(call: { callId: string; debtorId: string }, deps: RecordWriterDeps, keptAside: boolean): CallRecordWriter {
  const { rescue } = deps;
  const writer = createCallWriter<CallRecordInput>((record) => deps.store.saveCall(record), {
    now: deps.now,
    rescue: rescue ? { put: (record) => rescue.put(record), clear: () => rescue.clear(call.callId) } : undefined,
    keptAside,
    defer: deps.defer,
  });
  return {
    ...writer,
    pushEnvelope(envelope, timing) {
      writer.push({ callId: call.callId, debtorId: call.debtorId, updatedAt: new Date(deps.now()).toISOString(), envelope }, timing);
    },
  };
}
