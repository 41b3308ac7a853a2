import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { contextOptions, launch } from './browser';
import { formatMoney } from '../../src/domain/format';
import { centsToInput } from '../../src/domain/money/parse';
import { CALL, callableDebtors, finishFromCommitments, inDays, openCall, overdueInvoices, squash, waitCommitted, waitStep, walkToCommitments } from './call-helpers';

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
  context = await browser.newContext(contextOptions('laptop'));
  page = await context.newPage();
});
afterEach(async () => {
  await context?.close();
});

async function backToDossier(): Promise<void> {
  await page.click('[data-testid="back-to-dossier"]');
  await page.waitForSelector('[data-testid="timeline"]', { timeout: 20_000 });
}

describe('other ways a call ends', () => {
  it('wrong person: the right contact becomes the preferred one and a call-back is booked', async () => {
    const bundle = callableDebtors()[2]!;
    await openCall(page, baseUrl, bundle.debtor.id);
    await page.click('[data-testid="call-next"]');
    await waitStep(page, 'identification');
    await page.click('[data-testid="quick-wrong-person"]');
    await page.waitForSelector('[data-testid="endings-dialog"][open]');
    expect(await page.isChecked('input[name="ending"][value="wrong_person"]')).toBe(true);
    await page.fill('#wp-name', 'Hélène Vasseur');
    await page.selectOption('#wp-role', 'accounts_payable');
    await page.fill('#wp-phone', '04 72 00 12 34');
    await page.fill('#wp-callback-date', inDays(2));
    await page.fill('#wp-callback-time', '10:30');
    await page.click('[data-testid="ending-confirm"]');
    await waitCommitted(page);
    expect(await page.textContent('[data-testid="outcome-ending"]')).toBe('Mauvais interlocuteur');
    expect(await page.textContent('[data-testid="outcome-tasks"]')).toContain('Hélène Vasseur');

    await backToDossier();
    const preferred = await page.$$eval('[data-testid="contacts"] .contact--preferred', (els) => els.map((e) => e.textContent ?? ''));
    expect(preferred).toHaveLength(1);
    expect(preferred[0]).toContain('Hélène Vasseur');
    expect(await page.$$eval('[data-testid="contacts"] .contact', (els) => els.length)).toBe(bundle.contacts.length + 1);
    expect(await page.textContent('[data-testid="tasks"]')).toContain('Hélène Vasseur');
  });

  it('dispute: the contested invoice is marked disputed in the dossier', async () => {
    const bundle = callableDebtors()[3]!;
    const invoice = overdueInvoices(bundle)[0]!;
    await openCall(page, baseUrl, bundle.debtor.id);
    await walkToCommitments(page, 'dispute');
    await page.check('#commitment-kind-dispute');
    await page.check(`[data-testid="dispute-invoices"] input[value="${invoice.id}"]`);
    await page.fill('#dispute-why', 'Livraison incomplète : deux colis manquants');
    await page.waitForSelector('[data-testid="call-blockers"]', { state: 'detached' });
    await finishFromCommitments(page);
    expect(await page.textContent('[data-testid="outcome-ending"]')).toBe('Litige');
    expect(await page.textContent('[data-testid="outcome-commitment"]')).toContain(invoice.number);

    await backToDossier();
    expect(await page.textContent('[data-testid="invoices-disputed"]')).toContain(invoice.number);
    expect((await page.textContent('[data-testid="invoices-overdue"]')) ?? '').not.toContain(invoice.number);
  });

  it('payment plan: the debtor’s offer is recorded as a proposal awaiting approval', async () => {
    const bundle = callableDebtors()[4]!;
    // The offer settles the overdue balance, so it becomes a plan the team lead can decide on.
    const overdue = overdueInvoices(bundle).reduce((sum, i) => sum + i.amountInclVatCents - i.amountPaidCents, 0);
    const first = Math.floor(overdue / 2);
    await openCall(page, baseUrl, bundle.debtor.id);
    await walkToCommitments(page, 'cash_flow');
    await page.check('#commitment-kind-plan');
    await page.fill('#plan-date-0', inDays(10));
    await page.fill('#plan-amount-0', centsToInput(first, 'fr'));
    await page.click('[data-testid="plan-add"]');
    await page.fill('#plan-date-1', inDays(40));
    await page.fill('#plan-amount-1', centsToInput(overdue - first, 'fr'));
    await page.fill('#plan-note', 'Premier versement à réception de la commande');
    await page.waitForSelector('[data-testid="call-blockers"]', { state: 'detached' });
    await finishFromCommitments(page);
    expect(await page.textContent('[data-testid="outcome-ending"]')).toBe('Demande d’échéancier');
    const commitment = (await page.textContent('[data-testid="outcome-commitment"]')) ?? '';
    expect(squash(commitment)).toContain(squash(formatMoney(overdue - first, 'fr-FR')));
    expect(commitment).toContain('En attente de validation par le responsable');
    expect(await page.textContent('[data-testid="outcome-tasks"]')).toContain('Donner la réponse sur l’échéancier proposé');
    expect(await page.getAttribute('[data-testid="outcome-plan"]', 'data-state')).toBe('proposed');

    await backToDossier();
    expect(await page.$$eval('[data-testid="timeline"] li', (items) => items.length)).toBe(bundle.activities.length + 1);
    expect(await page.$(CALL)).toBeNull();
  });
});
