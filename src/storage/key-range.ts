import type { KeyRangeQuery } from './records';

/** IndexedDB's key range of a records query (after / from / up to), `null` for the whole store or index. */
export function keyRange({ after, from, upTo }: KeyRangeQuery): IDBKeyRange | null {
  const lower = after ?? from;
  const open = after !== undefined;
  if (lower !== undefined && upTo !== undefined) return IDBKeyRange.bound(lower, upTo, open, false);
  if (lower !== undefined) return IDBKeyRange.lowerBound(lower, open);
  if (upTo !== undefined) return IDBKeyRange.upperBound(upTo);
  return null;
}
