import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openWorklist, ROW, SEARCH } from './app';
import { launch } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  context = await browser.newContext();
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

/** Presses Tab until the focused element matches `selector`; fails after `max` presses. */
async function tabTo(selector: string, max: number): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return presses;
  }
  const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120) ?? 'nothing');
  throw new Error(`${selector} not reached after ${max} Tab presses; focus is on ${focused}`);
}

/**
 * The focused element must look different from the same element unfocused (outline, ring, border or
 * background); focus is put back afterwards, still from the keyboard's point of view.
 */
function focusIsVisible(): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return false;
    const look = () => {
      const s = getComputedStyle(el);
      return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.borderColor, s.backgroundColor].join('|');
    };
    const focused = look();
    el.blur();
    const unfocused = look();
    el.focus();
    return focused !== unfocused && document.activeElement === el;
  });
}

describe('keyboard', () => {
  it('Tab reaches the skip link, the search and the first row; Enter opens the dossier', async () => {
    await openWorklist(page, baseUrl);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

    expect(await tabTo('a[href="#main"]', 1)).toBe(1);
    expect(await page.isVisible('a[href="#main"]'), 'the skip link shows when focused').toBe(true);
    await tabTo(SEARCH, 10);
    expect(await focusIsVisible(), 'the search shows its focus').toBe(true);
    await tabTo(ROW, 10);
    expect(await focusIsVisible(), 'the row shows its focus').toBe(true);
    const href = await page.evaluate(() => document.activeElement?.getAttribute('href'));

    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === href);
    await page.waitForSelector('[data-testid="dossier"]');
  });

  it('the skip link moves focus into the main content', async () => {
    await openWorklist(page, baseUrl);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabTo('a[href="#main"]', 1);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const insideMain = await page.evaluate(() => document.getElementById('main')?.contains(document.activeElement) ?? false);
    expect(insideMain).toBe(true);
  });
});
