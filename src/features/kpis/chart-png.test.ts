import { describe, expect, it } from 'vitest';
import { composeChartPng, layoutChartPng, wrapLine, type Measure } from './chart-png';

/** Every character as wide as half the font's pixel size: enough to test the wrapping and the layout. */
const measure: Measure = (text, font) => text.length * Number(/(\d+)px/u.exec(font)?.[1] ?? 10) * 0.5;

const TEXT = {
  title: 'DSO par mois',
  subtitle: 'Toute l’équipe · janv. 2026 – déc. 2026',
  axes: 'Axe vertical : jours · axe horizontal : mois',
  legend: [
    { label: 'DSO', color: '#1d4e89' },
    { label: 'DSO (épuisement)', color: '#b5541c' },
    { label: 'Meilleur DSO possible', color: '#2f7d32' },
  ],
  footer: 'Réalisé avec Cadence le 3 déc. 2026',
};

/** A 2D context that records what is drawn, on a canvas stub. */
function recordingCanvas() {
  const calls: { op: string; args: unknown[]; fillStyle?: unknown; font?: string }[] = [];
  const ctx = {
    fillStyle: '' as unknown,
    font: '',
    textBaseline: 'alphabetic',
    fillRect: (...args: unknown[]) => calls.push({ op: 'fillRect', args, fillStyle: ctx.fillStyle }),
    fillText: (...args: unknown[]) => calls.push({ op: 'fillText', args, fillStyle: ctx.fillStyle, font: ctx.font }),
    drawImage: (...args: unknown[]) => calls.push({ op: 'drawImage', args }),
    measureText: (s: string) => ({ width: measure(s, ctx.font) }),
  };
  const canvas = { width: 300, height: 150, getContext: () => ctx };
  return { canvas: canvas as unknown as HTMLCanvasElement, calls };
}

describe('chart PNG', () => {
  it('draws the title, the subtitle, every legend label with its colour and the date around the chart, on white', () => {
    const chart = { width: 1200, height: 480 } as HTMLCanvasElement;
    const { canvas, calls } = recordingCanvas();
    const out = composeChartPng(chart, TEXT, 2, () => canvas);
    expect(out).toBe(canvas);
    // Taller and wider than the chart: the words are added, not drawn over it.
    expect(out.width).toBe(1200 + 2 * 32);
    expect(out.height).toBeGreaterThan(480 + 150);
    expect(calls[0]).toEqual({ op: 'fillRect', args: [0, 0, out.width, out.height], fillStyle: '#ffffff' });
    const drawn = calls.filter((c) => c.op === 'fillText').map((c) => c.args[0]);
    expect(drawn).toEqual(expect.arrayContaining([TEXT.title, TEXT.subtitle, TEXT.axes, ...TEXT.legend.map((l) => l.label), TEXT.footer]));
    const image = calls.find((c) => c.op === 'drawImage');
    expect(image?.args[0]).toBe(chart);
    const chartTop = image?.args[2] as number;
    const titleCall = calls.find((c) => c.op === 'fillText' && c.args[0] === TEXT.title);
    expect(titleCall?.args[2]).toBeLessThan(chartTop);
    expect(calls.find((c) => c.op === 'fillText' && c.args[0] === TEXT.axes)?.args[2]).toBeLessThan(chartTop);
    // At ratio 2 the title is 36 device pixels, as sharp as uPlot's lines.
    expect(titleCall?.font).toContain('36px');
    // Each legend label is below the chart, after a swatch in its series' colour.
    for (const { label, color } of TEXT.legend) {
      const i = calls.findIndex((c) => c.op === 'fillText' && c.args[0] === label);
      expect(calls[i]?.args[2]).toBeGreaterThan(chartTop + 480);
      expect(calls.some((c) => c.op === 'fillRect' && c.fillStyle === color)).toBe(true);
    }
  });

  it('wraps a long subtitle and the legend to a narrow chart, keeping every word inside the image', () => {
    const layout = layoutChartPng(TEXT, 260, 240, 1, measure);
    expect(layout.width).toBe(292);
    const words = layout.texts.map((t) => t.text).join(' ');
    for (const part of [TEXT.title, TEXT.subtitle, TEXT.axes, TEXT.footer, ...TEXT.legend.map((l) => l.label)]) expect(words).toContain(part);
    for (const t of layout.texts) expect(t.x + measure(t.text, t.font)).toBeLessThanOrEqual(16 + 260);
    // Three legend items do not fit on one 260 px row: more than one row of swatches.
    expect(new Set(layout.swatches.map((s) => s.y)).size).toBeGreaterThan(1);
    expect(Math.max(...layout.texts.map((t) => t.y))).toBeLessThan(layout.height);
  });

  it('wraps at word boundaries only', () => {
    expect(wrapLine('un deux trois', '400 10px x', 40, measure)).toEqual(['un deux', 'trois']);
    expect(wrapLine('anticonstitutionnellement', '400 10px x', 40, measure)).toEqual(['anticonstitutionnellement']);
  });
});
