/**
 * The calls in progress, read on their own: the worklist's resume banner asks on every open. Most opens find
 * none, and the store then does not load this module at all (record-store.ts); when there are some, this must
 * not bring the call screen's storage code (./calls.ts: outcomes, plans, bundles and the call context's
 * schema) with it. The frame of each record is enough to list them.
 */
import { readCall } from './call-frame';
import type { CorruptHandler } from './codec';
import type { StoredCall } from './schema';

/** The stored calls `raws` (read by the caller), newest first: the call the agent most likely means to resume leads. */
export function readActiveCalls(raws: readonly unknown[], onCorrupt?: CorruptHandler): StoredCall[] {
  const calls: StoredCall[] = [];
  for (const raw of raws) {
    const call = readCall(raw, onCorrupt);
    if (call) calls.push(call);
  }
  return calls.sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt));
}
