import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openFirstDossier, openSettings, openWorklist } from './app';
import { bundleForPath } from './demo';
import { contextOptions, formatViolations, launch, runAxe, type ViewportName } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** axe-core finds nothing, and the page fits the viewport's width (no sideways scrolling on a phone). */
async function expectNoViolations(page: Page, where: string): Promise<void> {
  const violations = await runAxe(page);
  expect(violations.length, formatViolations(violations, where)).toBe(0);
  const widths = await page.evaluate(() => ({ content: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(widths.content, `${where} scrolls sideways`).toBeLessThanOrEqual(widths.viewport);
}

describe.each<ViewportName>(['phone', 'laptop'])('axe-core and layout at %s width', (viewport) => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await browser.newContext(contextOptions(viewport));
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
  });

  it('worklist', async () => {
    await openWorklist(page, baseUrl);
    await expectNoViolations(page, `the worklist (${viewport})`);
  });

  it('dossier', async () => {
    await openWorklist(page, baseUrl);
    await openFirstDossier(page);
    await page.waitForSelector('[data-testid="timeline"]');
    await expectNoViolations(page, `a dossier (${viewport})`);
  });

  it('settings', async () => {
    await openSettings(page, baseUrl);
    await page.waitForFunction(() => (document.querySelector('[data-testid="persist-status"]')?.textContent ?? '').trim().length > 0);
    await expectNoViolations(page, `settings (${viewport})`);
  });

  it('call page', async () => {
    await openWorklist(page, baseUrl);
    const path = await openFirstDossier(page);
    await page.goto(`${baseUrl}${path}/call?start=1`);
    const name = bundleForPath(path).debtor.name;
    await page.waitForFunction((n) => document.querySelector('main')?.textContent?.includes(n) ?? false, name);
    await expectNoViolations(page, `the call page (${viewport})`);
  });

  it('call page with the steps kept in the page, hidden', async () => {
    // Moving keeps the step left and the next one (built ahead) in the document, invisible: axe, the tab
    // order and the ids must see only the step shown.
    await openWorklist(page, baseUrl);
    const path = await openFirstDossier(page);
    await page.goto(`${baseUrl}${path}/call?start=1`);
    await page.waitForFunction(() => document.activeElement?.id === 'step-title');
    for (const [key, step] of [['Control+Enter', 'identification'], ['Control+Enter', 'explanation'], ['Alt+ArrowLeft', 'identification']] as const) {
      await page.keyboard.press(key);
      await page.waitForSelector(`[data-testid="call"][data-step="${step}"]`);
    }
    await page.waitForFunction(() => document.activeElement?.id === 'step-title');
    // The step left (explanation) kept, the one before (presentation) kept, hidden both.
    await page.waitForFunction(() => document.querySelectorAll('.kept-panel--kept, .kept-panel--fresh').length >= 2);
    await expectNoViolations(page, `the call page after moving steps (${viewport})`);
    const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
    expect(ids.filter((id, i) => ids.indexOf(id) !== i), 'duplicate ids').toEqual([]);
    expect(await page.locator('[data-testid="step-title"]').count()).toBe(1);
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      const hidden = await page.evaluate(() => Boolean(document.activeElement?.closest('.kept-panel--kept, .kept-panel--fresh')));
      expect(hidden, `Tab ${i + 1} reached a hidden step`).toBe(false);
    }
  });

  it('clear-data confirmation dialog', async () => {
    await openSettings(page, baseUrl);
    await page.click('[data-testid="clear-data"]');
    await page.waitForSelector('[role="dialog"]', { state: 'visible' });
    await expectNoViolations(page, `the clear-data dialog (${viewport})`);
    await page.keyboard.press('Escape');
  });

  it('not-found page', async () => {
    await page.goto(`${baseUrl}/no-such-page`);
    await page.waitForSelector('main#main h1');
    await expectNoViolations(page, `the not-found page (${viewport})`);
  });
});
