import { For, type JSX } from 'solid-js';
import type { ProgressPoint } from '../../domain/training/progress';
import { PASS_MARK } from '../../domain/training/rubric';
import { t } from '../../i18n';

const W = 320;
const H = 140;
const PAD = 16;

/**
 * Scores over the sessions as a small SVG line with the pass mark, scaled to its box (no chart library for
 * one polyline). It is a picture only: the table beside it carries the same figures for screen readers.
 */
export function ProgressChart(props: { points: readonly ProgressPoint[] }): JSX.Element {
  const x = (i: number) => (props.points.length <= 1 ? W / 2 : PAD + (i * (W - 2 * PAD)) / (props.points.length - 1));
  const y = (score: number) => H - PAD - (score * (H - 2 * PAD)) / 100;
  const line = () => props.points.map((p, i) => `${x(i).toFixed(1)},${y(p.score).toFixed(1)}`).join(' ');
  return (
    <figure class="progress-chart" data-testid="progress-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('training:history.chart', { mark: PASS_MARK })} preserveAspectRatio="none">
        <line class="progress-chart__mark" x1={PAD} x2={W - PAD} y1={y(PASS_MARK)} y2={y(PASS_MARK)} />
        <polyline class="progress-chart__line" points={line()} />
        <For each={props.points}>
          {(p, i) => <circle class={p.passed ? 'progress-chart__dot progress-chart__dot--pass' : 'progress-chart__dot'} cx={x(i())} cy={y(p.score)} r="4" data-score={p.score} />}
        </For>
      </svg>
      <figcaption class="small muted">{t('training:history.chart', { mark: PASS_MARK })}</figcaption>
    </figure>
  );
}
