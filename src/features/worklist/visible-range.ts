/** Which rows of a list of equal-height rows to render for a given scroll position. */
export interface RangeInput {
  count: number;
  rowPx: number;
  /** Scroll position relative to the list's top edge: negative while the list starts below the viewport top. */
  scrollTop: number;
  viewportPx: number;
  /** Extra rows rendered beyond each edge of the viewport. */
  overscan: number;
}

/** Rows `first` (inclusive) to `end` (exclusive), clamped to the list; empty when the list is not in view. */
export function visibleRange({ count, rowPx, scrollTop, viewportPx, overscan }: RangeInput): { first: number; end: number } {
  if (count <= 0 || !(rowPx > 0)) return { first: 0, end: 0 };
  const firstInView = Math.floor(Math.max(0, scrollTop) / rowPx);
  const endInView = Math.ceil(Math.max(0, scrollTop + viewportPx) / rowPx);
  const first = Math.min(count, Math.max(0, firstInView - overscan));
  const end = Math.min(count, Math.max(first, endInView + overscan));
  return { first, end };
}
