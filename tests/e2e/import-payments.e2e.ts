/**
 * A bank statement imported as an agent would: the demo debtor whose promise falls due today pays it by
 * transfer, but the statement names another customer as the payer, so Cadence asks. The agent confirms that
 * match with the keyboard, records it, and the dossier shows the payment and the promise kept. The same file
 * imported again records nothing. The review is axe-clean and never scrolls sideways at 320, 390 and 1366 px;
 * screenshots of it at 390×844 and 1366×768 go to /tmp/shots/ for review.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { outstandingCents } from '../../src/domain/payments/allocation';
import { centsToInput } from '../../src/domain/money/parse';
import { todayIso } from '../../src/session/today';
import fr from '../../src/i18n/locales/fr/dossier.json';
import { openWorklist } from './app';
import { contextOptions, formatViolations, launch, runAxe } from './browser';
import { demoPortfolio } from './demo';

const baseUrl = inject('baseUrl');
const today = todayIso();
const SHOTS = '/tmp/shots';
let browser: Browser;
let context: BrowserContext;
let page: Page;
const dir = mkdtempSync(join(tmpdir(), 'cadence-bank-'));

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launch();
  context = await browser.newContext(contextOptions('phone'));
  page = await context.newPage();
  await openWorklist(page, baseUrl);
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The demo debtor with a pending promise due today that its named invoices can absorb whole. */
function promiseDueToday() {
  for (const bundle of demoPortfolio()) {
    const promise = bundle.promises.find((p) => p.status === 'pending' && p.dueDate === today && p.invoiceIds.length > 0);
    if (!promise) continue;
    const invoices = bundle.invoices.filter((i) => promise.invoiceIds.includes(i.id) && i.status !== 'paid');
    if (invoices.reduce((s, i) => s + outstandingCents(i), 0) >= promise.amountCents) return { bundle, promise, invoices };
  }
  throw new Error('the demo has no pending promise due today');
}

function statement(): { path: string; debtorId: string } {
  const { bundle, promise, invoices } = promiseDueToday();
  const payer = demoPortfolio().find((b) => b.debtor.id !== bundle.debtor.id && b.debtor.name !== bundle.debtor.name);
  if (!payer) throw new Error('a second demo debtor is needed');
  const [y, m, d] = today.split('-');
  const lines = [
    'Date de règlement;Montant reçu;Référence règlement;Client',
    // A sister company pays the promised amount and names the invoices: the payer disagrees, so Cadence asks.
    `${d}/${m}/${y};${centsToInput(promise.amountCents, 'fr')};VIR ${invoices.map((i) => i.number).join(' ')};${payer.debtor.name}`,
    `${d}/${m}/${y};12,34;VIR INCONNU 77;Société Inconnue Sàrl`,
    `${d}/${m}/${y};-8,00;FRAIS TENUE DE COMPTE;`,
  ];
  const path = join(dir, 'releve-banque.csv');
  writeFileSync(path, `${lines.join('\r\n')}\r\n`, 'utf8');
  return { path, debtorId: bundle.debtor.id };
}

async function expectCleanAt(width: number, height: number, name: string) {
  await page.setViewportSize({ width, height });
  const violations = await runAxe(page);
  expect(violations, formatViolations(violations, `${name} ${width}px`)).toEqual([]);
  const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(fits, `${name} scrolls sideways at ${width}px`).toBe(true);
}

/** Presses Tab until `selector` has the focus (the page is used with the keyboard only from here). */
async function tabTo(selector: string, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`${selector} never took the focus`);
}

describe('payments file import', () => {
  const file = statement();

  it('asks to confirm the unsure match, records it from the keyboard, and the promise reads kept', async () => {
    await page.goto(`${baseUrl}/settings/import`);
    await page.setInputFiles('[data-testid="import-file"]', file.path);
    await page.waitForSelector('[data-testid="import-payments-counts"]', { timeout: 20_000 });
    expect((await page.$eval('[data-testid="import-kind"]', (s) => (s as HTMLSelectElement).value))).toBe('payments');
    expect(await page.textContent('[data-testid="import-payments-counts"]')).toBe('0 sûr, 1 à confirmer, 1 sans correspondance, 0 déjà enregistré.');
    expect(await page.textContent('[data-testid="import-payments-unmatched"]')).toContain('Société Inconnue Sàrl');
    expect(await page.textContent('[data-testid="import-payments-ignored"]')).toBe('1 ligne de débit ou à zéro (frais, remboursements) laissée de côté\u00a0: ligne 4.');
    expect(await page.isDisabled('[data-testid="import-commit"]')).toBe(true);

    await expectCleanAt(390, 844, 'payments review');
    await page.screenshot({ path: `${SHOTS}/phone-import-payments.png`, fullPage: true });
    await expectCleanAt(320, 700, 'payments review');
    await expectCleanAt(1366, 768, 'payments review');
    await page.screenshot({ path: `${SHOTS}/laptop-import-payments.png`, fullPage: true });

    // Keyboard only: Tab to the first choice of line 2 (Confirm), Space picks it, Tab to the button, Enter.
    await page.focus('[data-testid="import-kind"]');
    await tabTo('[data-testid="import-payment-confirm-2"]');
    await page.keyboard.press('Space');
    expect(await page.isChecked('[data-testid="import-payment-confirm-2"]')).toBe(true);
    await page.waitForSelector('[data-testid="import-commit"]:not([disabled])');
    expect(await page.textContent('[data-testid="import-commit"]')).toBe('Enregistrer 1 paiement');
    await tabTo('[data-testid="import-commit"]');
    await page.keyboard.press('Enter');
    expect(await (await page.waitForSelector('[data-testid="import-done"]', { timeout: 20_000 })).textContent()).toContain('1 paiement enregistré');

    await page.goto(`${baseUrl}/debtors/${encodeURIComponent(file.debtorId)}`);
    await page.waitForSelector('[data-testid="promises"]');
    const promises = (await page.textContent('[data-testid="promises"]')) ?? '';
    expect(promises).toContain(fr.promises.status.kept);
    expect(await page.getAttribute('[data-testid="promises-broken"]', 'data-count')).toBe('0');
    expect(await page.textContent('[data-testid="timeline"]')).toContain('relevé importé «\u00a0releve-banque.csv\u00a0», ligne 2');
  });

  it('records nothing new when the same file is imported again', async () => {
    await page.goto(`${baseUrl}/debtors/${encodeURIComponent(file.debtorId)}`);
    await page.waitForSelector('[data-testid="timeline"]');
    const paymentsBefore = await page.$$eval('[data-testid="timeline"] .timeline__item--payment', (items) => items.length);
    await page.goto(`${baseUrl}/settings/import`);
    await page.setInputFiles('[data-testid="import-file"]', file.path);
    await page.waitForSelector('[data-testid="import-payments-counts"]', { timeout: 20_000 });
    expect(await page.textContent('[data-testid="import-payments-counts"]')).toBe('0 sûr, 0 à confirmer, 1 sans correspondance, 1 déjà enregistré.');
    expect(await page.isDisabled('[data-testid="import-commit"]')).toBe(true);
    await page.goto(`${baseUrl}/debtors/${encodeURIComponent(file.debtorId)}`);
    await page.waitForSelector('[data-testid="timeline"]');
    expect(await page.$$eval('[data-testid="timeline"] .timeline__item--payment', (items) => items.length)).toBe(paymentsBefore);
  });
});
