/**
 * The call and its recap as an agent meets them (issue 10, section 4), in Chromium: a notice never covers
 * Next and the notes never hide the promise on a phone; one reason-detail field whose words reach the outcome,
 * the recap and the timeline; placeholders that say what is awaited; a weekend promise offered the Monday;
 * downloading the recap is "prepared" until the agent confirms the send; the timeline says what the call led
 * to; and browser Back never starts a call.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { todayIso } from '../../src/session/today';
import { addDays, nextBusinessDay } from '../../src/domain/calendar/businessDays';
import { dayOfWeek } from '../../src/domain/calendar/isoDate';
import { formatDate, formatMoney } from '../../src/domain/format';
import { outstandingCents } from '../../src/domain/payments/allocation';
import { centsToInput } from '../../src/domain/money/parse';
import { openWorklist } from './app';
import { contextOptions, formatViolations, launch, runAxe } from './browser';
import { CALL, callableDebtors, finishFromCommitments, inDays, overdueInvoices, squash, waitCommitted, waitStep, walkToCommitments, walkToExplanation } from './call-helpers';
import { promiseDay, useLanguage } from './screens';
import { EN_SCRIPT } from '../../src/scripts/builtin/en';
import { FR_SCRIPT } from '../../src/scripts/builtin/fr';
import callEn from '../../src/i18n/locales/en/call.json';
import screenEn from '../../src/i18n/locales/en/callscreen.json';
import screenFr from '../../src/i18n/locales/fr/callscreen.json';

const baseUrl = inject('baseUrl');
const today = todayIso();
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const callUrl = (id: string) => `${baseUrl}/debtors/${encodeURIComponent(id)}/call?start=1`;

/** The element at the centre of `selector` is the element itself (or inside it): nothing sits over it. */
async function uncovered(page: Page, selector: string): Promise<boolean> {
  return page.$eval(selector, (el) => {
    const box = el.getBoundingClientRect();
    const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return top !== null && (top === el || el.contains(top));
  });
}

async function expectAxeClean(page: Page, where: string): Promise<void> {
  const violations = await runAxe(page);
  expect(violations, formatViolations(violations, where)).toEqual([]);
}

async function fillPromise(page: Page, cents: number, date: string): Promise<void> {
  await page.fill('#promise-amount', centsToInput(cents, 'fr'));
  await page.fill('#promise-date', date);
}

async function confirmRestated(page: Page): Promise<void> {
  await page.waitForSelector('#promise-restated:not([disabled])');
  await page.check('#promise-restated');
}

describe.each(['phone', 'laptop'] as const)('nothing covers the controls (%s)', (viewport) => {
  let context: BrowserContext;
  let page: Page;
  const bundle = callableDebtors().filter((b) => overdueInvoices(b).length > 0)[viewport === 'phone' ? 2 : 3]!;

  beforeAll(async () => {
    context = await browser.newContext(contextOptions(viewport));
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
  });

  it('Next takes a normal click at step 6 while the offline-ready notice is shown, and the notice sits above the bar', async () => {
    // First visit of this profile: the service worker installs and the offline-ready notice shows.
    await page.goto(callUrl(bundle.debtor.id));
    await page.waitForSelector(`${CALL}[data-step="presentation"]`, { timeout: 30_000 });
    await page.waitForSelector('[data-testid="pwa-offline-ready"]', { timeout: 30_000 });
    await walkToCommitments(page, 'cash_flow');
    await fillPromise(page, outstandingCents(overdueInvoices(bundle)[0]!), promiseDay());
    await confirmRestated(page);
    expect(await page.isVisible('[data-testid="pwa-offline-ready"]')).toBe(true);
    const box = (selector: string) => page.$eval(selector, (el) => JSON.parse(JSON.stringify(el.getBoundingClientRect())) as DOMRect);
    // The notice follows the bar a frame after the page moved (filling the promise scrolled it).
    const overlap = async () => {
      const toast = await box('[data-testid="pwa-offline-ready"]');
      const bar = await box('[data-testid="call-nav"]');
      const over = toast.left < bar.right && bar.left < toast.right && toast.top < bar.bottom && bar.top < toast.bottom;
      return over ? `notice ${JSON.stringify(toast)} over the bar ${JSON.stringify(bar)}` : 'clear';
    };
    await expect.poll(overlap, { timeout: 2_000 }).toBe('clear');
    expect(await uncovered(page, '[data-testid="call-next"]')).toBe(true);
    // Playwright's click fails when another element would receive the pointer: no force here.
    await page.click('[data-testid="call-next"]', { timeout: 5_000 });
    await waitStep(page, 'anticipation');
    expect(await page.isVisible('[data-testid="pwa-offline-ready"]')).toBe(true);
  });

  // On a laptop the notes are a column of their own; on a phone they open as a sheet over the lower screen.
  it.runIf(viewport === 'phone')('opening the notes never hides the promise field being edited', async () => {
    await page.click('[data-testid="call-back"]');
    await waitStep(page, 'commitments');
    await page.click('#promise-amount');
    await page.click('[data-testid="call-notes-toggle"]');
    await page.waitForSelector(`${CALL}[data-notes="open"]`);
    await page.waitForFunction(() => document.activeElement?.id === 'call-notes');
    await page.waitForTimeout(100);
    expect(await uncovered(page, '#promise-amount')).toBe(true);
    expect(await uncovered(page, '[data-testid="call-next"]')).toBe(true);
    await expectAxeClean(page, 'step 6 with the notes sheet open (phone)');
    await page.keyboard.type('Règle lundi');
    expect(await page.inputValue('#call-notes')).toBe('Règle lundi');
  });
});

// A French debtor with an overdue invoice, nothing coming due, and a contact with an email for the recap.
const debtor = callableDebtors().find(
  (b) =>
    b.debtor.language === 'fr' &&
    b.contacts.some((c) => c.preferred && c.email) &&
    overdueInvoices(b).length > 0 &&
    !b.invoices.some((i) => i.status === 'open' && i.dueDate >= today && i.amountInclVatCents > i.amountPaidCents),
);
const saturday = (() => {
  let day = inDays(3);
  while (dayOfWeek(day) !== 6) day = addDays(day, 1);
  return day;
})();
const monday = nextBusinessDay(saturday);
const detail = 'Attend le règlement de son propre client';

describe('a call as an agent meets it, from the worklist to the timeline', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await browser.newContext({ ...contextOptions('laptop'), acceptDownloads: true });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
  });

  it('one detail field at step 5, awaited placeholders, a sentence when nothing is coming due, the Monday offered for a Saturday', async () => {
    expect(debtor, 'a French debtor with nothing coming due and an emailed contact').toBeDefined();
    if (!debtor) return;
    await openWorklist(page, baseUrl);
    await page.goto(`${baseUrl}/debtors/${encodeURIComponent(debtor.debtor.id)}`);
    await page.waitForSelector('[data-testid="dossier"]');
    await page.click('[data-testid="start-call"]');
    await page.waitForSelector(`${CALL}[data-step="presentation"]`);
    expect(new URL(page.url()).search).toBe('');

    await page.click('[data-testid="call-next"]');
    await waitStep(page, 'identification');
    await page.click('[data-testid="contact-confirm"]');
    for (const step of ['explanation', 'listening', 'delay_reason']) {
      await page.click('[data-testid="call-next"]');
      await waitStep(page, step);
    }
    // Step 5: the reason and one field for its details.
    expect(await page.$$eval('[data-testid="call-step"] textarea', (all) => all.map((t) => t.id))).toEqual(['reason-detail']);
    await page.check('input[name="delay-reason"][value="cash_flow"]');
    await page.fill('[data-testid="reason-detail"]', detail);
    await page.click('[data-testid="call-next"]');
    await waitStep(page, 'commitments');

    // Not captured yet: the script says what is awaited, not that the dossier lacks it.
    const script = (await page.textContent('[data-testid="call-script"]')) ?? '';
    expect(script).toContain('montant à convenir');
    expect(script).toContain('date à convenir');
    expect(await page.$('[data-testid="call-script"] .fact--missing')).toBeNull();

    const amount = outstandingCents(overdueInvoices(debtor)[0]!);
    await fillPromise(page, amount, saturday);
    await page.waitForSelector('[data-testid="promise-day-notice"]');
    expect(await page.textContent('[data-testid="promise-day-notice"]')).toContain('week-end');
    // Not refused: the restatement is offered on the Saturday too; one tap takes the Monday.
    await page.waitForSelector('#promise-restated:not([disabled])');
    await expectAxeClean(page, 'step 6 with the weekend notice');
    await page.click('[data-testid="promise-day-next"]');
    expect(await page.inputValue('#promise-date')).toBe(monday);
    await page.waitForSelector('[data-testid="promise-day-notice"]', { state: 'detached' });
    expect(squash(await page.textContent('[data-testid="call-script"]'))).toContain(squash(formatMoney(amount, 'fr-FR')));
    await confirmRestated(page);

    await page.click('[data-testid="call-next"]');
    await waitStep(page, 'anticipation');
    const anticipation = (await page.textContent('[data-testid="call-script"]')) ?? '';
    expect(anticipation).toContain('Aucune autre facture n’arrive à échéance pour le moment.');
    expect(anticipation).not.toMatch(/0,00\s€/);
    expect(await page.$('[data-testid="call-script"] .fact--missing')).toBeNull();
  });

  it('the detail reaches the outcome and the recap; downloading the .eml is "prepared" until the send is confirmed', async () => {
    if (!debtor) return;
    for (const step of ['contact_details', 'conclusion', 'formalisation']) {
      await page.click('[data-testid="call-next"]');
      await waitStep(page, step);
    }
    await page.check('input[name="capture-formalisation-recap_channel"][value="email"]');
    await page.click('[data-testid="call-next"]');
    await waitCommitted(page);
    expect(await page.textContent('[data-testid="call-outcome"]')).toContain(detail);
    await page.waitForSelector('[data-testid="recap"] [data-testid="recap-body"]');
    expect(await page.inputValue('[data-testid="recap-body"]')).toContain(detail);

    expect(await page.$('[data-testid="recap-confirm-sent"]')).toBeNull();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="recap-eml"]')]);
    expect(download.suggestedFilename()).toMatch(/\.eml$/);
    await page.waitForSelector('[data-testid="recap-confirm-sent"]');
    expect(await page.textContent('[data-testid="recap-status"]')).toContain('préparé');
    expect(await page.textContent('[data-testid="recap-status"]')).not.toContain('marquée comme faite');
    await expectAxeClean(page, 'the ended call with its recap prepared');
    await page.click('[data-testid="recap-confirm-sent"]');
    await page.waitForSelector('[data-testid="recap-confirmed"]');
    // The status line follows the stored activity a moment after the confirmation shows.
    await expect.poll(() => page.textContent('[data-testid="recap-status"]')).toContain('Envoyer le récapitulatif');
  });

  it('the timeline says what happened: the promise with its amount, date and means, the reason with its words', async () => {
    if (!debtor) return;
    await page.click('[data-testid="back-to-dossier"]');
    await page.waitForSelector('[data-testid="timeline"] [data-testid="timeline-call"]');
    const headline = (await page.textContent('[data-testid="timeline"] [data-testid="timeline-call"]')) ?? '';
    const expected = `Appel — promesse ${formatMoney(outstandingCents(overdueInvoices(debtor)[0]!), 'fr-FR')} le ${formatDate(monday, 'fr-FR')} (virement)`;
    expect(squash(headline)).toBe(squash(expected));
    const item = (await page.$eval('[data-testid="timeline"] [data-testid="timeline-call"]', (el) => el.closest('li')?.textContent)) ?? '';
    expect(item).toContain(detail);
    expect(item).not.toContain('appel mené à terme');
    const emails = await page.$$eval('[data-testid="timeline"] .timeline__item--email', (items) => items.map((i) => i.textContent ?? ''));
    expect(emails.filter((e) => e.includes('préparé'))).toHaveLength(1);
    expect(emails.filter((e) => e.includes('envoyé'))).toHaveLength(1 + debtor.activities.filter((a) => a.type === 'email' && a.outcome === 'sent').length);
  });

  it('browser Back from the dossier after the call goes to the page before it, and never starts a call', async () => {
    if (!debtor) return;
    const dossierPath = `/debtors/${encodeURIComponent(debtor.debtor.id)}`;
    expect(new URL(page.url()).pathname).toBe(dossierPath);
    await page.goBack();
    await page.waitForURL((url) => url.pathname !== dossierPath);
    expect(new URL(page.url()).pathname).not.toMatch(/\/call$/);
    expect(await page.$(CALL)).toBeNull();

    // Landing on /call without the start link's intent (an old history entry, a typed address) starts nothing.
    await page.goto(`${baseUrl}${dossierPath}/call`);
    await page.waitForSelector('[data-testid="call-none"]');
    expect(await page.$(CALL)).toBeNull();
    await page.goto(`${baseUrl}/`);
    await page.waitForSelector('[data-testid="worklist"][data-state="ready"]');
    expect(await page.$('[data-testid="resume-call-link"]')).toBeNull();

    // Its button is the explicit action: the call starts, and a reload resumes that same call.
    await page.goto(`${baseUrl}${dossierPath}/call`);
    await page.click('[data-testid="start-new-call"]');
    await page.waitForSelector(`${CALL}[data-step="presentation"]`);
    await page.click('[data-testid="call-next"]');
    await waitStep(page, 'identification');
    await page.reload();
    await page.waitForSelector(`${CALL}[data-step="identification"]`);
  });
});

describe('one language per panel', () => {
  let context: BrowserContext;
  let page: Page;
  const bundle = callableDebtors().filter((b) => b.debtor.language === 'fr' && overdueInvoices(b).length > 0)[4]!;
  const step = (id: string) => (script: typeof FR_SCRIPT) => script.steps.find((s) => s.id === id)!;

  beforeAll(async () => {
    context = await browser.newContext(contextOptions('laptop'));
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
  });

  it('a French call resumed after switching to English: English chrome, French words for the debtor', async () => {
    await page.goto(callUrl(bundle.debtor.id));
    await page.waitForSelector(`${CALL}[data-step="presentation"]`, { timeout: 30_000 });
    await walkToExplanation(page);

    await useLanguage(page, baseUrl, 'en');
    await page.goto(`${baseUrl}/debtors/${encodeURIComponent(bundle.debtor.id)}/call`);
    await page.waitForSelector(`${CALL}[data-step="explanation"]`);

    // The chrome: rail, heading, fields, coach — English.
    expect(await page.textContent('[data-testid="call-rail"]')).toContain(callEn.steps.explanation);
    expect(await page.textContent('#step-title')).toBe(step('explanation')(EN_SCRIPT).title);
    const coach = (await page.textContent('[data-testid="call-coach"]')) ?? '';
    for (const r of step('explanation')(EN_SCRIPT).fourC) expect(coach).toContain(r.text);
    for (const r of step('explanation')(FR_SCRIPT).fourC) expect(coach).not.toContain(r.text);
    expect(await page.textContent('[data-testid="call-step"] label[for="capture-explanation-announced_date"]')).toContain(
      step('explanation')(EN_SCRIPT).captures.find((c) => c.id === 'announced_date')!.label,
    );

    // What is said to the debtor: French, its invoice table too.
    expect(await page.getAttribute('[data-testid="call-script"]', 'lang')).toBe('fr');
    const said = (await page.textContent('[data-testid="call-script"]')) ?? '';
    expect(said).toContain('J’appelle au sujet du règlement de');
    const heads = await page.$$eval('[data-testid="call-script"] thead th', (th) => th.map((h) => h.textContent?.trim()));
    expect(heads).toEqual([screenFr.script.col.number, screenFr.script.col.dueDate, screenFr.script.col.delay, screenFr.script.col.outstanding]);
    expect(said).not.toContain(screenEn.script.col.outstanding);
    // Plural forms too ("45 j de retard", not "45 days late").
    expect(said).toMatch(/\d+ j de retard/);
    expect(said).not.toMatch(/days? late/);
  });
});
