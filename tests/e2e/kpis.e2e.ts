/** /kpis on the demo portfolio in the production build: worker, lazy uPlot chart, accessible tables. */
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
});
