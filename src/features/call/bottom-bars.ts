/**
 * The call's controls fixed at the foot of the screen (Back / Notes / Next, and on a phone the open notes
 * sheet) publish how much of the viewport they cover as `--bottom-bar` on the root element. The shell reads
 * it: the offline-ready and update notices sit above it, and `scroll-padding-bottom` keeps a focused field
 * (the promise being typed) scrolled clear of it. Cleared when the call screen goes.
 */
const PROPERTY = '--bottom-bar';
const NAV_PROPERTY = '--call-nav-height';

/**
 * The band at the bottom of the viewport the elements cover: those touching the bottom edge, and those
 * stacked on them (the notes sheet sits on the action bar).
 */
export function coveredBand(rects: readonly Pick<DOMRect, 'top' | 'bottom' | 'height'>[], viewportHeight: number): number {
  let top = viewportHeight;
  const shown = rects.filter((r) => r.height > 0).sort((a, b) => b.bottom - a.bottom);
  for (const r of shown) if (r.bottom >= top - 1) top = Math.min(top, r.top);
  return Math.max(0, Math.ceil(viewportHeight - top));
}

export function trackBottomBars(
  nav: () => HTMLElement | undefined,
  sheet: () => HTMLElement | undefined,
): { update: () => void; measureNow: () => void; stop: () => void } {
  const root = document.documentElement;
  let frame = 0;
  const measure = (): void => {
    frame = 0;
    const bar = nav();
    const panels = [bar, sheet()].filter((el): el is HTMLElement => el !== undefined && el.isConnected);
    root.style.setProperty(PROPERTY, `${coveredBand(panels.map((el) => el.getBoundingClientRect()), window.innerHeight)}px`);
    if (bar?.isConnected) root.style.setProperty(NAV_PROPERTY, `${Math.ceil(bar.getBoundingClientRect().height)}px`);
  };
  const update = (): void => {
    if (!frame) frame = requestAnimationFrame(measure);
  };
  const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(update);
  const observed = new Set<HTMLElement>();
  const watch = (): void => {
    for (const el of [nav(), sheet()]) if (el && !observed.has(el)) (observed.add(el), observer?.observe(el));
    update();
  };
  window.addEventListener('resize', update);
  window.addEventListener('scroll', update, { passive: true });
  watch();
  return {
    update: watch,
    measureNow() {
      if (frame) cancelAnimationFrame(frame);
      measure();
    },
    stop() {
      if (frame) cancelAnimationFrame(frame);
      observer?.disconnect();
      window.removeEventListener('resize', update);
      window.removeEventListener('scroll', update);
      root.style.removeProperty(PROPERTY);
      root.style.removeProperty(NAV_PROPERTY);
    },
  };
}
