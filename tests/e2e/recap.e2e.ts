/**
 * What happens at hang-up, in Chromium: a keyboard call ending in a promise to pay now opens the recap draft
 * in the debtor's language, whose edits another tab finds; the .eml it downloads is read back by postal-mime; the send goes to the timeline;
 * a week later (the clock moved with Playwright's clock API) the check call tops the worklist; a payment
 * recorded for the promised day keeps the promise. Then a payment-plan request reaches the team lead's page.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import PostalMime from 'postal-mime';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { todayIso } from '../../src/session/today';
import { addDays, businessDayOnOrAfter } from '../../src/domain/calendar/businessDays';
import { fromWallTime } from '../../src/domain/calendar/zonedTime';
import { formatMoney } from '../../src/domain/format';
import { outstandingCents } from '../../src/domain/payments/allocation';
import { summarizeDebtor } from '../../src/domain/summarize';
import { worklistRow } from '../../src/domain/worklist';
import { centsToInput } from '../../src/domain/money/parse';
import dossierFr from '../../src/i18n/locales/fr/dossier.json';
import { openWorklist } from './app';
import { formatViolations, launch, runAxe } from './browser';
import { CALL, callableDebtors, finishFromCommitments, inDays, next, overdueInvoices, probeDateOrder, squash, tabTo, typeDate, waitCommitted, walkToCommitments } from './call-helpers';

const baseUrl = inject('baseUrl');
const today = todayIso();
const SHOTS = '/tmp/shots';
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  await probeDateOrder(context);
  page = await context.newPage();
  await openWorklist(page, baseUrl);
});
afterAll(async () => {
  await browser?.close();
});

const dossierUrl = (id: string) => `${baseUrl}/debtors/${encodeURIComponent(id)}`;

async function expectNoAxeViolations(where: string): Promise<void> {
  const violations = await runAxe(page);
  expect(violations, formatViolations(violations, where)).toEqual([]);
  const widths = await page.evaluate(() => ({ content: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(widths.content, `${where} scrolls sideways`).toBeLessThanOrEqual(widths.viewport);
}

/** Every worklist row with its position and tier: a tall viewport lets the virtual list render them all. */
async function worklistTiers(): Promise<{ id: string; index: number; tier: number }[]> {
  await page.setViewportSize({ width: 1366, height: 6000 });
  await openWorklist(page, baseUrl);
  const rows = await page.$$eval('li[data-index]', (items) =>
    items.map((li) => {
      const a = li.querySelector('a[data-testid="worklist-row"]');
      return {
        id: decodeURIComponent((a?.getAttribute('href') ?? '').split('/').pop() ?? ''),
        index: Number(li.getAttribute('data-index')),
        tier: Number(a?.getAttribute('data-tier')),
      };
    }),
  );
  await page.setViewportSize({ width: 1366, height: 768 });
  return rows.sort((a, b) => a.index - b.index);
}

// A French debtor chased only for being late (tier 2): no task, no promise, a contact with an email.
const debtor = callableDebtors()
  .filter((b) => b.debtor.language === 'fr' && b.tasks.every((t) => t.done) && b.promises.length === 0 && b.contacts.some((c) => c.preferred && c.email))
  .find((b) => worklistRow(summarizeDebtor(b), today).tier === 2);
const invoice = debtor ? overdueInvoices(debtor).sort((a, b) => a.dueDate.localeCompare(b.dueDate))[0] : undefined;
const contact = debtor?.contacts.find((c) => c.preferred);
// Promised for today ("pay now"): the rules book a check call one week later, on a business day.
const checkDay = businessDayOnOrAfter(addDays(today, 7));

describe('a call ending in a promise to pay now', () => {
  it('opens the recap draft in French, from the committed outcome', async () => {
    expect(debtor && invoice && contact, 'a French tier-2 debtor with an overdue invoice and an emailed contact').toBeTruthy();
    if (!debtor || !invoice) return;
    const amount = outstandingCents(invoice);
    await page.goto(dossierUrl(debtor.debtor.id));
    await page.waitForSelector('[data-testid="dossier"]');
    await tabTo(page, '[data-testid="start-call"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`${CALL}[data-step="presentation"]`);
    await next(page, 'identification');
    await tabTo(page, '[data-testid="contact-confirm"]');
    await page.keyboard.press('Enter');
    await next(page, 'explanation');
    await tabTo(page, 'input[name="capture-explanation-invoices_received"]');
    await page.keyboard.press('Space');
    await next(page, 'listening');
    await next(page, 'delay_reason');
    await tabTo(page, 'input[name="delay-reason"]');
    await page.keyboard.press('Space');
    await next(page, 'commitments');
    await page.keyboard.press('Alt+KeyP');
    await page.waitForFunction(() => document.activeElement?.id === 'promise-amount');
    await page.keyboard.type(centsToInput(amount, 'fr'));
    await page.keyboard.press('Tab');
    await typeDate(page, today);
    await tabTo(page, `[data-testid="promise-invoices"] input[value="${invoice.id}"]`);
    await page.keyboard.press('Space');
    await tabTo(page, '#promise-restated');
    await page.keyboard.press('Space');
    await page.waitForSelector('#promise-restated:checked');
    for (const step of ['anticipation', 'contact_details', 'conclusion', 'formalisation']) await next(page, step);
    await tabTo(page, 'input[name="capture-formalisation-recap_channel"]');
    await page.keyboard.press('Space');
    await next(page, 'ended');
    await waitCommitted(page);

    expect(await page.textContent('[data-testid="outcome-tasks"]')).toContain('Vérifier le règlement immédiat promis');
    await page.waitForSelector('[data-testid="recap"][data-open="true"] [data-testid="recap-body"]');
    const body = await page.inputValue('[data-testid="recap-body"]');
    expect(body).toMatch(new RegExp(`^Bonjour ${contact?.name}`));
    expect(body).toContain(invoice.number);
    expect(squash(body)).toContain(squash(formatMoney(amount, 'fr-FR')));
    expect(body).toContain('Comme convenu');
    expect(await page.getAttribute('[data-testid="recap-body"]', 'lang')).toBe('fr');
    expect(await page.inputValue('[data-testid="recap-to"]')).toBe(contact?.email);
    expect(await page.getAttribute('[data-testid="recap-wording"]', 'data-count')).toBe('0');

    // The 4 C coach reads the edits live.
    await page.fill('[data-testid="recap-body"]', `${body}\nVous devez régler sans délai.`);
    await page.waitForSelector('[data-testid="recap-wording"]:not([data-count="0"])');
    await page.click('[data-testid="recap-reset"]');
    expect(await page.inputValue('[data-testid="recap-body"]')).toBe(body);

    // Edits are stored as they are typed: another tab, or this one after a crash, finds them.
    const edited = `${body}\nPS : je joins le duplicata de la facture.`;
    await page.fill('[data-testid="recap-body"]', edited);
    await page.waitForSelector('[data-testid="recap"][data-draft-pending="false"]');
    const activityId = ((await page.getAttribute('[data-testid="recap-body"]', 'id')) ?? '').replace(/^recap-/, '').replace(/-body$/, '');
    const other = await context.newPage();
    await other.goto(`${dossierUrl(debtor.debtor.id)}/recap?call=${encodeURIComponent(activityId)}`);
    await other.waitForSelector('[data-testid="recap-restored"]');
    expect(await other.inputValue('[data-testid="recap-body"]')).toBe(edited);
    await other.click('[data-testid="recap-reset"]');
    expect(await other.inputValue('[data-testid="recap-body"]')).toBe(body);
    await other.waitForSelector('[data-testid="recap"][data-draft-pending="false"]');
    await other.close();
    await page.click('[data-testid="recap-reset"]');

    await expectNoAxeViolations('the recap draft (1366×768)');
    const toRecap = () => page.$eval('[data-testid="recap"] .recap__title', (h) => h.scrollIntoView({ block: 'start' }));
    await toRecap();
    await page.screenshot({ path: `${SHOTS}/recap-laptop.png` });
    await page.screenshot({ path: `${SHOTS}/recap-laptop-full.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoAxeViolations('the recap draft (390×844)');
    await toRecap();
    await page.screenshot({ path: `${SHOTS}/recap-phone.png` });
    await page.screenshot({ path: `${SHOTS}/recap-phone-full.png`, fullPage: true });
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  it('downloads an .eml that postal-mime reads: headers, UTF-8 accents, the invoice and the amount', async () => {
    if (!debtor || !invoice) return;
    const subject = await page.inputValue('[data-testid="recap-subject"]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="recap-eml"]')]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^recapitulatif-[a-z0-9-]+-${today}\\.eml$`));
    const path = await download.path();
    const email = await PostalMime.parse(readFileSync(path));
    expect(email.to).toEqual([{ name: contact?.name, address: contact?.email }]);
    expect(email.subject).toBe(subject);
    expect(email.subject).toMatch(/^Récapitulatif de notre échange du/);
    expect(email.messageId).toMatch(/^<recap\.[a-z0-9]+\.[A-Za-z0-9]+@[a-z0-9.-]+>$/);
    expect(email.date?.slice(0, 10)).toBe(new Date().toISOString().slice(0, 10));
    expect(email.text).toContain('règlement');
    expect(email.text).toContain(invoice.number);
    expect(squash(email.text ?? '')).toContain(squash(formatMoney(outstandingCents(invoice), 'fr-FR')));
    // Multipart/alternative: the same recap as HTML, its invoice grid a real table, nothing remote.
    const html = email.html ?? '';
    const cells = [...html.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1] ?? '');
    expect(html).toContain('<table');
    expect(cells).toContain(invoice.number);
    expect(html).toContain('<html lang="fr">');
    expect(html).not.toMatch(/<(img|link|script|iframe)\b|src=|href=/i);
    await page.waitForFunction(() => (document.querySelector('[data-testid="recap-status"]')?.textContent ?? '').includes('.eml'));

    // Copy works too, and is recorded as its own send.
    await page.click('[data-testid="recap-copy"]');
    await page.waitForSelector('[data-testid="recap-sent"] li:nth-child(2)');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(subject);
  });

  it('records each send in the timeline, and offers the recap again from the last call', async () => {
    if (!debtor) return;
    const subject = await page.inputValue('[data-testid="recap-subject"]');
    await page.click('[data-testid="back-to-dossier"]');
    await page.waitForSelector('[data-testid="timeline"] .timeline__item--email');
    const emails = await page.$$eval('[data-testid="timeline"] .timeline__item--email', (items) => items.map((i) => i.textContent ?? ''));
    expect(emails).toHaveLength(debtor.activities.filter((a) => a.type === 'email').length + 2);
    expect(emails.filter((text) => text.includes(subject))).toHaveLength(2);
    await page.click('[data-testid="timeline-recap"]');
    await page.waitForSelector('[data-testid="recap-page"] [data-testid="recap-body"]');
    expect(await page.inputValue('[data-testid="recap-subject"]')).toBe(subject);
    await expectNoAxeViolations('the recap page');
  });

  it('a week later, the check call is in the worklist among the due tasks at the top', async () => {
    if (!debtor) return;
    const before = (await worklistTiers()).find((r) => r.id === debtor.debtor.id);
    expect(before?.tier).toBe(2);
    await context.clock.setFixedTime(new Date(fromWallTime(checkDay, 10 * 60)));
    const rows = await worklistTiers();
    const row = rows.find((r) => r.id === debtor.debtor.id);
    expect(row?.tier).toBe(0);
    expect(rows.filter((r) => r.index < (row?.index ?? 0)).every((r) => r.tier === 0)).toBe(true);
  });

  it('a payment received on the promised day keeps the promise', async () => {
    if (!debtor || !invoice) return;
    await page.goto(`${dossierUrl(debtor.debtor.id)}/payments/new`);
    await page.waitForSelector('[data-testid="payment-form"]');
    for (const box of await page.$$('input[type="checkbox"]')) if (await box.isChecked()) await box.uncheck();
    await page.check(`input[type="checkbox"][value="${invoice.id}"]`);
    await page.fill('[data-testid="payment-amount"]', centsToInput(outstandingCents(invoice), 'fr'));
    await page.fill('#payment-date', today);
    await page.click('[data-testid="payment-submit"]');
    await page.waitForURL((url) => url.pathname === `/debtors/${debtor.debtor.id}`);
    await page.waitForSelector('[data-testid="promises"]');
    const promises = (await page.textContent('[data-testid="promises"]')) ?? '';
    expect(promises).toContain(dossierFr.promises.status.kept);
    expect(await page.getAttribute('[data-testid="promises-broken"]', 'data-count')).toBe('0');
    await context.clock.setFixedTime(new Date());
  });
});

describe('a call ending in a payment-plan request', () => {
  const planDebtor = callableDebtors().find((b) => b.debtor.id !== debtor?.debtor.id && b.debtor.language === 'fr' && overdueInvoices(b).length > 0);

  it('proposes the plan with the outcome, and the team lead’s page shows it', async () => {
    expect(planDebtor).toBeDefined();
    if (!planDebtor) return;
    const overdue = overdueInvoices(planDebtor).reduce((s, i) => s + outstandingCents(i), 0);
    const first = Math.floor(overdue / 2);
    await page.goto(`${dossierUrl(planDebtor.debtor.id)}/call?start=1`);
    await page.waitForSelector(CALL);
    await walkToCommitments(page, 'cash_flow');
    await page.check('#commitment-kind-plan');
    await page.fill('#plan-date-0', inDays(10));
    await page.fill('#plan-amount-0', centsToInput(first, 'fr'));
    await page.click('[data-testid="plan-add"]');
    await page.fill('#plan-date-1', inDays(40));
    await page.fill('#plan-amount-1', centsToInput(overdue - first, 'fr'));
    await page.waitForSelector('[data-testid="call-blockers"]', { state: 'detached' });
    await finishFromCommitments(page);
    await page.waitForSelector('[data-testid="outcome-plan"][data-state="proposed"]');
    await page.waitForSelector('[data-testid="recap"][data-open="true"]');
    expect(await page.inputValue('[data-testid="recap-body"]')).toContain('proposition d’échéancier');

    await page.click('[data-testid="outcome-plan"] a[href="/plans"]');
    const card = `[data-testid="plan"][data-debtor="${planDebtor.debtor.id}"]`;
    await page.waitForSelector(`${card} [data-testid="plan-awaiting"]`);
    expect(squash(await page.textContent(card))).toContain(squash(formatMoney(overdue, 'fr-FR')));
  });
});
