/**
 * A control that takes the focus under something fixed or sticky (the call's Back / Next bar, its notes sheet on
 * a phone, the offline-ready notice, the training's banner) is scrolled out from under it. Browsers scroll a
 * focused element into view only when it is outside the viewport: one inside it but covered stays covered,
 * whatever `scroll-padding` says, and a keyboard user then types into a field they cannot see.
 *
 * Only controls a user tabs to or clicks are looked at (headings and regions focused by the app, tabindex -1,
 * are left alone: a call's step change focuses its heading, and its latency is measured).
 */

const CONTROLS = 'input, select, textarea, button, summary, a[href], [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';
/** Room left between the control and what covered it. */
const GAP_PX = 8;

export interface Band {
  top: number;
  bottom: number;
}

/**
 * How far to scroll (positive: down) so `box` clears `cover`, or 0 when it does not overlap it. A cover
 * standing on the viewport's foot, or lower than the control, is a bar at the foot; otherwise a banner above.
 */
export function clearanceScroll(box: Band, cover: Band, viewportHeight: number): number {
  if (cover.bottom <= box.top || cover.top >= box.bottom) return 0;
  const atFoot = cover.bottom >= viewportHeight - 1 || (cover.top > 0 && cover.top + cover.bottom > box.top + box.bottom);
  // Bring the control's foot above the cover, never its head above the viewport's top.
  if (atFoot) return Math.max(0, Math.min(box.bottom - cover.top + GAP_PX, box.top - GAP_PX));
  return -Math.max(0, cover.bottom - box.top + GAP_PX);
}

/** The fixed or sticky box `hit` belongs to, if it is not one holding `control` too. */
function coverOf(hit: Element | null, control: HTMLElement): HTMLElement | null {
  for (let el = hit; el && el !== document.documentElement; el = el.parentElement) {
    if (el === control || el.contains(control)) return null;
    const position = getComputedStyle(el).position;
    if (position === 'fixed' || position === 'sticky') return el as HTMLElement;
  }
  return null;
}

/** The element covering `control` at its middle, its top or its foot, if any. */
function coverFor(control: HTMLElement, box: DOMRect): HTMLElement | null {
  const x = Math.min(Math.max(box.left + Math.min(box.width / 2, 24), 0), window.innerWidth - 1);
  for (const y of [(box.top + box.bottom) / 2, box.bottom - 2, box.top + 2]) {
    if (y < 0 || y >= window.innerHeight) continue;
    const cover = coverOf(document.elementFromPoint(x, y), control);
    if (cover) return cover;
  }
  return null;
}

export function keepClear(control: HTMLElement): void {
  // Covers stack (the call's notes sheet stands on its action bar): clearing one can leave the control under the
  // next, so look again, a few times at most.
  for (let pass = 0; pass < 3; pass++) {
    const box = control.getBoundingClientRect();
    if (box.height === 0 || box.bottom < 0 || box.top > window.innerHeight) return;
    const cover = coverFor(control, box);
    if (!cover) return;
    const delta = clearanceScroll(box, cover.getBoundingClientRect(), window.innerHeight);
    const before = window.scrollY;
    if (delta !== 0) window.scrollBy({ top: delta, behavior: 'instant' });
    if (window.scrollY === before) return;
  }
}

/** Listens for the focus landing on controls across the document; returns the way to stop. */
export function keepFocusClear(root: Document = document): () => void {
  const onFocusIn = (event: FocusEvent) => {
    const target = event.target;
    if (!(target instanceof HTMLElement) || !target.matches(CONTROLS)) return;
    // In the next frame, before it is drawn: the browser scrolls a control focused off screen into view after
    // the focus events, which would undo a correction made here.
    requestAnimationFrame(() => document.activeElement === target && keepClear(target));
  };
  root.addEventListener('focusin', onFocusIn);
  return () => root.removeEventListener('focusin', onFocusIn);
}
