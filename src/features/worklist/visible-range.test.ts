import { describe, expect, it } from 'vitest';
import { visibleRange } from './visible-range';

const base = { count: 40_000, rowPx: 100, viewportPx: 800, overscan: 2 };

describe('visibleRange', () => {
  it('renders the rows in view plus the overscan at the top of the list', () => {
    expect(visibleRange({ ...base, scrollTop: 0 })).toEqual({ first: 0, end: 10 });
  });
  it('counts the list top below the viewport top: a list starting 300 px down shows 5 rows, plus overscan', () => {
    expect(visibleRange({ ...base, scrollTop: -300 })).toEqual({ first: 0, end: 7 });
  });
  it('follows the scroll position deep in the list, a partly visible row included', () => {
    expect(visibleRange({ ...base, scrollTop: 1_234_550 })).toEqual({ first: 12_343, end: 12_356 });
  });
  it('stops at the last row, even scrolled past the end', () => {
    expect(visibleRange({ ...base, scrollTop: 3_999_500 })).toEqual({ first: 39_993, end: 40_000 });
    expect(visibleRange({ ...base, scrollTop: 9_000_000 })).toEqual({ first: 40_000, end: 40_000 });
  });
  it('renders nothing for an empty list or before layout gave a row height', () => {
    expect(visibleRange({ ...base, count: 0, scrollTop: 0 })).toEqual({ first: 0, end: 0 });
    expect(visibleRange({ ...base, rowPx: 0, scrollTop: 0 })).toEqual({ first: 0, end: 0 });
  });
  it('never renders more than the viewport and overscan hold, whatever the list length', () => {
    for (const scrollTop of [0, 50, 99_999, 2_500_001]) {
      const { first, end } = visibleRange({ ...base, scrollTop });
      expect(end - first).toBeLessThanOrEqual(Math.ceil(base.viewportPx / base.rowPx) + 1 + 2 * base.overscan);
    }
  });
});
