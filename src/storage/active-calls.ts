/**
 * The calls in progress, read on their own: the worklist's resume banner asks on every open, and most opens
 * find none, so this must not bring the call screen's storage code (./calls.ts: outcomes, plans, bundles and
 * the call context's schema) with it. The frame of each record is enough to list them.
 */
import { readCall } from './call-frame';
import type { CorruptHandler } from './codec';
import type { Records } from './records';
import type { StoredCall } from './schema';

/** Newest first: the call the agent most likely means to resume leads. */
export async function activeCalls(records: Records, debtorId?: string, onCorrupt?: CorruptHandler): Promise<StoredCall[]> {
  const raws = await records.read(['calls'], (tx) => (debtorId === undefined ? tx.getAll('calls') : tx.byDebtor('calls', debtorId)));
  const calls: StoredCall[] = [];
  for (const raw of raws) {
    const call = readCall(raw, onCorrupt);
    if (call) calls.push(call);
  }
  return calls.sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt));
}
