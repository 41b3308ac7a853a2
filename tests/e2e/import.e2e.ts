/**
 * Importing as a new user would: an empty worklist offers the import, the file is read in the module worker
 * of the production build (papaparse inside it), the preview shows what was understood, the import is stored
 * whole, and the worklist shows the imported debtors. Then a newer file closes what was paid.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { openSettings, openWorklist, visibleRowTexts, worklistReady } from './app';
import { contextOptions, formatViolations, launch, runAxe } from './browser';

const baseUrl = inject('baseUrl');
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/imports/${name}`, import.meta.url));
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
  context = await browser.newContext(contextOptions('phone'));
  page = await context.newPage();
});
afterEach(async () => {
  await context?.close();
});

async function clearAll(p: Page) {
  await openSettings(p, baseUrl);
  await p.click('[data-testid="clear-data"]');
  await p.click('[data-testid="confirm-clear"]');
  await p.waitForSelector('[data-testid="data-notice"]');
}

async function importFile(p: Page, name: string) {
  await p.setInputFiles('[data-testid="import-file"]', fixture(name));
  await p.waitForSelector('[data-testid="import-plan"]', { timeout: 20_000 });
}

describe('import', () => {
  it('imports an aged balance from an empty worklist, and the worklist shows those debtors', async () => {
    await openWorklist(page, baseUrl);
    await clearAll(page);
    await page.goto(`${baseUrl}/`);
    await page.click('[data-testid="empty-import"]');
    await page.waitForSelector('[data-testid="import-page"]');
    await importFile(page, 'aged-balance-1252.csv');
    expect(await page.$eval('[data-testid="import-encoding"]', (s) => (s as HTMLSelectElement).value)).toBe('windows-1252');
    expect(await page.textContent('[data-testid="import-read"]')).toContain('3 débiteurs');
    const violations = await runAxe(page);
    expect(violations, formatViolations(violations, '/settings/import')).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.click('[data-testid="import-commit"]');
    await page.waitForSelector('[data-testid="import-done"]', { timeout: 20_000 });
    await page.click('[data-testid="import-done"] a');
    expect(await worklistReady(page)).toBe(3);
    const rows = (await visibleRowTexts(page)).join(' | ');
    expect(rows).toContain('Œuvres & Bâtiments SA');
    expect(rows).toContain('Boulangerie L’Épi d’Or');
  });

  it('refuses the file whose 37th row is dated 31/02, naming line 38', async () => {
    await page.goto(`${baseUrl}/settings/import`);
    await page.setInputFiles('[data-testid="import-file"]', fixture('aged-balance-bad-date-row37.csv'));
    const errors = await page.waitForSelector('[data-testid="import-errors"]', { timeout: 20_000 });
    expect(await errors.textContent()).toContain('Ligne 38, colonne «\u00a0Échéance\u00a0» (3)');
    expect(await page.$('[data-testid="import-commit"]')).toBeNull();
  });

  it('a newer file closes the invoices no longer listed', async () => {
    await openWorklist(page, baseUrl);
    await clearAll(page);
    await page.goto(`${baseUrl}/settings/import`);
    await importFile(page, 'aged-balance-v1.csv');
    await page.click('[data-testid="import-commit"]');
    await page.waitForSelector('[data-testid="import-done"]', { timeout: 20_000 });
    await page.goto(`${baseUrl}/settings/import`);
    await importFile(page, 'aged-balance-v2-newer.csv');
    expect(await page.textContent('[data-testid="plan-invoices"]')).toContain('2 soldées');
    await page.click('[data-testid="import-commit"]');
    await page.waitForSelector('[data-testid="import-done"]', { timeout: 20_000 });
    await page.goto(`${baseUrl}/`);
    expect(await worklistReady(page)).toBe(3);
  });

  it('saves the column mapping set by hand and applies it to the next file from that source, until reset', async () => {
    await page.goto(`${baseUrl}/settings/import`);
    await page.setInputFiles('[data-testid="import-file"]', fixture('custom-columns.csv'));
    await page.waitForSelector('[data-testid="import-file-error"]', { timeout: 20_000 });
    const mapTo = async (label: string, column: string) => {
      await page.locator('[data-testid="import-mapping"] label', { hasText: label }).locator('select').selectOption({ label: column });
      await page.waitForSelector('[data-testid="import-mapping"]', { timeout: 20_000 });
    };
    await mapTo('Client (raison sociale)', 'Société');
    await mapTo('N° de facture', 'Réf');
    await mapTo('Échéance', 'Quand');
    await mapTo('Reste dû', 'Combien');
    await page.waitForSelector('[data-testid="import-plan"]', { timeout: 20_000 });
    expect(await page.isVisible('[data-testid="import-preset-saved"]')).toBe(true);

    // The next file from that source: mapped at once, and the page says why.
    await page.goto(`${baseUrl}/settings/import`);
    await page.setInputFiles('[data-testid="import-file"]', fixture('custom-columns.csv'));
    await page.waitForSelector('[data-testid="import-plan"]', { timeout: 20_000 });
    expect(await page.textContent('[data-testid="import-preset-applied"]')).toContain('Correspondance des colonnes enregistrée appliquée');
    expect(await page.textContent('[data-testid="plan-invoices"]')).toContain('Factures\u00a0: 2 nouvelles,');
    const violations = await runAxe(page);
    expect(violations, formatViolations(violations, '/settings/import with a preset')).toEqual([]);

    await page.click('[data-testid="import-preset-reset"]');
    await page.waitForSelector('[data-testid="import-file-error"]', { timeout: 20_000 });
    expect(await page.$('[data-testid="import-preset-applied"]')).toBeNull();
  });
});
