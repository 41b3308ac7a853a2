/**
 * One line chart drawn by uPlot, loaded only when a chart is shown (never on the first screen). The table
 * beside each chart holds the same figures for screen readers and keyboard users; the canvas is hidden from
 * them (aria-hidden) and exported as PNG on request.
 */
import { onCleanup, onMount, type JSX } from 'solid-js';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  color: string;
}

export default function KpiChart(props: { months: string[]; series: ChartSeries[]; onCanvas?: (canvas: HTMLCanvasElement) => void }): JSX.Element {
  let host!: HTMLDivElement;
  let plot: uPlot | undefined;
  onMount(() => {
    const x = props.months.map((m) => Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)) - 1, 15) / 1000);
    const width = Math.max(260, Math.min(host.clientWidth || 600, 900));
    plot = new uPlot(
      {
        width,
        height: 240,
        series: [{}, ...props.series.map((s) => ({ label: s.label, stroke: s.color, width: 2 }))],
        axes: [{}, {}],
      },
      [x, ...props.series.map((s) => s.values)] as uPlot.AlignedData,
      host,
    );
    const canvas = host.querySelector('canvas');
    if (canvas) props.onCanvas?.(canvas);
  });
  onCleanup(() => plot?.destroy());
  return <div class="kpi-chart" aria-hidden="true" ref={host} />;
}
