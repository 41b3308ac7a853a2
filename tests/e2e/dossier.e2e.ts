import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { h1Text, openFirstDossier, openWorklist } from './app';
import { contextOptions, expectAccessibleAndFitting, launch } from './browser';
import { bundleForPath, demoPortfolio } from './demo';

const baseUrl = inject('baseUrl');
/** A demo debtor due a formal notice (as in after-call-pages.e2e.ts). */
const NOTICE = 'd-0007';
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

  it('with the keyboard, an agent marks a debtor « Particulier »: its formal notice drops the 40 € indemnity and L441-10', async () => {
    // Its own context: the debtor stays a business for the other tests of this file.
    const own = await browser.newContext(contextOptions('laptop'));
    const tab = await own.newPage();
    try {
      await openWorklist(tab, baseUrl);
      const letter = `${baseUrl}/debtors/${NOTICE}/letters/formal_notice`;
      const letterText = async () => {
        await tab.goto(letter);
        await tab.waitForSelector('[data-testid="letter"][data-kind="formal_notice"]');
        return ((await tab.textContent('[data-testid="letter"]')) ?? '').replace(/[\u202f\u00a0]/g, ' ');
      };
      const before = await letterText();
      expect(before).toContain('L441-10');
      expect(before).toContain('indemnité forfaitaire pour frais de recouvrement de 40 € par facture');

      await tab.goto(`${baseUrl}/debtors/${NOTICE}`);
      await tab.waitForSelector('[data-testid="debtor-kind"]');
      // From the start-call action, Tab reaches the checked choice; an arrow key picks the other one and saves it.
      await tab.focus('[data-testid="start-call"]');
      await tab.keyboard.press('Tab');
      expect(await tab.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('debtor-kind-business');
      await tab.keyboard.press('ArrowDown');
      await tab.waitForFunction(() => document.querySelector('[data-testid="debtor-kind-status"]')?.textContent === 'Enregistré\u00a0: Particulier (consommateur).');
      expect(await tab.isChecked('[data-testid="debtor-kind-consumer"]')).toBe(true);
      await tab.waitForFunction(() => !/L441/.test(document.querySelector('[data-testid="penalties"]')?.textContent ?? 'L441'));

      const after = await letterText();
      expect(after).not.toContain('L441-10');
      // Amounts of the demo move with the date: the indemnity is looked for by its words, not by any "40 €".
      expect(after).not.toMatch(/indemnité forfaitaire|de 40 € par facture|D441-5/i);
      // Kept: back on the dossier after a reload the choice is still « Particulier ».
      await tab.goto(`${baseUrl}/debtors/${NOTICE}`);
      await tab.waitForSelector('[data-testid="debtor-kind"]');
      expect(await tab.isChecked('[data-testid="debtor-kind-consumer"]')).toBe(true);
    } finally {
      await own.close();
    }
  });

  it.each([
    ['320 px', { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true }],
    ['390 px', contextOptions('phone')],
  ] as const)('the dossier with its customer-type choice is axe-clean and fits at %s', async (name, options) => {
    const own = await browser.newContext(options);
    const tab = await own.newPage();
    try {
      await openWorklist(tab, baseUrl);
      await tab.goto(`${baseUrl}/debtors/${NOTICE}`);
      await tab.waitForSelector('[data-testid="debtor-kind"]');
      await tab.waitForSelector('[data-testid="timeline"]');
      await expectAccessibleAndFitting(tab, `dossier ${name}`, 'phone');
    } finally {
      await own.close();
    }
  });
});
