import { createSignal, onCleanup, onMount, type JSX } from 'solid-js';

/** An A4 sheet's width in CSS pixels (210 mm at 96 px per inch). */
const SHEET_PX = (210 * 96) / 25.4;

/**
 * Frames an A4 sheet on screen. On a narrow screen the sheet is zoomed out to the frame's width (CSS `zoom`,
 * screen only: print always gets the real size), so the whole page reads at a glance; the frame is a
 * focusable, labelled region so keyboard users can still scroll it if it overflows.
 */
export function SheetFrame(props: { label: string; children: JSX.Element }): JSX.Element {
  let frame!: HTMLDivElement;
  const [fit, setFit] = createSignal(1);
  onMount(() => {
    const observer = new ResizeObserver(() => setFit(Math.min(1, frame.clientWidth / SHEET_PX)));
    observer.observe(frame);
    onCleanup(() => observer.disconnect());
  });
  return (
    <div ref={frame} class="sheet-scroller" tabindex="0" role="region" aria-label={props.label} style={{ '--sheet-fit': String(fit()) }}>
      {props.children}
    </div>
  );
}
