/**
 * What an outside tester met walking the newest screens with the keyboard only, in French, at phone and laptop
 * widths: each defect found then, kept fixed. Settings → Backups (the restore preview fits 320 and 390 px and
 * names its data in French; the focus lands on the result), Settings → Exports (the button keeps the focus; the
 * worklist file, read with a real CSV parser, carries the follow-ups), Settings → Import (the focus follows
 * the wizard; the preview's title is not cut), /kpis (the chart's legend and the months in French).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { openWorklist } from './app';
import { formatViolations, launch, runAxe } from './browser';

const baseUrl = inject('baseUrl');
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/imports/${name}`, import.meta.url));
const TIMEOUT = 30_000;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await context?.close();
});

async function open(width: number): Promise<void> {
  context = await browser.newContext({ viewport: { width, height: width < 1000 ? 844 : 768 }, acceptDownloads: true });
  page = await context.newPage();
  await openWorklist(page, baseUrl);
}

/** Presses Tab until `selector` has the focus (a keyboard user's only way there). */
async function tabTo(selector: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/**
 * Space on the focused file input opens the chooser. Under load the first press can land before the input is
 * enabled again (it is disabled while a backup is written): wait for it, and press again if no chooser came.
 */
async function chooseWithKeyboard(selector: string, file: string): Promise<void> {
  await page.waitForSelector(`${selector}:not([disabled])`, { timeout: TIMEOUT });
  for (let attempt = 1; ; attempt++) {
    await page.focus(selector);
    try {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 10_000 }), page.keyboard.press('Space')]);
      await chooser.setFiles(file);
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

const focused = (): Promise<string> => page.evaluate(() => {
  const el = document.activeElement;
  return el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}[${el.getAttribute('data-testid') ?? ''}]` : 'none';
});
const sideways = (): Promise<boolean> => page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) > window.innerWidth);

describe('settings, exports and backups with the keyboard', () => {
  it('exports the worklist with Enter, keeping the focus, into a CSV that a parser reads with its follow-ups', async () => {
    await open(390);
    await page.goto(`${baseUrl}/settings`);
    await page.waitForSelector('[data-testid="export-worklist"]', { timeout: TIMEOUT });
    await tabTo('[data-testid="export-worklist"]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    // The button was disabled while busy, which threw the focus back to the page.
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'export-worklist', null, { timeout: 5_000 });
    const bytes = readFileSync((await download.path()) as string);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = Papa.parse<string[]>(bytes.toString('utf8').slice(1), { delimiter: ';', skipEmptyLines: true }).data;
    expect(rows[0]).toContain('Prochaine action');
    const next = rows[0]!.indexOf('Prochaine action');
    // The demo has follow-ups due: the worklist screen shows them, the file must too (they were all empty).
    expect(rows.slice(1).filter((r) => /^\d{2}\/\d{2}\/\d{4}$/.test(r[next] ?? '')).length).toBeGreaterThan(0);
  });

  it('previews a restore at 320 and 390 px without scrolling sideways, in French, and focuses the result', async () => {
    await open(390);
    await page.goto(`${baseUrl}/settings`);
    await page.waitForSelector('[data-testid="backup-now"]', { timeout: TIMEOUT });
    await tabTo('[data-testid="backup-now"]');
    const [backup] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    await page.waitForSelector('[data-testid="backup-notice"]', { timeout: TIMEOUT });
    await tabTo('[data-testid="restore-file"]');
    await chooseWithKeyboard('[data-testid="restore-file"]', (await backup.path()) as string);
    const preview = await page.waitForSelector('[data-testid="restore-preview"]', { timeout: TIMEOUT });
    const names = await preview.$$eval('tbody td:first-child', (tds) => tds.map((td) => td.textContent ?? ''));
    expect(names).toContain('Débiteurs');
    expect(names.filter((n) => /^[a-z]+([A-Z][a-z]+)*$/.test(n))).toEqual([]);
    for (const width of [320, 390]) {
      await page.setViewportSize({ width, height: 844 });
      expect(await sideways(), `the settings page scrolls sideways at ${width} px with the restore preview`).toBe(false);
    }
    const violations = await runAxe(page);
    expect(violations, formatViolations(violations, 'settings with the restore preview')).toEqual([]);
    await tabTo('[data-testid="restore-start"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="restore-confirm"]');
    // Escape closes the confirmation, the focus goes back to the button that opened it.
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="restore-confirm"]', { state: 'hidden' });
    expect(await focused()).toBe('button[restore-start]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="restore-confirm"]');
    await page.focus('[data-testid="restore-confirm"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="backup-notice"]', { timeout: TIMEOUT });
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'backup-notice', null, { timeout: 5_000 });
  });
});

describe('import with the keyboard at 320 px', () => {
  it('keeps the focus on the page through a read, and shows the whole preview title', async () => {
    await open(320);
    await page.goto(`${baseUrl}/settings/import`);
    await page.waitForSelector('[data-testid="import-file"]', { timeout: TIMEOUT });
    // Chromium's own file control says "Choose File" / "No file chosen" in a French screen.
    expect(await page.$eval('.file-picker__row', (r) => (r as HTMLElement).innerText.replace(/\s+/g, ' ').trim())).toBe('Choisir un fichier Aucun fichier choisi');
    await tabTo('[data-testid="import-file"]');
    await chooseWithKeyboard('[data-testid="import-file"]', fixture('aged-balance-bad-date-row37.csv'));
    await page.waitForSelector('[data-testid="import-errors"]', { timeout: TIMEOUT });
    await page.waitForFunction(() => document.activeElement?.id === 'import-understood', null, { timeout: 5_000 });
    // The next Tab goes on into the review, not back to the top of the page.
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('select#import-kind[import-kind]');
    const title = await page.$eval('#import-preview-title', (h) => {
      const box = h.getBoundingClientRect();
      return { right: box.right, width: window.innerWidth, text: h.textContent };
    });
    expect(title.text).toBe('Les 20 premières lignes telles que lues');
    expect(title.right).toBeLessThanOrEqual(title.width);
    await tabTo('[data-testid="import-valid-only"]');
    await page.keyboard.press('Space');
    await page.waitForSelector('[data-testid="import-commit"]', { timeout: TIMEOUT });
    // The file names none of the debtors stored before it: the review warns that the demo's invoices would be
    // closed; "part of it" from the keyboard (Tab into the radio group, arrow down) keeps them open.
    if (await page.$('[data-testid="import-absent-why"]')) {
      await tabTo('[data-testid="import-absent-close"]');
      await page.keyboard.press('ArrowDown');
      await page.waitForFunction(() => (document.querySelector('[data-testid="import-absent-keep"]') as HTMLInputElement | null)?.checked === true, null, { timeout: TIMEOUT });
    }
    await page.waitForSelector('[data-testid="import-commit"]:not([disabled])', { timeout: TIMEOUT });
    expect(await sideways()).toBe(false);
    const violations = await runAxe(page);
    expect(violations, formatViolations(violations, 'import review at 320 px')).toEqual([]);
  });
});

describe('/kpis in French', () => {
  it('labels the chart and the months in French, never uPlot’s English', async () => {
    await open(1366);
    await page.goto(`${baseUrl}/kpis`);
    await page.waitForSelector('[data-testid="kpis-table"]', { timeout: TIMEOUT });
    await page.waitForSelector('.kpi-chart canvas', { timeout: TIMEOUT });
    const legend = await page.$eval('.kpi-chart', (el) => el.textContent ?? '');
    expect(legend).toContain('Mois');
    expect(legend).not.toContain('Time');
    const months = await page.$$eval('[data-testid="kpis-table"] tbody th', (ths) => ths.map((th) => th.textContent ?? ''));
    expect(months).toHaveLength(12);
    expect(months.filter((m) => /^\d{4}-\d{2}$/.test(m))).toEqual([]);
    expect(await page.$eval('[data-testid="kpis-definitions"] summary', (s) => s.textContent)).toBe('Définitions');
  });
});

describe('the script studio of a team lead at 320 px', () => {
  it('names its tabs in French and never lays the word count over the text preview', async () => {
    await open(320);
    await page.goto(`${baseUrl}/settings`);
    await page.selectOption('#profile-role', 'lead');
    await page.click('form:has(#profile-role) button[type=submit]');
    await page.goto(`${baseUrl}/scripts`);
    await page.waitForSelector('[data-testid="studio-duplicate-fr"]', { timeout: TIMEOUT });
    await page.focus('[data-testid="studio-duplicate-fr"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="studio-checks"]', { timeout: TIMEOUT });
    const tabs = await page.$$eval('main button', (bs) => bs.map((b) => (b.textContent ?? '').trim()));
    expect(tabs).toContain('Statistiques');
    expect(tabs).not.toContain('Analytics');
    const boxes = await page.$eval('.studio-words', (words) => {
      const hint = words.previousElementSibling?.querySelector('.vt__chips') ?? words.previousElementSibling;
      return { hintBottom: hint?.getBoundingClientRect().bottom ?? 0, wordsTop: words.getBoundingClientRect().top };
    });
    expect(boxes.wordsTop).toBeGreaterThanOrEqual(boxes.hintBottom - 0.5);
    expect(await sideways()).toBe(false);
  });
});
