/**
 * The worklist's rows as the page holds them: by position, materialised only when asked for. At 50,000 debtors
 * the page only ever shows a screenful, so rows that arrive from the loading worker as JSON stay JSON until a
 * row is displayed; the search reads only debtor ids and search keys.
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

/** Rows kept as their JSON text and parsed the first time they are shown. */
export function jsonRows(json: readonly string[], debtorIds: readonly string[]): RowSource {
  const parsed: (WorklistRow | undefined)[] = [];
  return {
    length: json.length,
    at: (index) => (parsed[index] ??= JSON.parse(json[index] as string) as WorklistRow),
    debtorIdAt: (index) => debtorIds[index] as string,
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

/** Many strings as one text and where each ends: one block to post between threads instead of many strings. */
export interface PackedStrings {
  text: string;
  ends: Uint32Array;
}

export function packStrings(strings: readonly string[]): PackedStrings {
  const ends = new Uint32Array(strings.length);
  let at = 0;
  strings.forEach((s, i) => {
    at += s.length;
    ends[i] = at;
  });
  return { text: strings.join(''), ends };
}

export function unpackStrings({ text, ends }: PackedStrings): string[] {
  const out = new Array<string>(ends.length);
  let start = 0;
  for (let i = 0; i < ends.length; i++) {
    const end = ends[i] as number;
    out[i] = text.slice(start, end);
    start = end;
  }
  return out;
}
