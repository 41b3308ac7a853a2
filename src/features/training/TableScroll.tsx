import type { JSX } from 'solid-js';

/**
 * A wide table's box on a narrow screen: it scrolls on its own rather than the page sideways, and it takes
 * the keyboard focus (named after its table) so that a keyboard user can scroll it too.
 */
export function TableScroll(props: { label: string; children: JSX.Element }): JSX.Element {
  return (
    <div class="table-scroll" tabindex="0" role="region" aria-label={props.label}>
      {props.children}
    </div>
  );
}
