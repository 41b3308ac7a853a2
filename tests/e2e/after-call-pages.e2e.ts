/**
 * The after-call pages at phone and laptop width: axe-core finds nothing, nothing scrolls sideways (the A4
 * sheet scrolls inside its own frame), and a full-page screenshot of each goes to /tmp/shots/ for review.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openWorklist } from './app';
import { contextOptions, formatViolations, launch, runAxe, type ViewportName } from './browser';

const baseUrl = inject('baseUrl');
const SHOTS = '/tmp/shots';
/** Demo debtors: one with a partial promise, a plan request and a formal notice due; one due a formal notice. */
const BUSY = 'd-0002';
const NOTICE = 'd-0007';
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function check(page: Page, name: string, viewport: ViewportName): Promise<void> {
  const violations = await runAxe(page);
  expect(violations.length, formatViolations(violations, `${name} (${viewport})`)).toBe(0);
  const widths = await page.evaluate(() => ({ content: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(widths.content, `${name} (${viewport}) scrolls sideways`).toBeLessThanOrEqual(widths.viewport);
  // A phone may widen its layout viewport to fit overflowing content: compare with the device width too.
  const deviceWidth = contextOptions(viewport).viewport?.width ?? 0;
  const overflowing = await page.evaluate((limit) => {
    const out: string[] = [];
    for (const el of document.querySelectorAll('main *')) {
      if (el.closest('.sheet-scroller')) continue;
      const right = el.getBoundingClientRect().right;
      if (right > limit + 1) out.push(`${el.tagName.toLowerCase()}.${el.className} → ${Math.round(right)}px`);
    }
    return out.slice(0, 5);
  }, deviceWidth);
  expect(overflowing, `${name} (${viewport}) has elements past ${deviceWidth}px`).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/${viewport}-${name}.png`, fullPage: true });
}

describe.each<ViewportName>(['phone', 'laptop'])('after-call pages at %s width', (viewport) => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await browser.newContext(contextOptions(viewport));
    page = await context.newPage();
    await openWorklist(page, baseUrl);
  });
  afterAll(async () => {
    await context?.close();
  });

  it('dossier with the ladder, penalties and commitments', async () => {
    await page.goto(`${baseUrl}/debtors/${BUSY}`);
    await page.waitForSelector('[data-testid="penalties-total"]');
    await check(page, 'dossier', viewport);
    // The full page is long on a phone: the new panels get a picture of their own.
    await page.locator('[data-testid="after-call"]').screenshot({ path: `${SHOTS}/${viewport}-dossier-panels.png` });
    await page.locator('[data-testid="tasks"]').screenshot({ path: `${SHOTS}/${viewport}-dossier-tasks.png` });
  });

  it('payment entry, with its errors showing', async () => {
    await page.goto(`${baseUrl}/debtors/${BUSY}/payments/new`);
    await page.waitForSelector('[data-testid="payment-form"]');
    await check(page, 'payment', viewport);
    await page.click('[data-testid="payment-submit"]');
    await page.waitForSelector('#payment-amount[aria-invalid="true"]');
    await check(page, 'payment-errors', viewport);
  });

  it('payment plan proposal', async () => {
    await page.goto(`${baseUrl}/debtors/${BUSY}/plans/new`);
    await page.waitForSelector('[data-testid="plan-form"]');
    await check(page, 'plan-proposal', viewport);
    await page.click('[data-testid="plan-submit"]');
    await page.waitForSelector('[data-testid="dossier-plan"][data-status="proposed"]');
  });

  it('plans, as an agent then as the team lead', async () => {
    await page.goto(`${baseUrl}/plans`);
    await page.waitForSelector('[data-testid="plan"]');
    await check(page, 'plans-agent', viewport);
    await page.goto(`${baseUrl}/settings`);
    await page.waitForSelector('#profile-role');
    await page.selectOption('#profile-role', 'lead');
    await page.click('form[aria-labelledby="profile-title"] button[type="submit"]');
    await page.waitForFunction(() => (document.querySelector('form[aria-labelledby="profile-title"] [role="status"]')?.textContent ?? '').trim() !== '');
    await page.goto(`${baseUrl}/plans`);
    await page.waitForSelector('[data-testid="plan-approve"]');
    await check(page, 'plans-lead', viewport);
  });

  it('settings with the letterhead and the rate tables', async () => {
    await page.goto(`${baseUrl}/settings`);
    await page.waitForSelector('[data-testid="rates-ecb"] input');
    await page.waitForSelector('[data-testid="creditor-save"]');
    await page.waitForFunction(() => (document.querySelector('[data-testid="persist-status"]')?.textContent ?? '').trim().length > 0);
    await check(page, 'settings', viewport);
  });

  it.each(['first_reminder', 'second_reminder', 'formal_notice'])('letter: %s', async (kind) => {
    await page.goto(`${baseUrl}/debtors/${NOTICE}/letters/${kind}`);
    await page.waitForSelector(`[data-testid="letter"][data-kind="${kind}"]`);
    await check(page, `letter-${kind}`, viewport);
  });

  it('agency hand-over summary', async () => {
    await page.goto(`${baseUrl}/debtors/${NOTICE}/handover`);
    await page.waitForSelector('[data-testid="handover-summary"]');
    await check(page, 'handover', viewport);
  });
});
