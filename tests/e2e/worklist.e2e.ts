import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { firstRowHref, openWorklist, search, visibleRowTexts, ROW } from './app';
import { launch } from './browser';
import { allPaidDebtors, bundleForPath } from './demo';

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
beforeEach(async () => {
  context = await browser.newContext();
  page = await context.newPage();
});
afterEach(async () => {
  await context?.close();
});

describe('worklist', () => {
  it('seeds the demo on first run and lists the debtors who owe, never one who paid everything', async () => {
    const count = await openWorklist(page, baseUrl);
    expect(count).toBeGreaterThanOrEqual(20);
    expect((await visibleRowTexts(page)).length).toBeGreaterThan(0);
    const paidUp = allPaidDebtors();
    expect(paidUp.length, 'the demo should hold a debtor with every invoice paid').toBeGreaterThan(0);
    for (const bundle of paidUp) {
      expect(await search(page, bundle.debtor.name), `${bundle.debtor.name} owes nothing`).toBe(0);
    }
  });

  it('narrows the list by company name and by invoice number, and widens it again when cleared', async () => {
    const total = await openWorklist(page, baseUrl);
    const href = await firstRowHref(page);
    const { debtor, invoices } = bundleForPath(href);

    const byName = await search(page, debtor.name);
    expect(byName).toBeGreaterThanOrEqual(1);
    expect(byName).toBeLessThan(total);
    for (const text of await visibleRowTexts(page)) expect(text).toContain(debtor.name);

    const open = invoices.find((i) => i.status !== 'paid') ?? invoices[0];
    expect(open, `${debtor.name} has invoices`).toBeDefined();
    const byNumber = await search(page, open?.number ?? '');
    expect(byNumber).toBeGreaterThanOrEqual(1);
    expect(byNumber).toBeLessThan(total);
    const hrefs = await page.$$eval(ROW, (rows) => rows.map((r) => r.getAttribute('href')));
    expect(hrefs).toContain(href);

    expect(await search(page, '')).toBe(total);
  });
});
