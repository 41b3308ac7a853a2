/**
 * Reading every summary, chunk by chunk: the worklist's only read. Apart from ./summaries.ts (which rebuilds
 * summaries from records and so needs every entity schema), so the worklist loads none of that.
 */
import type { DebtorSummary } from '../domain/summary';
import { readSummaries, type CorruptHandler } from './codec';
import type { Records } from './records';

export interface SummaryPaging {
  chunkSize: number;
  /** Runs between chunks so the main thread can paint. */
  pause: () => Promise<void>;
  onCorrupt?: CorruptHandler;
}

/** Every summary in debtor-id order, one short transaction per chunk, each chunk handed to `onChunk`. */
export async function listSummaries(records: Records, paging: SummaryPaging, onChunk?: (chunk: DebtorSummary[]) => void): Promise<DebtorSummary[]> {
  const all: DebtorSummary[] = [];
  let after: string | undefined;
  for (;;) {
    // One transaction per chunk: pausing between chunks would auto-commit a longer one anyway.
    const values = await records.read(['summaries'], (tx) => tx.getAll('summaries', { after, limit: paging.chunkSize }));
    if (values.length === 0) break;
    const chunk = readSummaries(values, paging.onCorrupt);
    for (const s of chunk) all.push(s);
    onChunk?.(chunk);
    if (values.length < paging.chunkSize) break;
    // The store's key path is `debtorId`, which IndexedDB guarantees on every stored record, corrupt ones
    // included: the next chunk starts after it without a second read of the keys (a quarter of the time).
    after = (values[values.length - 1] as { debtorId: string }).debtorId;
    await paging.pause();
  }
  return all;
}
