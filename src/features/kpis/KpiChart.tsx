/**
 * One line chart drawn by uPlot, loaded only when a chart is shown (never on the first screen). The table
 * beside each chart holds the same figures for screen readers and keyboard users; the canvas is hidden from
 * them (aria-hidden) and exported as PNG on request. Month names, the x legend and the values are in the
 * interface's language: uPlot's own defaults are English ("Time", "Feb", "Jul").
 */
import { onCleanup, onMount, type JSX } from 'solid-js';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { chartDateNames, monthLabel } from './month-label';

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  color: string;
}

export default function KpiChart(props: {
  months: string[];
  series: ChartSeries[];
  /** The interface's locale (`fr-FR`, `en-GB`): month names on the axis and in the legend. */
  locale: string;
  /** The x series' name in the legend ("Mois"). */
  xLabel: string;
  /** A y value as the table writes it ("60,2 j"). */
  formatValue: (value: number) => string;
  onCanvas?: (canvas: HTMLCanvasElement) => void;
}): JSX.Element {
  let host!: HTMLDivElement;
  let plot: uPlot | undefined;
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const draw = () => {
    const x = props.months.map((m) => Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)) - 1, 15) / 1000);
    const width = Math.max(260, Math.min(host.clientWidth || 600, 900));
    const names = chartDateNames(props.locale);
    const month = (ts: number) => monthLabel(new Date(ts * 1000).toISOString().slice(0, 7), props.locale);
    plot = new uPlot(
      {
        width,
        height: 240,
        // Months are UTC mid-month instants: read them in UTC, whatever the device's time zone.
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
        fmtDate: (tpl) => uPlot.fmtDate(tpl, names),
        series: [
          { label: props.xLabel, value: (_u, v) => (v == null ? '—' : month(v)) },
          ...props.series.map((s) => ({ label: s.label, stroke: s.color, width: 2, value: (_u: uPlot, v: number | null) => (v == null ? '—' : props.formatValue(v)) })),
        ],
        axes: [{}, {}],
      },
      [x, ...props.series.map((s) => s.values)] as uPlot.AlignedData,
      host,
    );
    const canvas = host.querySelector('canvas');
    if (canvas) props.onCanvas?.(canvas);
  };
  // Drawn in a task of its own once the report is painted: uPlot reads the page's layout as it builds, and with
  // the table's rendering in the same task that made one task of 70–100 ms on a phone's CPU. The host keeps the
  // chart's height meanwhile (kpis.css), so the table below does not move when it comes.
  onMount(() => {
    frame = requestAnimationFrame(() => {
      timer = setTimeout(draw, 0);
    });
  });
  onCleanup(() => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    plot?.destroy();
  });
  return <div class="kpi-chart" aria-hidden="true" ref={host} />;
}
