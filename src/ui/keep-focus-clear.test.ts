import { describe, expect, it } from 'vitest';
import { clearanceScroll } from './keep-focus-clear';

const VIEWPORT = 568;

describe('clearanceScroll', () => {
  it('leaves a control that nothing covers', () => {
    expect(clearanceScroll({ top: 100, bottom: 140 }, { top: 500, bottom: 568 }, VIEWPORT)).toBe(0);
    expect(clearanceScroll({ top: 100, bottom: 140 }, { top: 0, bottom: 92 }, VIEWPORT)).toBe(0);
  });

  it('scrolls a control half under the action bar up above it, with a gap', () => {
    // The call's textarea at 743–809, the bar from 775 to the foot of an 844 px viewport.
    expect(clearanceScroll({ top: 743, bottom: 809 }, { top: 775, bottom: 844 }, 844)).toBe(809 - 775 + 8);
  });

  it('scrolls a checkbox wholly under the notes sheet (which starts above it) to above the sheet', () => {
    // The sheet covers 389–844; the checkbox is at 444–460: 79 px down brings it to 365–381.
    expect(clearanceScroll({ top: 444, bottom: 460 }, { top: 389, bottom: 844 }, 844)).toBe(79);
  });

  it('never scrolls a control’s head past the top of the viewport', () => {
    expect(clearanceScroll({ top: 40, bottom: 400 }, { top: 300, bottom: 568 }, VIEWPORT)).toBe(32);
  });

  it('scrolls a control under a sticky banner at the top down into view (negative: the page goes up)', () => {
    // The training banner covers 0–92; the next answer took the focus at 51–75.
    expect(clearanceScroll({ top: 51, bottom: 75 }, { top: 0, bottom: 92 }, VIEWPORT)).toBe(-(92 - 51 + 8));
  });

  it('treats a notice standing on the bar (not on the viewport’s foot) as a cover at the foot', () => {
    expect(clearanceScroll({ top: 400, bottom: 440 }, { top: 420, bottom: 500 }, VIEWPORT)).toBe(440 - 420 + 8);
  });
});
