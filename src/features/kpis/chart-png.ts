/**
 * The chart's PNG export made self-explanatory: uPlot's canvas alone has no title and no legend (its legend is
 * HTML beside the canvas), so a team lead pasting it into a report could not tell what it shows. The export
 * draws, on one white canvas at the device pixel ratio of uPlot's own canvas: the title (the KPI, in the
 * interface's language), the subtitle (the group and the period shown), what the axes measure, the chart, the legend (each series'
 * colour and name) and the date it was made.
 *
 * `layoutChartPng` is pure (text widths come from `measure`): it places every line and swatch, wrapping long
 * lines and legend rows to the chart's width, so a narrow phone chart keeps every word on the image.
 */

export interface ChartPngText {
  title: string;
  subtitle: string;
  /** What the axes measure ("Axe vertical : jours · axe horizontal : mois"). */
  axes: string;
  legend: { label: string; color: string }[];
  footer: string;
}

export interface PngText {
  text: string;
  x: number;
  y: number;
  font: string;
  color: string;
}

export interface PngLayout {
  width: number;
  height: number;
  chart: { x: number; y: number };
  texts: PngText[];
  swatches: { x: number; y: number; size: number; color: string }[];
}

/** The text's width in canvas pixels in `font` (CanvasRenderingContext2D.measureText, or a stub in tests). */
export type Measure = (text: string, font: string) => number;

const FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const INK = '#1a1a1a';
const MUTED = '#555555';

/** Words of `text` in lines no wider than `max` (a single word wider than `max` keeps its own line). */
export function wrapLine(text: string, font: string, max: number, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/u).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next, font) > max) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** Where everything goes, in device pixels, around a chart canvas of `chartWidth` × `chartHeight` device pixels. */
export function layoutChartPng(text: ChartPngText, chartWidth: number, chartHeight: number, ratio: number, measure: Measure): PngLayout {
  const px = (n: number) => Math.round(n * ratio);
  const pad = px(16);
  const width = chartWidth + 2 * pad;
  const inner = chartWidth;
  const texts: PngText[] = [];
  let y = pad;
  const block = (content: string, size: number, weight: string, color: string, lineHeight: number) => {
    const font = `${weight} ${px(size)}px ${FAMILY}`;
    for (const line of wrapLine(content, font, inner, measure)) {
      texts.push({ text: line, x: pad, y, font, color });
      y += px(lineHeight);
    }
  };
  block(text.title, 18, '600', INK, 24);
  block(text.subtitle, 14, '400', MUTED, 20);
  y += px(4);
  block(text.axes, 12, '400', MUTED, 16);
  y += px(8);
  const chart = { x: pad, y };
  y += chartHeight + px(10);

  // Legend: swatch, gap, label; items flow left to right and wrap to a new row when the next would overflow.
  const legendFont = `400 ${px(14)}px ${FAMILY}`;
  const swatch = px(12);
  const gap = px(6);
  const between = px(20);
  const row = px(20);
  const swatches: PngLayout['swatches'] = [];
  let x = pad;
  text.legend.forEach((item, i) => {
    const itemWidth = swatch + gap + measure(item.label, legendFont);
    if (i > 0 && x + itemWidth > pad + inner) {
      x = pad;
      y += row;
    }
    swatches.push({ x, y: y + Math.round((row - swatch) / 2), size: swatch, color: item.color });
    texts.push({ text: item.label, x: x + swatch + gap, y: y + Math.round((row - px(14)) / 2), font: legendFont, color: INK });
    x += itemWidth + between;
  });
  if (text.legend.length > 0) y += row;
  y += px(8);
  block(text.footer, 12, '400', MUTED, 16);
  return { width, height: y + pad - px(4), chart, texts, swatches };
}

/** The drawing calls the composition needs: a CanvasRenderingContext2D, or a recording stub in tests. */
export type PngContext = Pick<CanvasRenderingContext2D, 'fillRect' | 'fillText' | 'drawImage' | 'measureText'> & {
  fillStyle: CanvasRenderingContext2D['fillStyle'];
  font: string;
  textBaseline: CanvasTextBaseline;
};

/** Draws `layout` with the chart's canvas on a white background. */
export function drawChartPng(ctx: PngContext, chart: CanvasImageSource, layout: PngLayout): void {
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, layout.width, layout.height);
  ctx.drawImage(chart, layout.chart.x, layout.chart.y);
  ctx.textBaseline = 'top';
  for (const s of layout.swatches) {
    ctx.fillStyle = s.color;
    ctx.fillRect(s.x, s.y, s.size, s.size);
  }
  for (const t of layout.texts) {
    ctx.font = t.font;
    ctx.fillStyle = t.color;
    ctx.fillText(t.text, t.x, t.y);
  }
}

/**
 * A new canvas holding the chart and its words. `ratio` is the device pixel ratio uPlot drew the chart at
 * (its canvas is already that many device pixels per CSS pixel), so the words are as sharp as the lines.
 */
export function composeChartPng(chart: HTMLCanvasElement, text: ChartPngText, ratio: number, create: () => HTMLCanvasElement = () => document.createElement('canvas')): HTMLCanvasElement {
  const out = create();
  const ctx = out.getContext('2d');
  if (!ctx) return chart;
  const measure: Measure = (s, font) => {
    ctx.font = font;
    return ctx.measureText(s).width;
  };
  const layout = layoutChartPng(text, chart.width, chart.height, ratio, measure);
  out.width = layout.width;
  out.height = layout.height;
  // Resizing a canvas resets its context's state: draw after.
  drawChartPng(ctx, chart, layout);
  return out;
}
