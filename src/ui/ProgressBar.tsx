import type { JSX } from 'solid-js';

/** A determinate progress bar with its ARIA values; the visible text stays with the caller. */
export function ProgressBar(props: { value: number; max: number; label: string; testId?: string }): JSX.Element {
  const percent = () => (props.max > 0 ? Math.min(100, Math.round((props.value / props.max) * 100)) : 0);
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
      <div class="progress__bar" style={{ width: `${percent()}%` }} />
    </div>
  );
}
