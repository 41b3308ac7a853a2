/** /kpis on the demo portfolio in the production build: worker, lazy uPlot chart, accessible tables. */
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { openWorklist } from './app';
import { contextOptions, formatViolations, launch, runAxe, type ViewportName } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await context?.close();
});

describe('kpis', () => {
  for (const viewport of ['phone', 'laptop'] as ViewportName[]) {
    it(`shows 12 months, the DSO chart and its table, axe clean without sideways scroll (${viewport})`, async () => {
      context = await browser.newContext(contextOptions(viewport));
      page = await context.newPage();
      await openWorklist(page, baseUrl);
      const chunks: string[] = [];
      page.on('response', (r) => {
        if (r.url().endsWith('.js')) chunks.push(r.url());
      });
      await page.click('a[href="/kpis"]');
      await page.waitForSelector('[data-testid="kpis-table"]', { timeout: 30_000 });
      await page.waitForSelector('.kpi-chart canvas', { timeout: 10_000 });
      expect(await page.$$eval('[data-testid="kpis-table"] tbody tr', (rows) => rows.length)).toBe(12);
      const violations = await runAxe(page);
      expect(violations, formatViolations(violations, `/kpis (${viewport})`)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      expect(chunks.some((u) => /KpiChart/.test(u))).toBe(true);
    });
  }

  it('exports the chart as a PNG that says what it shows: taller and wider than the chart, at the device pixel ratio', async () => {
    context = await browser.newContext({ ...contextOptions('phone'), acceptDownloads: true });
    page = await context.newPage();
    await openWorklist(page, baseUrl);
    await page.click('a[href="/kpis"]');
    await page.waitForSelector('.kpi-chart canvas', { timeout: 30_000 });
    const chart = await page.$eval('.kpi-chart canvas', (c) => ({ width: (c as HTMLCanvasElement).width, height: (c as HTMLCanvasElement).height, css: (c as HTMLCanvasElement).getBoundingClientRect().width }));
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="kpis-png"]')]);
    expect(download.suggestedFilename()).toMatch(/^cadence-dso-\d{4}-\d{2}-\d{2}\.png$/u);
    const png = await readFile((await download.path()) as string);
    // PNG signature, then the IHDR chunk: width and height as big-endian 32-bit integers at bytes 16 and 20.
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    // The phone draws at 2 device pixels per CSS pixel: uPlot's canvas and the image with it.
    expect(chart.width).toBe(Math.round(chart.css * 2));
    expect(width).toBe(chart.width + 2 * 32);
    // Title, group and period above the chart, the legend and the date below: at least 100 CSS pixels more.
    expect(height).toBeGreaterThan(chart.height + 2 * 100);
  });
});
