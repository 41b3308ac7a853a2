/**
 * Steps shared by the call journeys, written against the call screen's stable hooks:
 * `[data-testid="call"]` with `data-step`, `data-phase` (step | interrupted | ended), `data-mode`
 * (writer | reader | closed) and `data-commit` (idle | committing | committed | failed); the step heading
 * `#step-title`; `[data-testid="save-status"][data-state]`; the fields' ids. Keyboard helpers press keys only.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { todayIso } from '../../src/session/today';
import type { DebtorBundle } from '../../src/domain/bundle';
import { addDays } from '../../src/domain/calendar/isoDate';
import { demoPortfolio } from './demo';

export const CALL = '[data-testid="call"]';
const TIMEOUT = 20_000;

/** Demo debtors the agent can call about money: an overdue open invoice and a contact to dial. */
export function callableDebtors(): DebtorBundle[] {
  const today = todayIso();
  return demoPortfolio().filter(
    (b) => b.contacts.length > 0 && b.invoices.some((i) => i.status === 'open' && i.dueDate < today && i.amountInclVatCents > i.amountPaidCents),
  );
}

export function overdueInvoices(bundle: DebtorBundle) {
  const today = todayIso();
  return bundle.invoices.filter((i) => i.status === 'open' && i.dueDate < today && i.amountInclVatCents > i.amountPaidCents);
}

export const inDays = (n: number): string => addDays(todayIso(), n);

/** Text without any kind of space, for comparing formatted amounts ("1 500,00 €" with narrow spaces). */
export const squash = (text: string | null): string => (text ?? '').replace(/\s/g, '');

/** Presses Tab until the focused element matches `selector`. */
export async function tabTo(page: Page, selector: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

let dateOrder: 'mdy' | 'dmy' | undefined;

/**
 * Learns the segment order of date fields in this browser (it follows the browser's UI language, not the
 * page's). Call it before the journey: it opens and closes a scratch tab.
 */
export async function probeDateOrder(context: BrowserContext): Promise<void> {
  if (dateOrder) return;
  const probe = await context.newPage();
  await probe.setContent('<input type="date" id="d">');
  await probe.focus('#d');
  await probe.keyboard.type('01022003');
  dateOrder = (await probe.inputValue('#d')) === '2003-01-02' ? 'mdy' : 'dmy';
  await probe.close();
}

/** Types an ISO date into the focused date field, in the segment order this browser uses. */
export async function typeDate(page: Page, iso: string): Promise<void> {
  if (!dateOrder) throw new Error('call probeDateOrder(context) first');
  const [y, m, d] = iso.split('-') as [string, string, string];
  await page.keyboard.type(dateOrder === 'mdy' ? `${m}${d}${y}` : `${d}${m}${y}`);
}

/** Waits for a step on screen with the focus on its heading (moved there on every step change). */
export async function waitStep(page: Page, stepId: string): Promise<void> {
  await page.waitForSelector(`${CALL}[data-step="${stepId}"][data-phase="step"]`, { timeout: TIMEOUT });
  await page.waitForFunction(() => document.activeElement?.id === 'step-title', undefined, { timeout: TIMEOUT });
}

/** Ctrl+Enter, then the next step (or the end). */
export async function next(page: Page, expected: string): Promise<void> {
  await page.keyboard.press('Control+Enter');
  if (expected === 'ended') await page.waitForSelector(`${CALL}[data-phase="ended"]`, { timeout: TIMEOUT });
  else await waitStep(page, expected);
}

export async function waitSaved(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="save-status"][data-state="saved"]', { timeout: TIMEOUT });
}

export async function waitCommitted(page: Page): Promise<void> {
  await page.waitForSelector(`${CALL}[data-commit="committed"]`, { timeout: TIMEOUT });
}

/** From the dossier, with the keyboard: Tab to "Start the call", Enter, wait for step 1. */
export async function startCallFromDossier(page: Page, baseUrl: string, debtorId: string): Promise<void> {
  await page.goto(`${baseUrl}/debtors/${encodeURIComponent(debtorId)}`);
  await page.waitForSelector('[data-testid="dossier"]', { timeout: 30_000 });
  await tabTo(page, '[data-testid="start-call"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector(`${CALL}[data-step="presentation"]`, { timeout: TIMEOUT });
}

/** Opens the call page directly and waits for the screen (new or resumed call). */
export async function openCall(page: Page, baseUrl: string, debtorId: string): Promise<void> {
  await page.goto(`${baseUrl}/debtors/${encodeURIComponent(debtorId)}/call?start=1`);
  await page.waitForSelector(CALL, { timeout: 30_000 });
}

/** Mouse-driven walk from the first step to the explanation (step 3): the contact confirmed on the way. */
export async function walkToExplanation(page: Page): Promise<void> {
  await page.click('[data-testid="call-next"]');
  await waitStep(page, 'identification');
  await page.click('[data-testid="contact-confirm"]');
  await page.click('[data-testid="call-next"]');
  await waitStep(page, 'explanation');
}

/** Mouse-driven walk to the commitments step: contact confirmed, invoices received, a delay reason. */
export async function walkToCommitments(page: Page, reason: string): Promise<void> {
  await walkToExplanation(page);
  await page.check('input[name="capture-explanation-invoices_received"][value="yes"]');
  await page.click('[data-testid="call-next"]');
  await waitStep(page, 'listening');
  await page.click('[data-testid="call-next"]');
  await waitStep(page, 'delay_reason');
  await page.check(`input[name="delay-reason"][value="${reason}"]`);
  await page.click('[data-testid="call-next"]');
  await waitStep(page, 'commitments');
}

/** Mouse-driven walk from a recorded commitment to the end of the call. */
export async function finishFromCommitments(page: Page): Promise<void> {
  for (const step of ['anticipation', 'contact_details', 'conclusion', 'formalisation']) {
    await page.click('[data-testid="call-next"]');
    await waitStep(page, step);
  }
  await page.check('input[name="capture-formalisation-recap_channel"][value="email"]');
  await page.click('[data-testid="call-next"]');
  await waitCommitted(page);
}
