/**
 * Builds the worklist chunk by chunk as the summaries arrive from storage, so no single step touches all
 * 50,000 debtors: each chunk's rows are computed and sorted on their own, then merged into the order so far.
 * The rows keep their arrival order and the sort is one of positions: each chunk's rows can leave (packed for
 * the page) while the next chunk is read, and what is left after the last chunk is a merge and a list of
 * positions. The result is exactly `buildWorklist(all summaries)` (same rows, same priority order), with the
 * search key of each row alongside it.
 */
import { compareWorklistRows, needsAction, worklistRow, type WorklistOptions, type WorklistRow } from '../../domain/worklist';
import { needsRebuild, type DebtorSummary } from '../../domain/summary';
import type { CadenceStore } from '../../storage/api';
import { nextTask } from './next-task';

/** Merges two position lists sorted by `compare` into a new one; on a tie `a` comes first, as in a stable sort. */
function mergeSorted(a: Int32Array, b: Int32Array, compare: (x: number, y: number) => number): Int32Array {
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (compare(y, x) < 0) {
      out[k++] = y;
      j++;
    } else {
      out[k++] = x;
      i++;
    }
  }
  while (i < a.length) out[k++] = a[i++] as number;
  while (j < b.length) out[k++] = b[j++] as number;
  return out;
}

export interface BuiltWorklist {
  rows: WorklistRow[];
  /** `keys[i]` is the search key of `rows[i]`. */
  keys: string[];
  /** `rows[i]` is the `order[i]`-th row handed out by `add`, counting from 0 over every chunk. */
  order: Int32Array;
  /** Summaries seen, with or without anything to chase. */
  debtorCount: number;
  /** Debtors whose stored summary an older version wrote (no payment-history digest, or format 1): to rebuild. */
  staleIds: string[];
}

export class WorklistBuilder {
  /** In arrival order. */
  private readonly rows: WorklistRow[] = [];
  private readonly keys: string[] = [];
  /** Positions in `rows`, in priority order. */
  private order: Int32Array = new Int32Array(0);
  private seen = 0;
  private stale: string[] = [];
  private readonly compare = (x: number, y: number): number => compareWorklistRows(this.rows[x] as WorklistRow, this.rows[y] as WorklistRow);

  constructor(
    private readonly today: string,
    private readonly options: WorklistOptions = {},
  ) {}

  /**
   * Adds one chunk of summaries and returns the rows it adds, in arrival order; cost grows with the chunk and,
   * for the merge, linearly with the rows so far.
   */
  add(summaries: readonly DebtorSummary[]): WorklistRow[] {
    const first = this.rows.length;
    const added: WorklistRow[] = [];
    for (const s of summaries) {
      if (needsRebuild(s)) this.stale.push(s.debtorId);
      const row = worklistRow(s, this.today, this.options);
      if (!needsAction(row)) continue;
      added.push(row);
      this.rows.push(row);
      this.keys.push(s.searchKey);
    }
    this.seen += summaries.length;
    const chunk = Int32Array.from(added, (_, i) => first + i).sort(this.compare);
    this.order = this.order.length === 0 ? chunk : mergeSorted(this.order, chunk, this.compare);
    return added;
  }

  finish(): BuiltWorklist {
    const order = this.order;
    const rows = new Array<WorklistRow>(order.length);
    const keys = new Array<string>(order.length);
    for (let i = 0; i < order.length; i++) {
      rows[i] = this.rows[order[i] as number] as WorklistRow;
      keys[i] = this.keys[order[i] as number] as string;
    }
    return { rows, keys, order, debtorCount: this.seen, staleIds: this.stale };
  }
}

/** What buildFromStore needs of the store: its summaries, chunk by chunk. */
export type SummarySource = Pick<CadenceStore, 'listSummaries'>;

/**
 * Feeds every summary of the store to a builder. Each chunk is built in a task of its own after its read,
 * so reading and building never add up to one long task, and IndexedDB fetches the next chunk meanwhile.
 * `onRows` gets each chunk's rows as they are built, in arrival order (BuiltWorklist.order sorts them).
 */
export async function buildFromStore(
  store: SummarySource,
  today: string,
  onProgress: (loaded: number) => void,
  onRows: (rows: WorklistRow[]) => void = () => undefined,
): Promise<BuiltWorklist> {
  const builder = new WorklistBuilder(today);
  let loaded = 0;
  let building = Promise.resolve();
  try {
    // The summaries are not kept past their chunk's build: only the rows live on (see listSummaries).
    await store.listSummaries(
      (chunk) => {
        loaded += chunk.length;
        onProgress(loaded);
        building = building.then(nextTask).then(() => onRows(builder.add(chunk)));
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
