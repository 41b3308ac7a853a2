import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openWorklist, search } from './app';
import { contextOptions, formatViolations, launch, runAxe, type ViewportName } from './browser';
import { CALL, callableDebtors, inDays, next, overdueInvoices, probeDateOrder, squash, tabTo, typeDate, waitCommitted, waitSaved } from './call-helpers';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const violations = await runAxe(page);
  expect(violations, formatViolations(violations, where)).toEqual([]);
}

/**
 * The whole call with the keyboard alone: Ctrl+Enter for Next, Tab / Space / typing in the fields, Alt+N for
 * the notes, Alt+P for the promise. Ends on a promise, then checks the dossier and the worklist.
 */
async function keyboardPromiseCall(viewport: ViewportName, debtorIndex: number): Promise<void> {
  const context = await browser.newContext(contextOptions(viewport));
  await probeDateOrder(context);
  const page = await context.newPage();
  const bundle = callableDebtors()[debtorIndex]!;
  const notes = `Le client confirme le virement (${viewport}). Facture reçue, validée par le gérant.`;
  try {
    // From the worklist, so its cached rows must be refreshed by the call's outcome.
    await openWorklist(page, baseUrl);
    await search(page, bundle.debtor.name);
    const rowSelector = `a[data-testid="worklist-row"][href="/debtors/${bundle.debtor.id}"]`;
    const rowBefore = await page.textContent(rowSelector);
    await tabTo(page, rowSelector);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="dossier"]');
    await tabTo(page, '[data-testid="start-call"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`${CALL}[data-step="presentation"]`);
    await next(page, 'identification');

    await tabTo(page, '[data-testid="contact-confirm"]');
    await page.keyboard.press('Enter');
    await next(page, 'explanation');
    // The script names the overdue invoices, from the dossier.
    const script = (await page.textContent('[data-testid="call-script"]')) ?? '';
    for (const invoice of overdueInvoices(bundle)) expect(script).toContain(invoice.number);

    await tabTo(page, 'input[name="capture-explanation-invoices_received"]');
    await page.keyboard.press('Space');
    await next(page, 'listening');

    await tabTo(page, '#capture-listening-key_points');
    await page.keyboard.type('Facture validée hier');
    await page.keyboard.press('Alt+KeyN');
    await page.waitForFunction(() => document.activeElement?.id === 'call-notes');
    await page.keyboard.type(notes);
    await waitSaved(page);
    await next(page, 'delay_reason');

    // Next is refused without a reason, and says why.
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('[data-testid="call-blockers"]');
    expect(await page.getAttribute(CALL, 'data-step')).toBe('delay_reason');
    await tabTo(page, 'input[name="delay-reason"]');
    await page.keyboard.press('Space');
    await next(page, 'commitments');

    await page.keyboard.press('Alt+KeyP');
    await page.waitForFunction(() => document.activeElement?.id === 'promise-amount');
    await page.keyboard.type('1500');
    await page.keyboard.press('Tab');
    await typeDate(page, inDays(7));
    // A promise above what is still owed waits for the agent's confirmation, given with the keyboard too.
    const owedCents = bundle.invoices.filter((i) => i.status === 'open').reduce((sum, i) => sum + Math.max(0, i.amountInclVatCents - i.amountPaidCents), 0);
    if (owedCents < 150_000) {
      await tabTo(page, '[data-testid="promise-confirm-above"]');
      await page.keyboard.press('Space');
    }
    await tabTo(page, '#promise-restated');
    await page.keyboard.press('Space');
    await page.waitForSelector('#promise-restated:checked');
    await expectNoAxeViolations(page, `call screen, commitments (${viewport})`);
    await next(page, 'anticipation');
    await next(page, 'contact_details');
    await tabTo(page, '[data-testid="contact-confirm"]');
    await page.keyboard.press('Enter');
    await next(page, 'conclusion');
    await next(page, 'formalisation');
    await tabTo(page, 'input[name="capture-formalisation-recap_channel"]');
    await page.keyboard.press('Space');
    await next(page, 'ended');
    await waitCommitted(page);

    expect(squash(await page.textContent('[data-testid="outcome-commitment"]'))).toContain('1500,00€');
    expect(await page.textContent('[data-testid="outcome-tasks"]')).toMatch(/Vérifier la promesse/);
    await expectNoAxeViolations(page, `call outcome (${viewport})`);

    await tabTo(page, '[data-testid="back-to-dossier"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="timeline"]', { timeout: 20_000 });
    expect(await page.textContent('[data-testid="timeline"]')).toContain(notes);
    expect(squash(await page.textContent('[data-testid="promises"]'))).toContain('1500,00€');
    expect(await page.$('[data-testid="resume-call"]')).toBeNull();

    // The worklist, cached since the first visit, shows the call at once.
    await page.click('nav a[href="/"]');
    await search(page, bundle.debtor.name);
    const rowAfter = await page.textContent(rowSelector);
    expect(rowAfter).not.toBe(rowBefore);
    expect(rowAfter).toContain('Appel ·');
  } finally {
    await context.close();
  }
}

describe('guided call with the keyboard only', () => {
  it('at phone width (390×844), ending in a promise that the dossier and worklist show', async () => {
    await keyboardPromiseCall('phone', 0);
  });

  it('at laptop width (1366×768), ending in a promise that the dossier and worklist show', async () => {
    await keyboardPromiseCall('laptop', 1);
  });
});
