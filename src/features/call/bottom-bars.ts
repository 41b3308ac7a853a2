/**
 * The call's controls fixed at the foot of the screen (Back / Notes / Next, and on a phone the open notes
 * sheet) publish how much of the viewport they cover as `--bottom-bar` on the root element. The shell reads
 * it: the offline-ready and update notices sit above it, and `scroll-padding-bottom` keeps a field focused from
 * off screen scrolled clear of it (one focused while already in the viewport is kept clear by
 * ui/keep-focus-clear.ts). Cleared when the call screen goes.
 */
import { afterPaint } from '../../session/after-paint';

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
  let cancel: (() => void) | null = null;
  const published = new Map<string, string>();
  // A custom property on the root restyles the whole page: set only what changed.
  const publish = (property: string, value: string): void => {
    if (published.get(property) === value) return;
    published.set(property, value);
    root.style.setProperty(property, value);
  };
  const measure = (): void => {
    cancel?.();
    cancel = null;
    const bar = nav();
    const panels = [bar, sheet()].filter((el): el is HTMLElement => el !== undefined && el.isConnected);
    publish(PROPERTY, `${coveredBand(panels.map((el) => el.getBoundingClientRect()), window.innerHeight)}px`);
    if (bar?.isConnected) publish(NAV_PROPERTY, `${Math.ceil(bar.getBoundingClientRect().height)}px`);
  };
  // Measured after the frame, when layout is clean: measuring in requestAnimationFrame forced the new step's
  // layout ahead of the frame (a trace at 4× CPU: about 5 ms a step change), and then restyled the page again.
  const update = (): void => {
    cancel ??= afterPaint(measure);
  };
  // Resize observations arrive after layout, inside the frame: publishing there would restyle and lay the
  // page out again in that same frame (on load, the first observations): measure after it instead.
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
    measureNow: measure,
    stop() {
      cancel?.();
      observer?.disconnect();
      window.removeEventListener('resize', update);
      window.removeEventListener('scroll', update);
      root.style.removeProperty(PROPERTY);
      root.style.removeProperty(NAV_PROPERTY);
    },
  };
}
