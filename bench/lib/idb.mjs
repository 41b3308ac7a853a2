/**
 * IndexedDB cost of the repository layer: `CadenceStore.putBundles` for N demo bundles against raw idb puts
 * of exactly the records the repository stored (same database, stores and indexes, one transaction), so the
 * ratio is what validation, summaries and encoding add on top of IndexedDB itself. Runs in a page of its own
 * (bench/idb), built from the app's storage and demo modules and served on its own origin.
 */
import { chromium } from 'playwright-core';
import { buildBenchPage } from './build.mjs';
import { CHROMIUM_PATH, PLAYWRIGHT_ARGS } from './chromium.mjs';
import { serveDir } from './server.mjs';
import { median, summarize } from './stats.mjs';

export async function runIdb({ reps, tmpDir, log }) {
  const page = await buildBenchPage('idb', `${tmpDir}/idb`);
  log(`  idb page built in ${page.ms} ms`);
  const server = await serveDir(page.outDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: PLAYWRIGHT_ARGS, headless: true });
  try {
    const tab = await (await browser.newContext()).newPage();
    const pageErrors = [];
    tab.on('pageerror', (e) => pageErrors.push(e.message));
    await tab.goto(`${server.origin}/`);
    await tab.waitForFunction(() => typeof window.runIdbBench === 'function', null, { timeout: 30_000 }).catch(() => {
      throw new Error(`the idb bench page did not start${pageErrors.length ? `: ${pageErrors[0]}` : ''}`);
    });
    const out = await tab.evaluate(([n, r]) => window.runIdbBench(n, r), [reps.idbBundles, reps.idb]);
    const pairRatios = out.repo.map((t, i) => t / out.raw[i]);
    log(`  idb: ${out.bundles} bundles (${out.records} records), repo ${Math.round(median(out.repo))} ms, raw ${Math.round(median(out.raw))} ms`);
    return {
      bundles: out.bundles,
      records: out.records,
      recordsPerStore: out.recordsPerStore,
      repo: summarize(out.repo),
      raw: summarize(out.raw),
      ratio: median(out.repo) / median(out.raw),
      pairRatios: summarize(pairRatios),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
