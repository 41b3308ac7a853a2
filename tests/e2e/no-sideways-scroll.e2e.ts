/**
 * No screen scrolls sideways on a phone: every screen (see ./screens.ts), in French and in English, measured
 * at 320 and 390 px wide. Prints each screen's widths, so a regression names the screen and the element.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch } from './browser';
import { useLanguage, visitEveryScreen, widthReport } from './screens';

const baseUrl = inject('baseUrl');
const WIDTHS = [320, 390] as const;
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe.each([
  ['fr', 0],
  ['en', 1],
] as const)('every screen in %s fits 320 and 390 px', (language, debtorIndex) => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
  });

  it('measures scrollWidth <= innerWidth on each screen', async () => {
    await useLanguage(page, baseUrl, language);
    const rows: string[] = [];
    const overflowing: string[] = [];
    await visitEveryScreen(page, baseUrl, debtorIndex, async (screen) => {
      const cells: string[] = [];
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 844 });
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const report = await widthReport(page);
        cells.push(`${width}: ${report.scrollWidth}`);
        if (report.scrollWidth > report.innerWidth) overflowing.push(`${screen} at ${width} px is ${report.scrollWidth} px wide (${report.culprit})`);
      }
      await page.setViewportSize({ width: 390, height: 844 });
      rows.push(`${language} ${screen.padEnd(32)} ${cells.join('  ')}`);
    });
    console.log(`[widths]\n${rows.join('\n')}`);
    expect(rows.length).toBeGreaterThanOrEqual(20);
    expect(overflowing, overflowing.join('\n')).toEqual([]);
  }, 240_000);
});
