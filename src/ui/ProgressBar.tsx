import type { JSX } from 'solid-js';

/**
 * A determinate progress bar with its ARIA values; the visible text stays with the caller. The bar is scaled,
 * not resized, and steps without a transition: it moves while the machine is busiest (a 100,000-row import, the
 * large demo), and an animated width meant a layout and a frame on every display refresh, CPU taken from the
 * IndexedDB writes it shows (about 1 s of a 2-core machine over an import's commit).
 */
export function ProgressBar(props: { value: number; max: number; label: string; testId?: string }): JSX.Element {
  const fraction = () => (props.max > 0 ? Math.min(1, Math.max(0, props.value / props.max)) : 0);
  return (
    <div
      class="progress"
      role="progressbar"
      aria-label={props.label}
      aria-valuemin={0}
      aria-valuemax={props.max}
      aria-valuenow={props.value}
      data-testid={props.testId}
    >
      <div class="progress__bar" style={{ transform: `scaleX(${Math.round(fraction() * 1000) / 1000})` }} />
    </div>
  );
}
