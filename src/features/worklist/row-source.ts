/**
 * The worklist's rows as the page holds them: by position, materialised only when asked for. At 50,000 debtors
 * the page only ever shows a screenful, so rows that arrive from the loading worker as columns
 * (./row-columns.ts) stay columns until a row is displayed; the search reads only debtor ids and search keys.
 */
import type { WorklistRow } from '../../domain/worklist';

export interface RowSource {
  readonly length: number;
  /** The row at `index`, 0 ≤ index < length. */
  at(index: number): WorklistRow;
  debtorIdAt(index: number): string;
}

export function arrayRows(rows: readonly WorklistRow[]): RowSource {
  return {
    length: rows.length,
    at: (index) => rows[index] as WorklistRow,
    debtorIdAt: (index) => (rows[index] as WorklistRow).debtorId,
  };
}

/** The rows of `base` at `indexes`, in that order (a search result). */
export function pickRows(base: RowSource, indexes: ArrayLike<number>): RowSource {
  return {
    length: indexes.length,
    at: (index) => base.at(indexes[index] as number),
    debtorIdAt: (index) => base.debtorIdAt(indexes[index] as number),
  };
}
