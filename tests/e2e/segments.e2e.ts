/**
 * The payment-history segment (fiable / à surveiller / mauvais payeur) as agents and team leads meet it: a
 * badge on the worklist row, the reasons in words on the dossier; an agent reads a lead's override but has no
 * control to change it; a lead replaces the segment with a reason, with the keyboard, and the worklist follows.
 * At phone and laptop widths, axe-clean and without sideways scroll.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { segmentHistoryOf } from '../../src/domain/segmentation/bundle-history';
import { segmentFacts, segmentOf } from '../../src/domain/segmentation/history-segment';
import { summarizeDebtor } from '../../src/domain/summarize';
import { worklistRow } from '../../src/domain/worklist';
import { todayIso } from '../../src/session/today';
import { becomeLead, openSettings, openWorklist, search } from './app';
import { contextOptions, expectAccessibleAndFitting, launch, type ViewportName } from './browser';
import { tabTo } from './call-helpers';
import { demoPortfolio } from './demo';

const baseUrl = inject('baseUrl');
const today = todayIso();
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** A demo debtor on today's worklist whose history makes it fiable, with the facts the dossier must state. */
function reliableDebtorOnTheWorklist() {
  for (const bundle of demoPortfolio()) {
    const row = worklistRow(summarizeDebtor(bundle), today);
    const facts = segmentFacts(segmentHistoryOf(bundle), today);
    if (row.overdueCents > 0 && segmentOf(facts) === 'reliable') return { bundle, facts };
  }
  throw new Error('the demo portfolio should hold a reliable debtor with an overdue balance');
}

const dossierUrl = (id: string) => `${baseUrl}/debtors/${encodeURIComponent(id)}`;

async function historyBadgeOfRow(page: Page, name: string): Promise<{ segment: string | null; text: string }> {
  expect(await search(page, name)).toBe(1);
  return page.$eval('[data-testid="worklist-history"]', (b) => ({ segment: b.getAttribute('data-segment'), text: (b.textContent ?? '').trim() }));
}

async function setRole(page: Page, role: 'agent' | 'lead'): Promise<void> {
  if (role === 'lead') return becomeLead(page, baseUrl);
  await openSettings(page, baseUrl);
  await page.selectOption('#profile-role', role);
  await page.click('form[aria-labelledby="profile-title"] button[type="submit"]');
  await page.waitForFunction(() => (document.querySelector('form[aria-labelledby="profile-title"] [role="status"]')?.textContent ?? '').trim() !== '');
}

describe.each(['phone', 'laptop'] as ViewportName[])('payment-history segment (%s)', (viewport) => {
  const { bundle, facts } = reliableDebtorOnTheWorklist();
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await browser.newContext(contextOptions(viewport));
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
  });

  it('an agent sees the segment on the worklist and its reasons on the dossier, with no control to change it', async () => {
    await openWorklist(page, baseUrl);
    expect(await historyBadgeOfRow(page, bundle.debtor.name)).toEqual({ segment: 'reliable', text: 'Historique de paiement\u00a0: Fiable' });
    await expectAccessibleAndFitting(page, 'worklist with segments', viewport);

    await page.goto(dossierUrl(bundle.debtor.id));
    await page.waitForSelector('[data-testid="history-segment"]');
    expect(await page.getAttribute('[data-testid="history-segment-badge"]', 'data-segment')).toBe('reliable');
    const late = Math.round(facts.weightedDaysLate);
    expect(await page.textContent('[data-testid="history-segment-reasons"]')).toContain(`${late} ${late > 1 ? 'jours de retard pondérés' : 'jour de retard pondéré'}`);
    expect(await page.$('[data-testid="history-override-form"]')).toBeNull();
    expect(await page.textContent('[data-testid="history-segment"]')).toContain('Seul un responsable peut remplacer ce segment.');
    await expectAccessibleAndFitting(page, 'dossier with its segment (agent)', viewport);
  });

  it('a team lead replaces it with a reason, with the keyboard; the worklist follows and an agent reads who, when and why', async () => {
    await setRole(page, 'lead');
    await page.goto(dossierUrl(bundle.debtor.id));
    await page.waitForSelector('[data-testid="history-override-form"]');
    await expectAccessibleAndFitting(page, 'dossier with the override form (lead)', viewport);
    await tabTo(page, '#history-override-segment');
    await page.selectOption('#history-override-segment', 'bad_payer');
    await tabTo(page, '#history-override-reason');
    // Saved without a reason: refused on the page, the focus back on the reason.
    await tabTo(page, '[data-testid="history-override-save"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'history-override-reason');
    expect(await page.getAttribute('#history-override-reason', 'aria-invalid')).toBe('true');
    await page.keyboard.type('Trois relances sans réponse ce trimestre');
    await tabTo(page, '[data-testid="history-override-save"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="history-segment-override"]');
    expect(await page.textContent('[data-testid="history-segment-override"]')).toMatch(/^Segment fixé par Camille Martin le .+\u00a0: «\u00a0Trois relances sans réponse ce trimestre\u00a0»$/);
    expect(await page.getAttribute('[data-testid="history-segment-badge"]', 'data-segment')).toBe('bad_payer');
    expect(await page.textContent('[data-testid="dossier-history-badge"]')).toContain('Mauvais payeur');
    expect(await page.textContent('[data-testid="history-segment"] [role="status"]')).toBe('Segment enregistré.');

    await page.goto(`${baseUrl}/`);
    await page.waitForSelector('[data-testid="worklist"][data-state="ready"]');
    expect(await historyBadgeOfRow(page, bundle.debtor.name)).toEqual({ segment: 'bad_payer', text: 'Historique de paiement\u00a0: Mauvais payeur ✱ (fixé par un responsable)' });

    await setRole(page, 'agent');
    await page.goto(dossierUrl(bundle.debtor.id));
    await page.waitForSelector('[data-testid="history-segment-override"]');
    expect(await page.$('[data-testid="history-override-form"]')).toBeNull();
    expect(await page.textContent('[data-testid="history-segment"]')).toContain('Calculé\u00a0: Fiable, remplacé par un responsable');
    await expectAccessibleAndFitting(page, 'dossier with an override (agent)', viewport);
  });
});
