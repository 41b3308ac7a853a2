/**
 * Page-level steps shared by the journeys, written against the stable hooks of notes/ui-contract.md
 * (data-testid attributes, one <h1> per page, <main id="main">), never against translated text.
 */
import type { Page } from 'playwright-core';

export const WORKLIST = '[data-testid="worklist"]';
export const WORKLIST_READY = '[data-testid="worklist"][data-state="ready"]';
export const ROW = 'a[data-testid="worklist-row"]';
export const SEARCH = '[data-testid="worklist-search"]';

/** First load seeds the demo portfolio, which can take a few seconds on a slow runner. */
const READY_TIMEOUT = 30_000;

/** Waits until the worklist has painted its rows and returns how many it holds (data-count). */
export async function worklistReady(page: Page): Promise<number> {
  await page.waitForSelector(WORKLIST_READY, { timeout: READY_TIMEOUT });
  return worklistCount(page);
}

export async function worklistCount(page: Page): Promise<number> {
  const raw = await page.getAttribute(WORKLIST, 'data-count');
  return Number(raw);
}

/** Opens the worklist at `baseUrl` and waits for its rows. */
export async function openWorklist(page: Page, baseUrl: string): Promise<number> {
  await page.goto(`${baseUrl}/`);
  return worklistReady(page);
}

/**
 * Types a query into the search box and waits for the painted result (the page marks
 * `cadence:search-done` after each painted search); returns the row count.
 */
export async function search(page: Page, query: string): Promise<number> {
  const before = await page.evaluate(() => performance.getEntriesByName('cadence:search-done').length);
  await page.fill(SEARCH, query);
  await page.waitForFunction(
    (n) => performance.getEntriesByName('cadence:search-done').length > n,
    before,
    { timeout: 10_000 },
  );
  await page.waitForSelector(WORKLIST_READY);
  return worklistCount(page);
}

/** Text of the rows currently painted (the list is virtualised: only visible rows exist in the DOM). */
export function visibleRowTexts(page: Page): Promise<string[]> {
  return page.$$eval(ROW, (rows) => rows.map((r) => (r.textContent ?? '').replace(/\s+/g, ' ').trim()));
}

/** The href of the first painted row, e.g. `/debtors/deb-001`. */
export async function firstRowHref(page: Page): Promise<string> {
  const href = await page.getAttribute(`${ROW} >> nth=0`, 'href');
  if (!href) throw new Error('the worklist shows no row');
  return href;
}

export async function h1Text(page: Page): Promise<string> {
  return ((await page.textContent('h1')) ?? '').trim();
}

/** Opens the dossier of the first worklist row and waits for it; returns the dossier path. */
export async function openFirstDossier(page: Page): Promise<string> {
  const href = await firstRowHref(page);
  await page.click(`${ROW} >> nth=0`);
  await page.waitForURL((url) => url.pathname === href);
  await page.waitForSelector('[data-testid="dossier"]', { timeout: READY_TIMEOUT });
  return href;
}

export async function openSettings(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/settings`);
  await page.waitForSelector('[data-testid="language-select"]', { timeout: READY_TIMEOUT });
}

/** Resolves once a service worker controls the page (clientsClaim makes the first visit controlled). */
export async function serviceWorkerControls(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null && navigator.serviceWorker?.controller !== undefined, undefined, {
    timeout: 30_000,
  });
}

/** Switches the profile to the team-lead role (Settings → profile), as a lead would before the studio or plans. */
export async function becomeLead(page: Page, baseUrl: string): Promise<void> {
  await openSettings(page, baseUrl);
  await page.selectOption('#profile-role', 'lead');
  await page.click('form[aria-labelledby="profile-title"] button[type="submit"]');
  await page.waitForFunction(() => (document.querySelector('form[aria-labelledby="profile-title"] [role="status"]')?.textContent ?? '').trim() !== '');
}
