/**
 * After the call, in Chromium: a payment keeps a promise; a payment plan proposed by an agent and approved by
 * the team lead becomes promises, and once the first instalment is missed the debtor climbs the worklist
 * (the clock is moved with Playwright's clock API: the app reads the date from `Date`, nothing to inject);
 * a formal notice renders in the debtor's language with its address in the envelope window and prints to
 * an A4 PDF; the hand-over JSON and a follow-up .ics download and parse.
 */
import ICAL from 'ical.js';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { todayIso } from '../../src/session/today';
import { addDays } from '../../src/domain/calendar/isoDate';
import { fromWallTime, parseHhMm } from '../../src/domain/calendar/zonedTime';
import { summarizeDebtor } from '../../src/domain/summarize';
import { worklistRow } from '../../src/domain/worklist';
import { centsToInput } from '../../src/domain/money/parse';
import { dossierRung } from '../../src/domain/ladder/dossier-rung';
import { readHandover } from '../../src/features/letters/handover';
import fr from '../../src/i18n/locales/fr/dossier.json';
import { openSettings, openWorklist } from './app';
import { launch } from './browser';
import { demoPortfolio } from './demo';

const baseUrl = inject('baseUrl');
const today = todayIso();
const MM_PER_PX = 25.4 / 96;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  page = await context.newPage();
  await openWorklist(page, baseUrl);
});
afterAll(async () => {
  await browser?.close();
});

const dossierUrl = (id: string) => `${baseUrl}/debtors/${encodeURIComponent(id)}`;

async function openDossier(id: string): Promise<void> {
  await page.goto(dossierUrl(id));
  await page.waitForSelector('[data-testid="after-call"] [data-testid="commitments"]');
}

/** Every worklist row with its position and tier: a tall viewport lets the virtual list render them all. */
async function worklistTiers(): Promise<{ id: string; index: number; tier: number; broken: boolean }[]> {
  await page.setViewportSize({ width: 1366, height: 6000 });
  await openWorklist(page, baseUrl);
  const rows = await page.$$eval('li[data-index]', (items) =>
    items.map((li) => {
      const a = li.querySelector('a[data-testid="worklist-row"]');
      return {
        id: decodeURIComponent((a?.getAttribute('href') ?? '').split('/').pop() ?? ''),
        index: Number(li.getAttribute('data-index')),
        tier: Number(a?.getAttribute('data-tier')),
        broken: a?.querySelector('.badge--alert') !== null,
      };
    }),
  );
  await page.setViewportSize({ width: 1366, height: 768 });
  return rows.sort((a, b) => a.index - b.index);
}

describe('payments and promises', () => {
  it('a payment recorded in time keeps the promise, settles the invoice and goes to the timeline', async () => {
    const bundle = demoPortfolio().find((b) => b.promises.some((p) => p.status === 'pending' && p.dueDate === today));
    expect(bundle, 'the demo has a promise due today').toBeDefined();
    if (!bundle) return;
    const promise = bundle.promises.find((p) => p.status === 'pending' && p.dueDate === today);
    if (!promise) return;
    await page.goto(`${dossierUrl(bundle.debtor.id)}/payments/new`);
    await page.waitForSelector('[data-testid="payment-form"]');
    for (const box of await page.$$('input[type="checkbox"]')) if (await box.isChecked()) await box.uncheck();
    for (const id of promise.invoiceIds) await page.check(`input[type="checkbox"][value="${id}"]`);
    await page.fill('[data-testid="payment-amount"]', centsToInput(promise.amountCents, 'fr'));
    await page.click('[data-testid="payment-submit"]');
    await page.waitForURL((url) => url.pathname === `/debtors/${bundle.debtor.id}`);
    await page.waitForSelector('[data-testid="promises"]');
    const promisesText = (await page.textContent('[data-testid="promises"]')) ?? '';
    expect(promisesText).toContain(fr.promises.status.kept);
    expect(promisesText).not.toContain(fr.promises.status.pending);
    expect(await page.getAttribute('[data-testid="promises-broken"]', 'data-count')).toBe('0');
    const paid = (await page.textContent('[data-testid="invoices-paid"]')) ?? '';
    for (const id of promise.invoiceIds) expect(paid).toContain(bundle.invoices.find((i) => i.id === id)?.number ?? '?');
    expect(await page.$$eval('[data-testid="timeline"] .timeline__item--payment', (items) => items.length)).toBeGreaterThan(
      bundle.activities.filter((a) => a.type === 'payment').length,
    );
  });

  it('refuses more than the ticked invoices owe, with the reason beside the amount', async () => {
    const bundle = demoPortfolio().find((b) => b.debtor.id === 'd-0001') ?? demoPortfolio()[0];
    if (!bundle) return;
    await page.goto(`${dossierUrl(bundle.debtor.id)}/payments/new`);
    await page.waitForSelector('[data-testid="payment-form"]');
    await page.fill('[data-testid="payment-amount"]', '99999999');
    await page.click('[data-testid="payment-submit"]');
    await page.waitForSelector('#payment-amount[aria-invalid="true"]');
    expect(((await page.textContent('#payment-amount-error')) ?? '').length).toBeGreaterThan(10);
    expect(page.url()).toContain('/payments/new');
  });
});

describe('payment plan → promises → a missed instalment climbs the worklist', () => {
  // A debtor chased only for being late (tier 2), with no task and no promise: nothing else can move it.
  const candidates = demoPortfolio()
    .map((b) => ({ b, row: worklistRow(summarizeDebtor(b), today) }))
    .filter(({ b, row }) => row.tier === 2 && row.overdueCents > 0 && b.tasks.every((t) => t.done) && b.promises.length === 0);
  const target = candidates.sort((x, y) => x.row.score - y.row.score)[0]?.b;

  it('an agent proposes a plan; agents cannot decide it', async () => {
    expect(target, 'a tier-2 debtor without tasks or promises').toBeDefined();
    if (!target) return;
    await page.goto(`${dossierUrl(target.debtor.id)}/plans/new`);
    await page.waitForSelector('[data-testid="plan-form"]');
    expect(await page.textContent('[data-testid="plan-sum"]')).not.toContain('au lieu de');
    await page.click('[data-testid="plan-submit"]');
    await page.waitForURL((url) => url.pathname === `/debtors/${target.debtor.id}`);
    await page.waitForSelector('[data-testid="dossier-plan"][data-status="proposed"]');

    await page.goto(`${baseUrl}/plans`);
    const card = `[data-testid="plan"][data-debtor="${target.debtor.id}"]`;
    await page.waitForSelector(`${card} [data-testid="plan-awaiting"]`);
    expect(await page.$(`${card} [data-testid="plan-approve"]`)).toBeNull();
  });

  it('the team lead approves it and each instalment becomes a pending promise', async () => {
    if (!target) return;
    await openSettings(page, baseUrl);
    await page.selectOption('#profile-role', 'lead');
    await page.click('form[aria-labelledby="profile-title"] button[type="submit"]');
    await page.waitForFunction(() => (document.querySelector('form[aria-labelledby="profile-title"] [role="status"]')?.textContent ?? '').trim() !== '');

    await page.goto(`${baseUrl}/plans`);
    const card = `[data-testid="plan"][data-debtor="${target.debtor.id}"]`;
    // From the keyboard: the focus goes on from the decided plan's heading, which reads its new status.
    await page.focus(`${card} [data-testid="plan-approve"]`);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`${card}[data-status="approved"]`);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('[data-testid="plan"]')?.getAttribute('data-status') ?? document.activeElement?.tagName))
      .toBe('approved');

    await openDossier(target.debtor.id);
    const statuses = await page.$$eval('[data-testid="promises"] li .badge', (b) => b.map((x) => (x.textContent ?? '').trim()));
    expect(statuses).toEqual([fr.promises.status.pending, fr.promises.status.pending, fr.promises.status.pending]);
    expect(await page.getAttribute('[data-testid="promises-broken"]', 'data-count')).toBe('0');
  });

  it('once the first instalment’s deadline has passed unpaid, the promise reads broken and the debtor climbs', async () => {
    if (!target) return;
    const before = await worklistTiers();
    const was = before.find((r) => r.id === target.debtor.id);
    expect(was?.tier).toBe(2);

    // First instalment: today + 7 days; its deadline is 2 business days later. Ten more days is past it.
    await context.clock.setFixedTime(new Date(`${addDays(today, 17)}T10:00:00+01:00`));
    const after = await worklistTiers();
    const now = after.find((r) => r.id === target.debtor.id);
    expect(now).toMatchObject({ tier: 1, broken: true });
    expect(now?.index ?? Infinity).toBeLessThan(was?.index ?? 0);
    // Above every debtor who is merely late: only due call-backs and other broken promises come first.
    expect(after.filter((r) => r.index < (now?.index ?? 0)).every((r) => r.tier <= 1)).toBe(true);

    await openDossier(target.debtor.id);
    expect(await page.getAttribute('[data-testid="promises-broken"]', 'data-count')).toBe('1');
    const statuses = await page.$$eval('[data-testid="promises"] li .badge', (b) => b.map((x) => (x.textContent ?? '').trim()));
    expect(statuses).toContain(fr.promises.status.broken);
    await context.clock.setFixedTime(new Date());
  });
});

describe('letters', () => {
  const notice = demoPortfolio().find((b) => b.debtor.language === 'fr' && b.tasks.every((t) => t.done) && dossierRung(b, today)?.rung === 'formal_notice');

  it('the ladder offers the formal notice, which renders in French with the address in the envelope window', async () => {
    expect(notice, 'a demo debtor due a formal notice').toBeDefined();
    if (!notice) return;
    await openDossier(notice.debtor.id);
    await page.waitForSelector('[data-testid="ladder-rung"][data-rung="formal_notice"]');
    await page.click('[data-testid="ladder-action"]');
    await page.waitForURL((url) => url.pathname.endsWith('/letters/formal_notice'));
    await page.waitForSelector('[data-testid="letter"][data-kind="formal_notice"]');
    const text = (await page.textContent('[data-testid="letter"]')) ?? '';
    expect(text.toLowerCase()).toContain('mise en demeure');
    expect(text).toContain(notice.debtor.name);
    expect(text).toContain('40');
    expect(await page.getAttribute('[data-testid="letter"]', 'lang')).toBe('fr');

    const box = await page.evaluate(() => {
      const sheet = document.querySelector('.letter-sheet')?.getBoundingClientRect();
      const window = document.querySelector('[data-testid="letter-recipient"]')?.getBoundingClientRect();
      return sheet && window ? { top: window.top - sheet.top, right: sheet.right - window.right, width: sheet.width } : undefined;
    });
    expect(box).toBeDefined();
    if (!box) return;
    expect(box.width * MM_PER_PX).toBeCloseTo(210, 0);
    expect(box.top * MM_PER_PX).toBeGreaterThanOrEqual(45);
    expect(box.top * MM_PER_PX).toBeLessThanOrEqual(52);
    expect(box.right * MM_PER_PX).toBeCloseTo(20, 0);
  });

  it('prints to an A4 PDF with the letter only', async () => {
    if (!notice) return;
    const pdf = await page.pdf({ format: 'A4' });
    const raw = pdf.toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    const pages = raw.match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(1);
    // A4 in points: 595 × 842.
    expect(raw).toMatch(/\/MediaBox\s*\[\s*0\s+0\s+595\.\d*\s+841\.\d*|\/MediaBox\s*\[\s*0\s+0\s+595\.\d*\s+842/);
    await page.emulateMedia({ media: 'print' });
    const hidden = await page.evaluate(() => ['.app-header', '.letter-toolbar'].map((s) => getComputedStyle(document.querySelector(s) as Element).display));
    expect(hidden).toEqual(['none', 'none']);
    await page.emulateMedia({ media: 'screen' });
  });

  it('marking it sent records the step: the ladder moves on to the hand-over', async () => {
    if (!notice) return;
    await page.click('[data-testid="letter-mark-sent"]');
    await page.waitForURL((url) => url.pathname === `/debtors/${notice.debtor.id}`);
    await page.waitForSelector('[data-testid="ladder-rung"][data-rung="agency_handover"]');
  });

  it('the hand-over page downloads the whole dossier as a versioned JSON that reads back', async () => {
    if (!notice) return;
    await page.goto(`${dossierUrl(notice.debtor.id)}/handover`);
    await page.waitForSelector('[data-testid="handover-summary"]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="handover-json"]')]);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    const back = readHandover(readFileSync(path, 'utf8'));
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.doc.debtor.id).toBe(notice.debtor.id);
    expect(back.doc.activities.length).toBe(notice.activities.length + 1);
  });

  it('a follow-up task downloads as an .ics that ical.js reads', async () => {
    const withTask = demoPortfolio().find((b) => b.tasks.filter((t) => !t.done).length === 1 && b.tasks.some((t) => !t.done && t.dueTime));
    expect(withTask, 'a demo debtor with one timed follow-up').toBeDefined();
    if (!withTask) return;
    const task = withTask.tasks.find((t) => !t.done);
    await openDossier(withTask.debtor.id);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="tasks"] [data-testid="task-ics"] >> nth=0')]);
    const { readFileSync } = await import('node:fs');
    const ics = readFileSync(await download.path(), 'utf8');
    const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent');
    expect(vevent).not.toBeNull();
    if (!vevent) return;
    const event = new ICAL.Event(vevent);
    expect(event.summary).toContain(withTask.debtor.name);
    expect(event.startDate.toJSDate().getTime()).toBe(fromWallTime(task?.dueDate ?? '', parseHhMm(task?.dueTime ?? '00:00')));
  });
});
