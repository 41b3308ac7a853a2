/**
 * A walk through every screen an agent meets — worklist, dossier, the call at several steps, the ended call
 * with its recap, the recap page, payment, letters, hand-over, plans, plan proposal, settings, not-found —
 * calling `visit(name)` on each once it is painted. Used to measure sideways scrolling at phone widths.
 */
import type { Page } from 'playwright-core';
import { addDays, businessDayOnOrAfter } from '../../src/domain/calendar/businessDays';
import { outstandingCents } from '../../src/domain/payments/allocation';
import { centsToInput } from '../../src/domain/money/parse';
import { openWorklist } from './app';
import { CALL, callableDebtors, inDays, overdueInvoices, waitCommitted, waitStep } from './call-helpers';

export type Visit = (screen: string) => Promise<void>;

const TIMEOUT = 30_000;

/** The widest element sticking out past the viewport's right edge, for a readable failure. */
export function widthReport(page: Page): Promise<{ scrollWidth: number; innerWidth: number; culprit: string }> {
  return page.evaluate(() => {
    const innerWidth = window.innerWidth;
    let culprit = '';
    let right = innerWidth;
    const clipped = (el: Element): boolean => {
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) if (getComputedStyle(up).overflowX !== 'visible') return true;
      return false;
    };
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const box = el.getBoundingClientRect();
      if (box.right <= right + 0.5 || clipped(el)) continue;
      if (box.width > 0 && box.right > right + 0.5) {
        right = box.right;
        const id = el.id ? `#${el.id}` : '';
        const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
        culprit = `${el.tagName.toLowerCase()}${id}${cls} → ${Math.round(box.right)} px`;
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth, culprit };
  });
}

/** Switches the interface language in Settings and waits for it to apply. */
export async function useLanguage(page: Page, baseUrl: string, language: 'fr' | 'en'): Promise<void> {
  await page.goto(`${baseUrl}/settings`);
  await page.waitForSelector('[data-testid="language-select"]', { timeout: TIMEOUT });
  if ((await page.$eval('[data-testid="language-select"]', (s) => (s as HTMLSelectElement).value)) !== language) {
    await page.selectOption('[data-testid="language-select"]', language);
  }
  await page.waitForFunction((l) => document.documentElement.lang === l, language);
}

async function clickNext(page: Page, step: string): Promise<void> {
  await page.click('[data-testid="call-next"]');
  await waitStep(page, step);
}

/**
 * Every screen, in `language` (already chosen in Settings). The call is made with `debtorIndex`-th callable
 * debtor, so two walks in one profile never resume each other's call.
 */
export async function visitEveryScreen(page: Page, baseUrl: string, debtorIndex: number, visit: Visit): Promise<void> {
  const debtors = callableDebtors().filter((b) => overdueInvoices(b).length > 0);
  const bundle = debtors[debtorIndex % debtors.length]!;
  const id = encodeURIComponent(bundle.debtor.id);
  const dossier = `${baseUrl}/debtors/${id}`;
  const mark = (await page.evaluate(() => document.documentElement.lang)) === 'fr' ? 'fr' : 'en';

  await openWorklist(page, baseUrl);
  await visit('worklist');

  await page.goto(dossier);
  await page.waitForSelector('[data-testid="timeline"]', { timeout: TIMEOUT });
  await visit('dossier');

  await page.goto(`${dossier}/call?start=1`);
  await page.waitForSelector(`${CALL}[data-step="presentation"]`, { timeout: TIMEOUT });
  await visit('call 1 presentation');
  await clickNext(page, 'identification');
  await page.click('[data-testid="contact-confirm"]');
  await clickNext(page, 'explanation');
  await visit('call 3 explanation');
  await page.check('input[name="capture-explanation-invoices_received"][value="yes"]');
  await clickNext(page, 'listening');
  await clickNext(page, 'delay_reason');
  await page.check('input[name="delay-reason"][value="cash_flow"]');
  await visit('call 5 delay reason');
  await clickNext(page, 'commitments');
  const invoice = overdueInvoices(bundle)[0]!;
  await page.fill('#promise-amount', centsToInput(outstandingCents(invoice), mark));
  // A Saturday first: the weekend notice and its button have to fit too.
  let saturday = inDays(3);
  while (new Date(`${saturday}T12:00:00Z`).getUTCDay() !== 6) saturday = addDays(saturday, 1);
  await page.fill('#promise-date', saturday);
  const weekend = await page.waitForSelector('[data-testid="promise-day-notice"]', { timeout: 5_000 }).catch(() => null);
  if (weekend) await visit('call 6 weekend promise');
  await page.fill('#promise-date', businessDayOnOrAfter(inDays(5)));
  await page.waitForSelector('#promise-restated:not([disabled])');
  await page.check('#promise-restated');
  await page.click('.call-nav__notes');
  await visit('call 6 commitments with notes');
  await clickNext(page, 'anticipation');
  await visit('call 7 anticipation');
  for (const step of ['contact_details', 'conclusion', 'formalisation']) await clickNext(page, step);
  await page.check('input[name="capture-formalisation-recap_channel"][value="email"]');
  await visit('call 10 formalisation');
  await page.click('[data-testid="call-next"]');
  await waitCommitted(page);
  await page.waitForSelector('[data-testid="recap"] [data-testid="recap-body"]', { timeout: TIMEOUT });
  await visit('ended call with its recap');
  // Prepared, not sent yet: the confirmation box shows under the send buttons.
  await page.click('[data-testid="recap-eml"]');
  const confirm = await page.waitForSelector('[data-testid="recap-confirm-sent"]', { timeout: 5_000 }).catch(() => null);
  if (confirm) await visit('ended call, recap prepared');

  await page.goto(dossier);
  await page.waitForSelector('[data-testid="timeline-recap"]', { timeout: TIMEOUT });
  await page.click('[data-testid="timeline-recap"]');
  await page.waitForSelector('[data-testid="recap-page"] [data-testid="recap-body"]', { timeout: TIMEOUT });
  await visit('recap page');

  await page.goto(`${dossier}/payments/new`);
  await page.waitForSelector('[data-testid="payment-form"]', { timeout: TIMEOUT });
  await visit('payment');

  for (const kind of ['first_reminder', 'formal_notice']) {
    await page.goto(`${dossier}/letters/${kind}`);
    await page.waitForSelector('main#main h1', { timeout: TIMEOUT });
    await page.waitForSelector('.page-loading', { state: 'detached', timeout: TIMEOUT });
    await visit(`letter ${kind}`);
  }

  await page.goto(`${dossier}/handover`);
  await page.waitForSelector('main#main h1', { timeout: TIMEOUT });
  await page.waitForSelector('.page-loading', { state: 'detached', timeout: TIMEOUT });
  await visit('handover');

  await page.goto(`${baseUrl}/plans`);
  await page.waitForSelector('main#main h1', { timeout: TIMEOUT });
  await page.waitForSelector('.page-loading', { state: 'detached', timeout: TIMEOUT });
  await visit('plans');

  await page.goto(`${dossier}/plans/new`);
  await page.waitForSelector('main#main h1', { timeout: TIMEOUT });
  await page.waitForSelector('.page-loading', { state: 'detached', timeout: TIMEOUT });
  await visit('plan proposal');

  await page.goto(`${baseUrl}/settings`);
  await page.waitForFunction(() => (document.querySelector('[data-testid="persist-status"]')?.textContent ?? '').trim().length > 0, undefined, { timeout: TIMEOUT });
  await visit('settings');

  await page.goto(`${baseUrl}/no-such-page`);
  await page.waitForSelector('main#main h1', { timeout: TIMEOUT });
  await visit('not found');
}

/** A payment day the promise form takes without a weekend warning. */
export const promiseDay = (): string => businessDayOnOrAfter(inDays(5));
