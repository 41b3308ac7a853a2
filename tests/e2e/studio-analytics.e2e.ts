/**
 * Analytics per script version, from real calls: a lead publishes a team script as the French default; an
 * agent makes a whole call on it, marking the objection answer read; the editor's Analytics section shows the
 * call, how far it got, how it ended, the time per step and the answer's promise rate, as tables with bars.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openWorklist, becomeLead } from './app';
import { contextOptions, launch, type ViewportName, expectAccessibleAndFitting } from './browser';
import { callableDebtors, finishFromCommitments, openCall, walkToCommitments } from './call-helpers';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const check = expectAccessibleAndFitting;

describe.each<ViewportName>(['laptop', 'phone'])('analytics per script version at %s width', (viewport) => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await browser.newContext(contextOptions(viewport));
    page = await context.newPage();
    await openWorklist(page, baseUrl);
    await becomeLead(page, baseUrl);
  });
  afterAll(async () => {
    await context?.close();
  });

  it('counts a call made on the version, its steps, its ending and the objection answer used', async () => {
    await page.goto(`${baseUrl}/scripts`);
    await page.waitForSelector('[data-testid="studio-library"]');
    await page.click('[data-testid="studio-duplicate-fr"]');
    await page.waitForURL(/\/scripts\/team\./);
    const editorUrl = page.url();
    const scriptId = decodeURIComponent(new URL(editorUrl).pathname.split('/').pop()!);
    await page.click('[data-testid="studio-publish"]');
    await page.fill('[data-testid="studio-publish-note"]', 'v1');
    await page.click('[data-testid="studio-publish-confirm"]');
    await page.waitForSelector('dialog[open]', { state: 'detached' });
    await page.goto(`${baseUrl}/scripts`);
    await page.waitForSelector('[data-testid="studio-scripts"]');
    await page.selectOption('#assign-fr-default', scriptId);
    await page.click('[data-testid="studio-assign-save"]');
    await page.waitForFunction(() => /Par défaut|default/i.test(document.querySelector('[data-testid="studio-scripts"] tbody tr')?.textContent ?? ''));

    const bundle = callableDebtors()[viewport === 'laptop' ? 9 : 10]!;
    await openCall(page, baseUrl, bundle.debtor.id);
    await page.click('[data-testid="call-objections"] summary');
    const used = page.locator('[data-testid="objection-answer-used"]').first();
    await used.click();
    await expect.poll(() => used.getAttribute('aria-pressed')).toBe('true');
    await page.click('[data-testid="call-objections"] summary');
    await walkToCommitments(page, 'approval_workflow');
    await page.check('#commitment-kind-none');
    await page.fill('#no-commitment-why', 'Attend la validation du gérant');
    await finishFromCommitments(page);

    await page.goto(editorUrl);
    await page.waitForSelector('[data-testid="studio-checks"]');
    await page.getByRole('button', { name: 'Statistiques' }).click();
    await page.waitForSelector('[data-testid="analytics-summary"]');
    expect(await page.textContent('[data-testid="analytics-summary"]')).toMatch(/^1 appel · taux de promesse 0\s?% · durée moyenne \d/);
    const steps = await page.$$eval('[data-testid="analytics-steps"] tbody tr', (rows) => rows.map((r) => [...r.children].map((c) => (c.textContent ?? '').trim())));
    expect(steps).toHaveLength(10);
    expect(steps.every((cells) => cells[1] === '1')).toBe(true);
    expect(steps.every((cells) => /\d s$/.test(cells[2]!))).toBe(true);
    expect(await page.textContent('[data-testid="analytics-endings"] tbody')).toContain('Appel mené à son terme');
    const objections = await page.textContent('[data-testid="analytics-objections"] tbody');
    expect(objections).toMatch(/1\s*0\s?%/);
    const measured = await page.evaluate(() => performance.getEntriesByName('cadence:analytics').length);
    expect(measured).toBeGreaterThan(0);
    await check(page, 'analytics', viewport);
  });
});
