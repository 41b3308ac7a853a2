import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { h1Text, openSettings, openWorklist, worklistReady } from './app';
import { launch } from './browser';

const baseUrl = inject('baseUrl');
const LANGUAGE = '[data-testid="language-select"]';
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  context = await browser.newContext();
  page = await context.newPage();
});
afterEach(async () => {
  await context?.close();
});

const navTexts = (p: Page) => p.$$eval('nav a', (links) => links.map((a) => (a.textContent ?? '').trim()));

describe('settings', () => {
  it('switches the interface to English, and the choice survives a reload', async () => {
    await openWorklist(page, baseUrl);
    await openSettings(page, baseUrl);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    const frenchTitle = await h1Text(page);
    const frenchNav = await navTexts(page);

    await page.selectOption(LANGUAGE, 'en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.waitForFunction((before) => document.querySelector('h1')?.textContent?.trim() !== before, frenchTitle);
    const englishTitle = await h1Text(page);
    expect(englishTitle).not.toBe(frenchTitle);
    expect(await navTexts(page)).not.toEqual(frenchNav);

    await page.reload();
    await page.waitForSelector(LANGUAGE);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await h1Text(page)).toBe(englishTitle);
    expect(await page.$eval(LANGUAGE, (s) => (s as HTMLSelectElement).value)).toBe('en');
  });

  it('shows the answer to the persistent-storage request', async () => {
    await openSettings(page, baseUrl);
    await page.waitForFunction(() => (document.querySelector('[data-testid="persist-status"]')?.textContent ?? '').trim().length > 0);
  });

  it('clears all data only after confirmation, and the worklist stays empty after a reload', async () => {
    expect(await openWorklist(page, baseUrl)).toBeGreaterThan(0);
    await openSettings(page, baseUrl);
    await page.click('[data-testid="clear-data"]');
    const dialog = await page.waitForSelector('[role="dialog"]', { state: 'visible' });
    expect(await dialog.$('[data-testid="confirm-clear"]')).not.toBeNull();

    await page.keyboard.press('Escape');
    await page.goto(`${baseUrl}/`);
    expect(await worklistReady(page), 'dismissing the dialog must not delete anything').toBeGreaterThan(0);

    await openSettings(page, baseUrl);
    await page.click('[data-testid="clear-data"]');
    await page.click('[data-testid="confirm-clear"]');
    await page.waitForSelector('[role="dialog"]', { state: 'hidden' });
    await page.goto(`${baseUrl}/`);
    expect(await worklistReady(page)).toBe(0);
    await page.reload();
    expect(await worklistReady(page)).toBe(0);

    // The empty list offers the demo; asked for from the keyboard, the focus goes on from the search.
    await page.focus('[data-testid="empty-load-demo"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="worklist"]')?.getAttribute('data-count')) > 0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('worklist-search');
  });
});
