/**
 * Lighthouse 12, default config (mobile form factor, simulated throttling), performance / accessibility /
 * best-practices, several runs per page, median of each figure.
 *
 * Seeding: the app seeds its demo portfolio on first load. Lighthouse clears the service worker, Cache
 * Storage and the HTTP cache before each run but not IndexedDB, so one warm-up navigation (Playwright over
 * CDP, waiting for the page's ready hook) seeds once and every measured run is a cold load of a seeded app:
 * the figure an agent sees every morning, not the one-off seeding.
 */
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.mjs';
import { median } from './stats.mjs';

/**
 * Pages to audit. `path` is a string or a function of a warmed-up Playwright page (for URLs that need an
 * id from the seeded data); `ready` is the selector that says the page shows its data.
 */
export const LIGHTHOUSE_PAGES = [
  { id: 'worklist', path: '/', ready: '[data-testid="worklist"][data-state="ready"]' },
  // The first demo debtor's call: opening the page starts (or resumes) a call, as an agent's click would.
  { id: 'call screen', path: '/debtors/d-0001/call?start=1', ready: '[data-testid="call"]' },
];

const CATEGORIES = ['performance', 'accessibility', 'best-practices'];

async function warmUp(port, origin, pages) {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const resolved = [];
  try {
    const context = browser.contexts()[0] ?? (await browser.newContext());
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await page.waitForSelector(LIGHTHOUSE_PAGES[0].ready, { state: 'attached', timeout: 120_000 });
    for (const spec of pages) {
      const path = typeof spec.path === 'function' ? await spec.path(page) : spec.path;
      await page.goto(origin + path);
      await page.waitForSelector(spec.ready, { state: 'attached', timeout: 60_000 });
      resolved.push({ ...spec, path });
    }
    await page.close();
  } finally {
    await browser.close();
  }
  return resolved;
}

function figures(lhr) {
  const score = (id) => (lhr.categories[id]?.score == null ? null : Math.round(lhr.categories[id].score * 100));
  const audit = (id) => lhr.audits[id]?.numericValue ?? null;
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    lcpMs: audit('largest-contentful-paint'),
    tbtMs: audit('total-blocking-time'),
    fcpMs: audit('first-contentful-paint'),
    clsScore: audit('cumulative-layout-shift'),
    failedAudits: Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 1 && ['binary', 'numeric'].includes(a.scoreDisplayMode))
      .map((a) => a.id),
    runtimeError: lhr.runtimeError?.message ?? null,
    warnings: lhr.runWarnings ?? [],
  };
}

export async function runLighthouse({ origin, runs, log }) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROMIUM_FLAGS, logLevel: 'silent' });
  try {
    const pages = await warmUp(chrome.port, origin, LIGHTHOUSE_PAGES);
    const results = [];
    for (const spec of pages) {
      const samples = [];
      for (let i = 0; i < runs; i++) {
        const result = await lighthouse(origin + spec.path, { port: chrome.port, output: 'json', logLevel: 'silent', onlyCategories: CATEGORIES });
        if (!result) throw new Error(`lighthouse returned nothing for ${spec.path}`);
        const f = figures(result.lhr);
        if (f.runtimeError) throw new Error(`lighthouse on ${spec.path}: ${f.runtimeError}`);
        samples.push(f);
        log(`  lighthouse ${spec.id} run ${i + 1}/${runs}: perf ${f.performance}, LCP ${Math.round(f.lcpMs)} ms, TBT ${Math.round(f.tbtMs)} ms`);
      }
      const med = (key) => median(samples.map((s) => s[key]));
      results.push({
        id: spec.id,
        path: spec.path,
        runs,
        performance: med('performance'),
        accessibility: med('accessibility'),
        bestPractices: med('bestPractices'),
        lcpMs: med('lcpMs'),
        tbtMs: med('tbtMs'),
        fcpMs: med('fcpMs'),
        samples,
      });
    }
    return { seeding: 'warm-up navigation before the measured runs (IndexedDB kept, caches and SW cleared)', pages: results };
  } finally {
    await chrome.kill();
  }
}
