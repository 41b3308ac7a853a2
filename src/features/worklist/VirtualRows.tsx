import { createEffect, createMemo, createSignal, For, on, onCleanup, onMount, Show, type JSX } from 'solid-js';
import { t } from '../../i18n';
import { createMediaQuery, WIDE_QUERY } from '../../ui/media';
import type { RowSource } from './row-source';
import { visibleRange } from './visible-range';
import { WorklistRowView } from './WorklistRowView';

export { warmRowFormatters } from './WorklistRowView';

/** Row heights in rem; worklist.css sizes the rows from the same variable, so the arithmetic and layout agree. */
const ROW_REM = { phone: 8.25, wide: 4.25 };
/** Height of the sticky column header on laptops (worklist.css .wl-columns), with a little air. */
const STICKY_HEADER_REM = 2.75;
/**
 * Rows rendered beyond each edge of the viewport, so a fast scroll does not show blank space. Rows are
 * re-chosen on every scroll event, before the frame paints, so a few suffice; each one more is layout work
 * on every search.
 */
const OVERSCAN = 4;

/**
 * Each row is exactly --row-h tall (worklist.css), so the browser may lay one out without looking at the others:
 * a search that refills the visible rows then re-lays out those rows only. No paint containment, which would
 * clip the rows' shadows.
 */
const ROW_CONTAINMENT = { contain: 'size layout style' } as const;

/**
 * Only the rows in view (plus a few) are in the DOM; the page itself scrolls, so phones keep their native
 * scrolling and the browser chrome can collapse. The list is one <ul> translated to the first rendered row.
 *
 * Every row has the same height, so which rows are in view is arithmetic on the scroll position: nothing is
 * measured or allocated per row, and a search that changes 40,000 rows to 12 costs the same as one that
 * changes 12 to 11.
 */
export default function VirtualRows(props: { rows: RowSource; today: string; onPainted?: () => void }): JSX.Element {
  let spacer!: HTMLDivElement;
  const wide = createMediaQuery(WIDE_QUERY);
  const readRemPx = () => parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  const [remPx, setRemPx] = createSignal(readRemPx());
  const rowRem = () => (wide() ? ROW_REM.wide : ROW_REM.phone);
  // Not rounded: the stylesheet lays rows out at exactly this height, and the list is positioned from it.
  const rowPx = createMemo(() => rowRem() * remPx());
  /** Page y of the list's top edge. */
  const [listTop, setListTop] = createSignal(0);
  const [scrollY, setScrollY] = createSignal(window.scrollY);
  const [viewportPx, setViewportPx] = createSignal(window.innerHeight);

  const range = createMemo(() =>
    visibleRange({
      count: props.rows.length,
      rowPx: rowPx(),
      scrollTop: scrollY() - listTop(),
      viewportPx: viewportPx(),
      overscan: OVERSCAN,
    }),
  );
  const indexes = createMemo(() => {
    const { first, end } = range();
    return Array.from({ length: end - first }, (_, i) => first + i);
  });

  const measure = () => {
    setListTop(spacer.getBoundingClientRect().top + window.scrollY);
    setScrollY(window.scrollY);
  };
  const onScroll = () => setScrollY(window.scrollY);
  const onResize = () => {
    setRemPx(readRemPx());
    setViewportPx(window.innerHeight);
    measure();
  };
  onMount(() => {
    // Where the list starts is read once the first frame is painted, from the layout it computed: read inside
    // that frame, it moved the rows and laid the page out twice in one task (53 ms at 4× in a trace of the
    // demo's open). Until then the list counts as starting at the page top, which renders the rows in view
    // and a few more (the overscan covers the rows above the list).
    // (A task queued from requestAnimationFrame runs after its paint; the session's afterPaint, inlined here so
    // the worklist's first screen fetches no chunk for it.)
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(measure)));
    onCleanup(() => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    });
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onResize);
    onCleanup(() => {
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onResize);
    });
    if (props.onPainted) requestAnimationFrame(props.onPainted);
  });
  // In the next frame rather than now: reading the layout right after the rows changed would force it inside
  // the keystroke's task, while the frame lays the page out anyway.
  createEffect(on(() => props.rows, () => requestAnimationFrame(measure), { defer: true }));

  /** Scrolls the least needed to show row `index` whole, below the sticky header on laptops. */
  const scrollToRow = (index: number) => {
    const top = listTop() + index * rowPx();
    const headerPx = wide() ? Math.round(STICKY_HEADER_REM * remPx()) : 0;
    if (top - headerPx < window.scrollY) window.scrollTo({ top: top - headerPx });
    else if (top + rowPx() > window.scrollY + window.innerHeight) window.scrollTo({ top: top + rowPx() - window.innerHeight });
  };

  // Arrow keys move between rows, scrolling rows that are not rendered yet into existence first.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const current = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!current) return;
    const next = Number(current.dataset.index) + (event.key === 'ArrowDown' ? 1 : -1);
    if (next < 0 || next >= props.rows.length) return;
    event.preventDefault();
    scrollToRow(next);
    // Solid renders the rows for the new scroll position right away, so the next row can take the focus now,
    // before the next key arrives; it is already in view.
    setScrollY(window.scrollY);
    spacer.querySelector<HTMLElement>(`[data-index="${next}"] a`)?.focus({ preventScroll: true });
  };

  return (
    <div ref={spacer} class="wl-spacer" style={{ height: `${props.rows.length * rowPx()}px`, '--row-h': `${rowRem()}rem` }}>
      <ul
        class="wl-list"
        role="list"
        aria-label={t('worklist:listLabel')}
        style={{ transform: `translateY(${range().first * rowPx()}px)` }}
        onKeyDown={onKeyDown}
      >
        <For each={indexes()}>
          {(index) => (
            <li class="wl-item" style={ROW_CONTAINMENT} data-index={index} aria-setsize={props.rows.length} aria-posinset={index + 1}>
              <Show when={index < props.rows.length && props.rows.at(index)}>
                {(row) => <WorklistRowView row={row()} today={props.today} />}
              </Show>
            </li>
          )}
        </For>
      </ul>
    </div>
  );
}
