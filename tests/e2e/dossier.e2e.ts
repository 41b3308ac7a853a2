import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { h1Text, openFirstDossier, openWorklist } from './app';
import { launch } from './browser';
import { bundleForPath, demoPortfolio } from './demo';

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

describe('dossier', () => {
  it('opens from the worklist with the company, contacts, invoices, timeline and a way to start the call', async () => {
    await openWorklist(page, baseUrl);
    const path = await openFirstDossier(page);
    const { debtor, contacts, invoices } = bundleForPath(path);
    await page.waitForSelector('[data-testid="timeline"]');

    expect(await h1Text(page)).toBe(debtor.name);
    expect(await page.$$eval('main h1, h1', (h) => h.length)).toBe(1);

    const contactLinks = await page.$$eval('[data-testid="contacts"] a', (links) => links.map((a) => a.getAttribute('href') ?? ''));
    const withPhone = contacts.filter((c) => c.phone);
    const withEmail = contacts.filter((c) => c.email);
    expect(contactLinks.filter((h) => h.startsWith('tel:')).length).toBeGreaterThanOrEqual(withPhone.length > 0 ? 1 : 0);
    expect(contactLinks.filter((h) => h.startsWith('mailto:')).length).toBeGreaterThanOrEqual(withEmail.length > 0 ? 1 : 0);
    expect(contactLinks.some((h) => h.startsWith('tel:') || h.startsWith('mailto:'))).toBe(true);

    const groups = ['overdue', 'upcoming', 'disputed', 'paid'];
    const groupText = new Map<string, string>();
    for (const g of groups) {
      const group = await page.$(`[data-testid="invoices-${g}"]`);
      if (group) groupText.set(g, (await group.textContent()) ?? '');
    }
    expect(groupText.size, 'at least one invoice group is shown').toBeGreaterThan(0);
    const shownText = [...groupText.values()].join(' ');
    for (const invoice of invoices) expect(shownText).toContain(invoice.number);
    for (const invoice of invoices.filter((i) => i.status === 'paid')) {
      expect(groupText.get('paid') ?? '', `${invoice.number} is paid`).toContain(invoice.number);
    }
    for (const invoice of invoices.filter((i) => i.status === 'disputed')) {
      expect(groupText.get('disputed') ?? '', `${invoice.number} is disputed`).toContain(invoice.number);
    }

    const startCall = await page.getAttribute('[data-testid="start-call"]', 'href');
    expect(startCall).toBe(`${path}/call?start=1`);
  });

  it('opens straight from its address (deep link) after a reload', async () => {
    await openWorklist(page, baseUrl);
    const path = await openFirstDossier(page);
    await page.reload();
    await page.waitForSelector('[data-testid="timeline"]');
    expect(await h1Text(page)).toBe(bundleForPath(path).debtor.name);
  });

  it('shows a disputed invoice in its own group, every promise and every timeline entry', async () => {
    const bundle = demoPortfolio().find((b) => b.invoices.some((i) => i.status === 'disputed') && b.promises.length > 0)
      ?? demoPortfolio().find((b) => b.invoices.some((i) => i.status === 'disputed'));
    expect(bundle, 'the demo holds a disputed invoice').toBeDefined();
    if (!bundle) return;
    await page.goto(`${baseUrl}/debtors/${encodeURIComponent(bundle.debtor.id)}`);
    await page.waitForSelector('[data-testid="timeline"]');
    expect(await h1Text(page)).toBe(bundle.debtor.name);
    const disputed = (await page.textContent('[data-testid="invoices-disputed"]')) ?? '';
    for (const invoice of bundle.invoices.filter((i) => i.status === 'disputed')) expect(disputed).toContain(invoice.number);
    expect(await page.$$eval('[data-testid="promises"] li', (items) => items.length)).toBe(bundle.promises.length);
    expect(await page.$$eval('[data-testid="timeline"] li', (items) => items.length)).toBe(bundle.activities.length);
  });

  it('the start-call action leads to the call page of the same debtor', async () => {
    await openWorklist(page, baseUrl);
    const path = await openFirstDossier(page);
    await page.click('[data-testid="start-call"]');
    await page.waitForURL((url) => url.pathname === `${path}/call`);
    await page.waitForFunction((name) => document.querySelector('main')?.textContent?.includes(name) ?? false, bundleForPath(path).debtor.name);
    expect(await page.$$eval('h1', (h) => h.length)).toBe(1);
  });

  it('an unknown debtor gets a page that says so, with a way back', async () => {
    await page.goto(`${baseUrl}/debtors/no-such-debtor`);
    await page.waitForSelector('[data-testid="dossier-not-found"]');
    expect(await page.$('[data-testid="dossier-not-found"] a[href="/"]')).not.toBeNull();
  });
});
