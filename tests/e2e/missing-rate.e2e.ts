/**
 * The missing semester ECB rate is asked for once, with its action: plainly in Settings, quietly on a dossier
 * whose penalties are computed on the last rate known meanwhile — never as an alarm on every dossier.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { todayIso } from '../../src/session/today';
import { missingSemesterRate } from '../../src/domain/penalties/missing-rate';
import { DEFAULT_ECB_SEMESTER_RATES } from '../../src/domain/penalties/rates';
import { openSettings, openWorklist } from './app';
import { contextOptions, formatViolations, launch, runAxe } from './browser';
import { overdueInvoices } from './call-helpers';
import { demoPortfolio } from './demo';

const baseUrl = inject('baseUrl');
const missing = missingSemesterRate(DEFAULT_ECB_SEMESTER_RATES, todayIso());
// A business debtor with overdue invoices: its penalties run on the ECB rate.
const debtors = demoPortfolio().filter((b) => b.debtor.kind === 'business' && overdueInvoices(b).length > 0);
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function openPenalties(page: Page, id: string): Promise<void> {
  await page.goto(`${baseUrl}/debtors/${encodeURIComponent(id)}`);
  await page.waitForSelector('[data-testid="penalties"] [data-testid="penalties-total"]', { timeout: 30_000 });
}

describe.runIf(missing !== null)('the missing semester rate', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await browser.newContext(contextOptions('laptop'));
    page = await context.newPage();
    await openWorklist(page, baseUrl);
  });
  afterAll(async () => {
    await context?.close();
  });

  it('a dossier says quietly that the last known rate is used, with no alarm, and takes the rate in place', async () => {
    const [first] = debtors;
    await openPenalties(page, first!.debtor.id);
    const line = (await page.textContent('[data-testid="penalties-rate-estimate"]')) ?? '';
    expect(line).toContain(missing!.semester);
    expect(await page.$$eval('[data-testid="penalties"] .notice--warning', (n) => n.map((e) => e.textContent ?? '').filter((text) => text.includes('BCE')))).toEqual([]);
    const before = await page.textContent('[data-testid="penalties-total"]');

    await page.click('[data-testid="penalties-rate-estimate"] summary');
    const violations = await runAxe(page);
    expect(violations, formatViolations(violations, 'the dossier with the missing-rate field open')).toEqual([]);
    await page.fill('#penalties-missing-rate', 'abc');
    await page.click('[data-testid="penalties-missing-rate-form"] button[type="submit"]');
    expect(await page.textContent('#penalties-missing-rate-error')).toContain('2,15');
    await page.fill('#penalties-missing-rate', '4,00');
    await page.click('[data-testid="penalties-missing-rate-form"] button[type="submit"]');
    await page.waitForSelector('[data-testid="penalties-rate-estimate"]', { state: 'detached' });
    // A higher rate for the semester: more interest on the same invoices.
    await page.waitForFunction((b) => document.querySelector('[data-testid="penalties-total"]')?.textContent !== b, before);
  });

  it('Settings no longer asks once the rate is entered, and lists it in the ECB table', async () => {
    await openSettings(page, baseUrl);
    await page.waitForSelector('[data-testid="rates-ecb"]');
    expect(await page.$('[data-testid="settings-missing-rate"]')).toBeNull();
    const rows = await page.$$eval('[data-testid="rates-ecb"] tbody tr', (trs) => trs.map((tr) => Array.from(tr.querySelectorAll('input')).map((i) => i.value)));
    expect(rows).toContainEqual([missing!.from, '4,00']);
  });

  it('in a fresh profile, Settings asks for it plainly and saves it in one action; dossiers then say nothing', async () => {
    const fresh = await browser.newContext(contextOptions('phone'));
    const p = await fresh.newPage();
    try {
      await openWorklist(p, baseUrl);
      await openSettings(p, baseUrl);
      await p.waitForSelector('[data-testid="settings-missing-rate"]');
      expect(await p.textContent('[data-testid="settings-missing-rate"]')).toContain(missing!.semester);
      const violations = await runAxe(p);
      expect(violations, formatViolations(violations, 'Settings asking for the missing rate')).toEqual([]);
      await p.fill('#settings-missing-rate', '2,15');
      await p.click('[data-testid="settings-missing-rate-form"] button[type="submit"]');
      await p.waitForSelector('[data-testid="settings-missing-rate"]', { state: 'detached' });
      for (const b of debtors.slice(0, 3)) {
        await openPenalties(p, b.debtor.id);
        expect(await p.$('[data-testid="penalties-rate-estimate"]')).toBeNull();
      }
    } finally {
      await fresh.close();
    }
  });
});
