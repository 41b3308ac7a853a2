/**
 * What the keyboard focuses stays in sight and in place, at the narrowest phone: never under the call's
 * Back / Next bar, its notes sheet or the offline-ready notice, and not dropped to the page when the control
 * pressed changes state. The call's invoice table fits 320 px with the amount owed shown whole.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { openWorklist } from './app';
import { launch } from './browser';
import { CALL, callableDebtors, inDays, openCall, probeDateOrder, typeDate, walkToCommitments, walkToExplanation } from './call-helpers';

const baseUrl = inject('baseUrl');
const NARROW = { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await context?.close();
});

/** Two frames: a control focused under a bar is scrolled clear of it in the frame after the focus. */
const frames = (page: Page) => page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));

/** Why the focused element is not in sight (under something fixed or sticky, off screen), or null when it is. */
function hiddenFocus(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'the focus is on the page itself';
    const box = el.getBoundingClientRect();
    const x = box.left + Math.min(box.width / 2, 24);
    for (const y of [(box.top + box.bottom) / 2, box.bottom - 2, box.top + 2]) {
      if (y < 0 || y >= window.innerHeight) return `#${el.id || el.tagName} is off screen (${Math.round(box.top)}–${Math.round(box.bottom)})`;
      for (let n = document.elementFromPoint(x, y); n && n !== document.documentElement; n = n.parentElement) {
        if (n === el || n.contains(el)) break;
        const position = getComputedStyle(n).position;
        if (position === 'fixed' || position === 'sticky') return `#${el.id || el.tagName} is under .${n.className} at y=${Math.round(y)}`;
      }
    }
    return null;
  });
}

describe('the focus in sight at 320 px', () => {
  it('keeps every control of the promise clear of the open notes sheet and the action bar, and on the box just ticked', async () => {
    context = await browser.newContext(NARROW);
    await probeDateOrder(context);
    const page = await context.newPage();
    await openWorklist(page, baseUrl);
    const bundle = callableDebtors()[1]!;
    await openCall(page, baseUrl, bundle.debtor.id);
    await page.waitForSelector(`${CALL}[data-step="presentation"]`);
    await walkToCommitments(page, 'forgotten');
    await page.keyboard.press('Alt+KeyN');
    await page.waitForFunction(() => document.activeElement?.id === 'call-notes');
    await page.keyboard.press('Alt+KeyP');
    await page.waitForFunction(() => document.activeElement?.id === 'promise-amount');
    await page.keyboard.type('100');
    await page.keyboard.press('Tab');
    await typeDate(page, inDays(7));
    const seen: string[] = [];
    for (let i = 0; i < 12 && seen.at(-1) !== 'promise-restated'; i++) {
      await page.keyboard.press('Tab');
      await frames(page);
      const where = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.id || document.activeElement?.getAttribute('value') || '');
      seen.push(where);
      expect(await hiddenFocus(page), `after Tab ${i + 1} (${where})`).toBeNull();
    }
    expect(seen).toContain('promise-restated');
    await page.keyboard.press('Space');
    await page.waitForSelector('#promise-restated:checked');
    await frames(page);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('promise-restated');
    expect(await hiddenFocus(page)).toBeNull();
    // Escape folds the sheet and hands the focus to its toggle.
    await page.keyboard.press('Escape');
    await page.waitForSelector(`${CALL}[data-notes="closed"]`);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('call-notes-toggle');
  });

  it('shows the call script’s invoice table whole, the amount owed included', async () => {
    context = await browser.newContext(NARROW);
    const page = await context.newPage();
    await openWorklist(page, baseUrl);
    const bundle = callableDebtors()[0]!;
    await openCall(page, baseUrl, bundle.debtor.id);
    await walkToExplanation(page);
    const fit = await page.$eval('[data-testid="call-step"]:not([hidden]) [data-testid="call-script"]', (script) => {
      const amounts = [...script.querySelectorAll('td.num')].map((td) => td.getBoundingClientRect());
      const box = script.getBoundingClientRect();
      return { overflow: script.scrollWidth - script.clientWidth, amounts: amounts.length, inside: amounts.every((a) => a.right <= box.right && a.left >= box.left) };
    });
    expect(fit).toEqual({ overflow: 0, amounts: expect.any(Number), inside: true });
    expect(fit.amounts).toBeGreaterThan(0);
  });

  it('keeps the focus on Save after saving the KPI costs, clear of the offline-ready notice', async () => {
    context = await browser.newContext(NARROW);
    const page = await context.newPage();
    await openWorklist(page, baseUrl);
    await page.click('a[href="/kpis"]');
    await page.waitForSelector('[data-testid="kpis-costs"] button[type="submit"]', { timeout: 30_000 });
    await page.focus('[data-testid="kpis-costs"] input[name="registered"]');
    await page.keyboard.press('Tab');
    await frames(page);
    expect(await page.evaluate(() => document.activeElement?.matches('[data-testid="kpis-costs"] button[type="submit"]'))).toBe(true);
    expect(await hiddenFocus(page)).toBeNull();
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="kpis-costs"] [role="status"]');
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.activeElement?.matches('[data-testid="kpis-costs"] button[type="submit"]'))).toBe(true);
  });
});
