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

/**
 * Every summary in debtor-id order, one short transaction per chunk, each chunk handed to `onChunk`. The next
 * chunk's read is asked for as soon as a chunk arrives, before that chunk is checked and handed on: IndexedDB
 * reads chunk k + 1 while this thread works on chunk k. Asked for after it, each read waited for the previous
 * chunk's work, and the database sat idle between two reads (the Chromium trace of issue 15: 30–110 ms
 * between two of the ten reads of 5,000 summaries, a quarter of the worklist's load).
 */
export async function listSummaries(
  records: Records,
  paging: SummaryPaging,
  onChunk?: (chunk: DebtorSummary[]) => void,
  keep = true,
): Promise<DebtorSummary[]> {
  // One transaction per chunk: pausing between chunks would auto-commit a longer one anyway.
  const read = (after: string | undefined) => records.read(['summaries'], (tx) => tx.getAll('summaries', { after, limit: paging.chunkSize }));
  const all: DebtorSummary[] = [];
  let next: Promise<unknown[]> | undefined = read(undefined);
  while (next) {
    const values = await next;
    next = undefined;
    if (values.length === paging.chunkSize) {
      // The store's key path is `debtorId`, which IndexedDB guarantees on every stored record, corrupt ones
      // included: the next chunk starts after it without a second read of the keys (a quarter of the time).
      next = read((values[values.length - 1] as { debtorId: string }).debtorId);
      // Awaited on the next turn; should this chunk's work throw first, its failure must not go unhandled.
      next.catch(() => undefined);
    }
    const chunk = readSummaries(values, paging.onCorrupt);
    if (keep) for (const s of chunk) all.push(s);
    onChunk?.(chunk);
    if (next) await paging.pause();
  }
  return all;
}

/** One debtor's summary, if stored and readable: what a page needs of a debtor it does not open (its name). */
export async function getSummary(records: Records, debtorId: string, onCorrupt?: CorruptHandler): Promise<DebtorSummary | undefined> {
  const raw = await records.read(['summaries'], (tx) => tx.get('summaries', debtorId));
  return raw === undefined ? undefined : readSummaries([raw], onCorrupt)[0];
}
