import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openWorklist, search } from './app';
import { contextOptions, formatViolations, launch, runAxe, type ViewportName } from './browser';
import { CALL, callableDebtors, inDays, next, openCall, overdueInvoices, probeDateOrder, squash, tabTo, typeDate, waitCommitted, waitSaved, waitStep } from './call-helpers';
import { STEP_ANNOUNCED_AFTER_MS } from '../../src/features/call/announce-timing';

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

describe('what the live region tells a screen-reader user', () => {
  it('names the step the agent stops at, not each step passed on the way, and keeps the reasons Next was refused', async () => {
    const context = await browser.newContext(contextOptions('laptop'));
    const page = await context.newPage();
    try {
      await openCall(page, baseUrl, callableDebtors()[2]!.debtor.id);
      await waitStep(page, 'presentation');
      await page.evaluate(() => {
        const region = document.querySelector('[data-testid="call-announcer"]')!;
        const said: string[] = [];
        (window as unknown as { said: string[] }).said = said;
        new MutationObserver(() => said.push(region.textContent ?? '')).observe(region, { childList: true, characterData: true, subtree: true });
        const keys: number[] = [];
        (window as unknown as { keys: number[] }).keys = keys;
        document.addEventListener('keydown', (e) => e.key === 'Enter' && keys.push(e.timeStamp), true);
      });
      const said = () => page.evaluate(() => (window as unknown as { said: string[] }).said);

      // Two steps in a run: the second is named, once the agent stays on it.
      await page.keyboard.press('Control+Enter');
      await page.keyboard.press('Control+Enter');
      await waitStep(page, 'explanation');
      await page.waitForFunction(() => /Étape 3 sur 10/.test(document.querySelector('[data-testid="call-announcer"]')?.textContent ?? ''));
      const [first, second] = await page.evaluate(() => (window as unknown as { keys: number[] }).keys);
      // Only when the keys came closer than the pause (a loaded machine may part them further).
      if (second! - first! < STEP_ANNOUNCED_AFTER_MS - 50) expect(await said()).not.toContainEqual(expect.stringMatching(/Étape 2 sur 10/));
      expect(await said()).toContainEqual(expect.stringMatching(/^Étape 3 sur 10\s*:/));

      // Next refused right after arriving on a step: the reasons stay in the live region, the step's name does not replace them.
      await next(page, 'listening');
      await page.keyboard.press('Control+Enter');
      await waitStep(page, 'delay_reason');
      await page.keyboard.press('Control+Enter');
      await page.waitForSelector('[data-testid="call-blockers"]');
      await page.waitForTimeout(STEP_ANNOUNCED_AFTER_MS + 200);
      const reasons = (await page.textContent('[data-testid="call-announcer"]')) ?? '';
      expect(reasons).not.toBe('');
      expect(reasons).not.toMatch(/^Étape/);
      expect(squash(await page.textContent('[data-testid="call-blockers"]'))).toContain(squash(reasons).slice(0, 20));
    } finally {
      await context.close();
    }
  });
});
