/**
 * Undo and redo for the script editor. Each edit names the field it changed; keystrokes in one field within
 * `coalesceMs` of each other make one undo step, so Ctrl+Z takes back a word's worth of typing, not a letter.
 */
export interface History<T> {
  past: T[];
  present: T;
  future: T[];
  /** The field and time of the last edit, to coalesce the next one with it. */
  last: { field: string; at: number } | null;
}

export const HISTORY_LIMIT = 200;

export function startHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], last: null };
}

/** True when `next` is `previous` with one whitespace typed into it: the end of a word, a new undo step. */
export function typedSpace(previous: unknown, next: unknown): boolean {
  if (typeof previous !== 'string' || typeof next !== 'string' || next.length !== previous.length + 1) return false;
  let i = 0;
  while (i < previous.length && previous[i] === next[i]) i++;
  return /\s/.test(next[i] ?? '');
}

/** `wordBreak`: this edit starts a new word, so it opens a new undo step even when typed without a pause. */
export function record<T>(h: History<T>, next: T, field: string, at: number, wordBreak = false, coalesceMs = 1_000): History<T> {
  if (next === h.present) return h;
  const coalesce = !wordBreak && h.last !== null && h.last.field === field && at - h.last.at <= coalesceMs && h.past.length > 0;
  const past = coalesce ? h.past : [...h.past, h.present].slice(-HISTORY_LIMIT);
  return { past, present: next, future: [], last: { field, at } };
}

export function undo<T>(h: History<T>): History<T> {
  const previous = h.past[h.past.length - 1];
  if (previous === undefined) return h;
  return { past: h.past.slice(0, -1), present: previous, future: [h.present, ...h.future], last: null };
}

export function redo<T>(h: History<T>): History<T> {
  const next = h.future[0];
  if (next === undefined) return h;
  return { past: [...h.past, h.present], present: next, future: h.future.slice(1), last: null };
}
