/**
 * The script studio's figures (issue 11), in a fresh Chromium profile at 1366×768:
 * - open a script of 10 steps + 40 objections: a click on its row in the library → the editor painted with its
 *   checks (`[data-testid="studio-checks"]`), in-app navigation, median of 7;
 * - autosave: one key in a step's text → the save status back to "saved" after that key (the draft written to
 *   IndexedDB through the call's save queue), p50/p95 over 60 keys, one at a time;
 * - analytics at 50,000 debtors: `/?demo=large`, then the Analytics section of a team script → the
 *   `cadence:analytics` measure (every activity scanned in chunks, parsed, folded), and the longest task meanwhile.
 *
 * `node bench/studio.mjs` builds the app, serves it on a free port and prints JSON; `--origin=URL` skips the build.
 */
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, PLAYWRIGHT_ARGS } from './lib/chromium.mjs';
import { summarize } from './lib/stats.mjs';

const VIEWPORT = { width: 1366, height: 768 };
const log = (m) => process.stderr.write(`[studio] ${m}\n`);

async function becomeLead(page, origin) {
  await page.goto(`${origin}/settings`);
  await page.waitForSelector('#profile-role', { timeout: 300_000 });
  await page.selectOption('#profile-role', 'lead');
  await page.click('form[aria-labelledby="profile-title"] button[type="submit"]');
  await page.waitForFunction(() => (document.querySelector('form[aria-labelledby="profile-title"] [role="status"]')?.textContent ?? '').trim() !== '');
}

async function duplicateFrench(page, origin) {
  await page.goto(`${origin}/scripts`);
  await page.waitForSelector('[data-testid="studio-library"]');
  await page.click('[data-testid="studio-duplicate-fr"]');
  await page.waitForURL(/\/scripts\/team\./);
  await page.waitForSelector('[data-testid="studio-checks"]');
  return decodeURIComponent(new URL(page.url()).pathname.split('/').pop());
}

/** Grows the stored draft to 40 objections (copies of the built-in's, new ids), straight in IndexedDB. */
async function growObjections(page, scriptId, count) {
  return page.evaluate(async ({ id, count }) => {
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('cadence');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction('scripts', 'readwrite');
    const store = tx.objectStore('scripts');
    const record = await new Promise((resolve) => (store.get(id).onsuccess = (e) => resolve(e.target.result)));
    const base = record.draft.objections;
    record.draft.objections = Array.from({ length: count }, (_, i) => ({ ...base[i % base.length], id: `objection_${i + 1}` }));
    store.put(record);
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
    return { steps: record.draft.steps.length, objections: record.draft.objections.length };
  }, { id: scriptId, count });
}

async function timeOpen(page, origin, scriptId) {
  await page.goto(`${origin}/scripts`);
  await page.waitForSelector('[data-testid="studio-scripts"]');
  return page.evaluate(async (id) => {
    const link = [...document.querySelectorAll('[data-testid="studio-scripts"] tbody th a')].find((a) => a.getAttribute('href')?.endsWith(encodeURIComponent(id)));
    const t0 = performance.now();
    link.click();
    await new Promise((resolve) => {
      const tick = () => (document.querySelector('[data-testid="studio-checks"]') ? resolve() : requestAnimationFrame(tick));
      tick();
    });
    // Painted: the frame after it is in the DOM.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return performance.now() - t0;
  }, scriptId);
}

async function timeAutosave(page, keys) {
  await page.getByRole('button', { name: /^2\. Identification/ }).click();
  await page.focus('#sf-steps-1-say');
  await page.keyboard.press('End');
  const samples = [];
  const text = ' Je vous remercie de votre patience, nous faisons le point ensemble maintenant.';
  for (let i = 0; i < keys; i++) {
    await page.evaluate(() => {
      const el = document.querySelector('[data-testid="studio-save-state"]');
      window.__save = { keyAt: Infinity, savedAt: null };
      const onKey = (e) => (window.__save.keyAt = Math.min(window.__save.keyAt, e.timeStamp));
      document.addEventListener('keydown', onKey, { capture: true, once: true });
      const seen = new MutationObserver(() => {
        if (/enregistrées|saved/i.test(el.textContent ?? '') && window.__save.keyAt !== Infinity) {
          window.__save.savedAt = performance.now();
          seen.disconnect();
        }
      });
      seen.observe(el, { childList: true, characterData: true, subtree: true });
    });
    await page.keyboard.type(text[i % text.length]);
    await page.waitForFunction(() => window.__save.savedAt !== null, undefined, { timeout: 15_000, polling: 5 });
    samples.push(await page.evaluate(() => window.__save.savedAt - window.__save.keyAt));
    await page.waitForTimeout(60);
  }
  return summarize(samples);
}

async function timeAnalyticsLarge(browser, origin) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  try {
    const t0 = Date.now();
    await page.goto(`${origin}/?demo=large`);
    await page.waitForSelector('[data-testid="worklist"][data-state="ready"]', { timeout: 600_000 });
    await page.waitForFunction(() => !document.querySelector('[role="progressbar"]'), undefined, { timeout: 600_000 });
    log(`large demo seeded in ${Math.round((Date.now() - t0) / 1000)} s`);
    const counts = await page.evaluate(async () => {
      const db = await new Promise((resolve) => (indexedDB.open('cadence').onsuccess = (e) => resolve(e.target.result)));
      const count = (s) => new Promise((resolve) => (db.transaction(s).objectStore(s).count().onsuccess = (e) => resolve(e.target.result)));
      const out = { debtors: await count('debtors'), activities: await count('activities') };
      db.close();
      return out;
    });
    await becomeLead(page, origin);
    await duplicateFrench(page, origin);
    const runs = [];
    for (let i = 0; i < 3; i++) {
      await page.reload();
      await page.waitForSelector('[data-testid="studio-checks"]', { timeout: 60_000 });
      await page.evaluate(() => {
        window.__long = 0;
        new PerformanceObserver((list) => list.getEntries().forEach((e) => (window.__long = Math.max(window.__long, e.duration)))).observe({ type: 'longtask' });
      });
      await page.getByRole('button', { name: 'Analytics' }).click();
      await page.waitForFunction(() => performance.getEntriesByName('cadence:analytics').length > 0, undefined, { timeout: 300_000 });
      runs.push(await page.evaluate(() => ({ ms: performance.getEntriesByName('cadence:analytics')[0].duration, longestTask: window.__long })));
    }
    return { ...counts, runs, median: summarize(runs.map((r) => r.ms)).median, longestTask: Math.max(...runs.map((r) => r.longestTask)) };
  } finally {
    await context.close();
  }
}

async function main() {
  const argOrigin = process.argv.find((a) => a.startsWith('--origin='))?.slice('--origin='.length);
  let server;
  if (!argOrigin) {
    const { buildApp } = await import('./lib/build.mjs');
    const { serveApp } = await import('./lib/server.mjs');
    log('building the app…');
    await buildApp();
    server = await serveApp();
  }
  const origin = argOrigin ?? server.origin;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: PLAYWRIGHT_ARGS });
  try {
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await page.waitForSelector('[data-testid="worklist"][data-state="ready"]', { timeout: 120_000 });
    await becomeLead(page, origin);
    const scriptId = await duplicateFrench(page, origin);
    const shape = await growObjections(page, scriptId, 40);
    const opens = [];
    for (let i = 0; i < 7; i++) opens.push(await timeOpen(page, origin, scriptId));
    const open = summarize(opens);
    log(`open ${JSON.stringify(shape)}: median ${open.median.toFixed(0)} ms`);
    const autosave = await timeAutosave(page, 60);
    log(`autosave p50 ${autosave.p50.toFixed(1)} ms, p95 ${autosave.p95.toFixed(1)} ms`);
    await context.close();
    const analytics = process.argv.includes('--no-large') ? null : await timeAnalyticsLarge(browser, origin);
    process.stdout.write(`${JSON.stringify({ shape, open, autosave, analytics }, null, 2)}\n`);
  } finally {
    await browser.close();
    await server?.close();
  }
}

await main();
