/**
 * Builds the worklist chunk by chunk as the summaries arrive from storage, so no single step touches all
 * 50,000 debtors: each chunk's rows are computed and sorted on their own, then merged into the rows so far.
 * The result is exactly `buildWorklist(all summaries)` (same rows, same priority order), with the search key
 * of each row alongside it.
 */
import { compareWorklistRows, needsAction, worklistRow, type WorklistOptions, type WorklistRow } from '../../domain/worklist';
import { needsRebuild, type DebtorSummary } from '../../domain/summary';
import type { CadenceStore } from '../../storage/api';
import { nextTask } from './next-task';

interface Entry {
  row: WorklistRow;
  key: string;
}

const compareEntries = (a: Entry, b: Entry): number => compareWorklistRows(a.row, b.row);

/** Merges two arrays sorted by `compareEntries` into a new one; on a tie `a` comes first, as in a stable sort. */
function mergeSorted(a: readonly Entry[], b: readonly Entry[]): Entry[] {
  const out = new Array<Entry>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as Entry;
    const y = b[j] as Entry;
    if (compareEntries(y, x) < 0) {
      out[k++] = y;
      j++;
    } else {
      out[k++] = x;
      i++;
    }
  }
  while (i < a.length) out[k++] = a[i++] as Entry;
  while (j < b.length) out[k++] = b[j++] as Entry;
  return out;
}

export interface BuiltWorklist {
  rows: WorklistRow[];
  /** `keys[i]` is the search key of `rows[i]`. */
  keys: string[];
  /** Summaries seen, with or without anything to chase. */
  debtorCount: number;
  /** Debtors whose stored summary an older version wrote (no payment-history digest, or format 1): to rebuild. */
  staleIds: string[];
}

export class WorklistBuilder {
  private sorted: Entry[] = [];
  private seen = 0;
  private stale: string[] = [];

  constructor(
    private readonly today: string,
    private readonly options: WorklistOptions = {},
  ) {}

  /** Adds one chunk of summaries; cost grows with the chunk and, for the merge, linearly with the rows so far. */
  add(summaries: readonly DebtorSummary[]): void {
    const chunk: Entry[] = [];
    for (const s of summaries) {
      if (needsRebuild(s)) this.stale.push(s.debtorId);
      const row = worklistRow(s, this.today, this.options);
      if (needsAction(row)) chunk.push({ row, key: s.searchKey });
    }
    this.seen += summaries.length;
    chunk.sort(compareEntries);
    this.sorted = this.sorted.length === 0 ? chunk : mergeSorted(this.sorted, chunk);
  }

  finish(): BuiltWorklist {
    const n = this.sorted.length;
    const rows = new Array<WorklistRow>(n);
    const keys = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      const e = this.sorted[i] as Entry;
      rows[i] = e.row;
      keys[i] = e.key;
    }
    return { rows, keys, debtorCount: this.seen, staleIds: this.stale };
  }
}

/** What buildFromStore needs of the store: its summaries, chunk by chunk. */
export type SummarySource = Pick<CadenceStore, 'listSummaries'>;

/**
 * Feeds every summary of the store to a builder. Each chunk is built in a task of its own after its read,
 * so reading and building never add up to one long task, and IndexedDB fetches the next chunk meanwhile.
 */
export async function buildFromStore(store: SummarySource, today: string, onProgress: (loaded: number) => void): Promise<BuiltWorklist> {
  const builder = new WorklistBuilder(today);
  let loaded = 0;
  let building = Promise.resolve();
  try {
    // The summaries are not kept past their chunk's build: only the rows live on (see listSummaries).
    await store.listSummaries(
      (chunk) => {
        loaded += chunk.length;
        onProgress(loaded);
        building = building.then(nextTask).then(() => builder.add(chunk));
      },
      { keep: false },
    );
  } catch (error) {
    await building.catch(() => undefined);
    throw error;
  }
  await building;
  return builder.finish();
}
