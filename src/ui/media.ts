import { createSignal, onCleanup, type Accessor } from 'solid-js';

/** A signal that follows a CSS media query, so layout-dependent JS (row heights) matches the stylesheet. */
export function createMediaQuery(query: string): Accessor<boolean> {
  if (typeof window.matchMedia !== 'function') return () => false;
  const mql = window.matchMedia(query);
  const [matches, setMatches] = createSignal(mql.matches);
  const onChange = (e: MediaQueryListEvent) => setMatches(e.matches);
  mql.addEventListener('change', onChange);
  onCleanup(() => mql.removeEventListener('change', onChange));
  return matches;
}

/** The breakpoint where the worklist turns from cards into a table-like grid (keep in step with worklist.css). */
export const WIDE_QUERY = '(min-width: 56rem)';
