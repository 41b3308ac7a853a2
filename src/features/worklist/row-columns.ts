/**
 * Worklist rows as columns, the form in which they cross from the worklist worker to the page: the numbers in
 * one Float64Array and every string in one packed text, both moved or copied as a block. The worker used to
 * send each row as JSON: at 50,000 debtors, `JSON.stringify` of 41,516 rows was the worker's costliest step
 * after reading the summaries (~300 ms in the issue 15 trace). Packing columns is one pass of plain writes,
 * and the page reads a row back only when it is shown.
 */
import type { WorklistRow } from '../../domain/worklist';
import type { RowSource } from './row-source';

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

/** Rows in columns: row i's numbers at `numbers[i * NUMBERS_PER_ROW …]`, its strings at `i * STRINGS_PER_ROW …`. */
export interface RowColumns {
  count: number;
  numbers: Float64Array;
  strings: PackedStrings;
}

// The optional parts of a row, as bits: absent and empty must stay apart (a lastAction's outcome may be '').
const HAS_TASK = 1;
const HAS_LAST = 2;
const HAS_OUTCOME = 4;
const HAS_HISTORY = 8;
const OVERRIDDEN = 16;

/** overdue, not yet due, disputed, oldest days late, broken promises, tier, score, flags. */
const NUMBERS_PER_ROW = 8;
/** debtorId, name, segment, task id / due date / kind, last action at / type / outcome, history segment. */
const STRINGS_PER_ROW = 10;

export function packRows(rows: readonly WorklistRow[]): RowColumns {
  const numbers = new Float64Array(rows.length * NUMBERS_PER_ROW);
  const strings = new Array<string>(rows.length * STRINGS_PER_ROW);
  let n = 0;
  let s = 0;
  for (const r of rows) {
    const task = r.nextTask;
    const last = r.lastAction;
    const history = r.history;
    numbers[n++] = r.overdueCents;
    numbers[n++] = r.notYetDueCents;
    numbers[n++] = r.disputedCents;
    numbers[n++] = r.oldestDaysLate;
    numbers[n++] = r.brokenPromises;
    numbers[n++] = r.tier;
    numbers[n++] = r.score;
    numbers[n++] =
      (task ? HAS_TASK : 0) |
      (last ? HAS_LAST : 0) |
      (last?.outcome !== undefined ? HAS_OUTCOME : 0) |
      (history ? HAS_HISTORY : 0) |
      (history?.overridden ? OVERRIDDEN : 0);
    strings[s++] = r.debtorId;
    strings[s++] = r.name;
    strings[s++] = r.segment;
    strings[s++] = task?.id ?? '';
    strings[s++] = task?.dueDate ?? '';
    strings[s++] = task?.kind ?? '';
    strings[s++] = last?.at ?? '';
    strings[s++] = last?.type ?? '';
    strings[s++] = last?.outcome ?? '';
    strings[s++] = history?.segment ?? '';
  }
  return { count: rows.length, numbers, strings: packStrings(strings) };
}

/** The buffers `packRows` made, to transfer rather than copy. */
export const rowBuffers = (columns: RowColumns): ArrayBuffer[] => [columns.numbers.buffer as ArrayBuffer, columns.strings.ends.buffer as ArrayBuffer];

/** One block of columns read back row by row, each row built the first time it is asked for. */
function columnReader({ count, numbers, strings: { text, ends } }: RowColumns) {
  const str = (k: number): string => text.slice(k === 0 ? 0 : (ends[k - 1] as number), ends[k] as number);
  const built: (WorklistRow | undefined)[] = [];
  const build = (i: number): WorklistRow => {
    const n = i * NUMBERS_PER_ROW;
    const s = i * STRINGS_PER_ROW;
    const flags = numbers[n + 7] as number;
    const row: WorklistRow = {
      debtorId: str(s),
      name: str(s + 1),
      segment: str(s + 2) as WorklistRow['segment'],
      overdueCents: numbers[n] as number,
      notYetDueCents: numbers[n + 1] as number,
      disputedCents: numbers[n + 2] as number,
      oldestDaysLate: numbers[n + 3] as number,
      brokenPromises: numbers[n + 4] as number,
      tier: numbers[n + 5] as WorklistRow['tier'],
      score: numbers[n + 6] as number,
    };
    if (flags & HAS_TASK) row.nextTask = { id: str(s + 3), dueDate: str(s + 4), kind: str(s + 5) as NonNullable<WorklistRow['nextTask']>['kind'] };
    if (flags & HAS_LAST) {
      const last: NonNullable<WorklistRow['lastAction']> = { at: str(s + 6), type: str(s + 7) as NonNullable<WorklistRow['lastAction']>['type'] };
      if (flags & HAS_OUTCOME) last.outcome = str(s + 8);
      row.lastAction = last;
    }
    if (flags & HAS_HISTORY) row.history = { segment: str(s + 9) as NonNullable<WorklistRow['history']>['segment'], overridden: (flags & OVERRIDDEN) !== 0 };
    return row;
  };
  return {
    count,
    at: (i: number): WorklistRow => (built[i] ??= build(i)),
    debtorIdAt: (i: number): string => str(i * STRINGS_PER_ROW),
  };
}

/** The rows of several blocks, in order, as one source: what the page holds of the worker's rows. */
export function columnRows(blocks: readonly RowColumns[]): RowSource {
  const readers = blocks.map(columnReader);
  // Block of every row: blocks may differ in size (the last one is short).
  const blockOf = new Uint16Array(readers.reduce((sum, r) => sum + r.count, 0));
  const startOf: number[] = [];
  let at = 0;
  readers.forEach((r, b) => {
    startOf.push(at);
    blockOf.fill(b, at, at + r.count);
    at += r.count;
  });
  const locate = (index: number) => {
    const b = blockOf[index] as number;
    return { reader: readers[b] as ReturnType<typeof columnReader>, i: index - (startOf[b] as number) };
  };
  return {
    length: blockOf.length,
    at: (index) => {
      const { reader, i } = locate(index);
      return reader.at(i);
    },
    debtorIdAt: (index) => {
      const { reader, i } = locate(index);
      return reader.debtorIdAt(i);
    },
  };
}
