import { createWindowVirtualizer } from '@tanstack/solid-virtual';
import { createEffect, createSignal, For, on, onCleanup, onMount, Show, type JSX } from 'solid-js';
import type { WorklistRow } from '../../domain/worklist';
import { t } from '../../i18n';
import { createMediaQuery, WIDE_QUERY } from '../../ui/media';
import { WorklistRowView } from './WorklistRowView';

/** Row heights in rem; worklist.css sizes the rows from the same variable, so estimate and layout agree. */
const ROW_REM = { phone: 8.25, wide: 4.25 };
/** Height of the sticky column header on laptops (worklist.css .wl-columns), with a little air. */
const STICKY_HEADER_REM = 2.75;

/**
 * Only the rows in view (plus a few) are in the DOM; the page itself scrolls, so phones keep their native
 * scrolling and the browser chrome can collapse. The list is one <ul> translated to the first visible row.
 */
export default function VirtualRows(props: { rows: WorklistRow[]; today: string; onPainted?: () => void }): JSX.Element {
  let spacer!: HTMLDivElement;
  const wide = createMediaQuery(WIDE_QUERY);
  const remPx = () => parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  const rowRem = () => (wide() ? ROW_REM.wide : ROW_REM.phone);
  const rowPx = () => Math.round(rowRem() * remPx());
  const [margin, setMargin] = createSignal(0);

  const virtualizer = createWindowVirtualizer({
    get count() {
      return props.rows.length;
    },
    estimateSize: () => rowPx(),
    overscan: 8,
    get scrollMargin() {
      return margin();
    },
    // On laptops the column header sticks to the top: a row scrolled to by the arrow keys must not hide under it.
    get scrollPaddingStart() {
      return wide() ? Math.round(STICKY_HEADER_REM * remPx()) : 0;
    },
  });

  const measureMargin = () => setMargin(spacer.getBoundingClientRect().top + window.scrollY);
  onMount(() => {
    measureMargin();
    window.addEventListener('resize', measureMargin);
    onCleanup(() => window.removeEventListener('resize', measureMargin));
    if (props.onPainted) requestAnimationFrame(props.onPainted);
  });
  createEffect(on(rowPx, () => virtualizer.measure(), { defer: true }));
  createEffect(on(() => props.rows, measureMargin, { defer: true }));

  const offset = () => (virtualizer.getVirtualItems()[0]?.start ?? margin()) - margin();

  // Arrow keys move between rows, scrolling rows that are not rendered yet into existence first.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const current = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!current) return;
    const next = Number(current.dataset.index) + (event.key === 'ArrowDown' ? 1 : -1);
    if (next < 0 || next >= props.rows.length) return;
    event.preventDefault();
    virtualizer.scrollToIndex(next, { align: 'auto' });
    requestAnimationFrame(() => spacer.querySelector<HTMLElement>(`[data-index="${next}"] a`)?.focus());
  };

  return (
    <div
      ref={spacer}
      class="wl-spacer"
      style={{ height: `${virtualizer.getTotalSize()}px`, '--row-h': `${rowRem()}rem` }}
    >
      <ul
        class="wl-list"
        role="list"
        aria-label={t('worklist:listLabel')}
        style={{ transform: `translateY(${offset()}px)` }}
        onKeyDown={onKeyDown}
      >
        <For each={virtualizer.getVirtualItems()}>
          {(item) => (
            <li class="wl-item" data-index={item.index} aria-setsize={props.rows.length} aria-posinset={item.index + 1}>
              <Show when={props.rows[item.index]}>{(row) => <WorklistRowView row={row()} today={props.today} />}</Show>
            </li>
          )}
        </For>
      </ul>
    </div>
  );
}
