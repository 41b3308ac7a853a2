/**
 * Importing a 100,000-row aged balance (20,000 debtors) through the import page of the production build, in a
 * fresh Chromium profile per CPU rate (1×, then 4× with CDP Emulation.setCPUThrottlingRate):
 * - read + plan: the file handed to the file input → the plan shown (`[data-testid="import-plan"]`);
 * - commit: a click on "Import" → `[data-testid="import-done"]` (staging and the one switch transaction);
 * - the longest main-thread task over both (PerformanceObserver `longtask`, buffered), and while committing.
 * - the CPU time all Chromium processes used over each step (./proc-cpu.mjs): on a shared, loaded machine
 *   the wall-clock figures swell with the load, the CPU time does not.
 * Every count stored afterwards is checked, so a partial import cannot pass as a fast one.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { agedBalanceCsv } from '../import-csv.mjs';
import { CHROMIUM_PATH, PLAYWRIGHT_ARGS } from './chromium.mjs';
import { installProbes, longestTask, storedCounts } from './page-probes.mjs';
import { descendantsCpuSeconds } from './proc-cpu.mjs';

export const IMPORT_ROWS = 100_000;
export const IMPORT_DEBTORS = 20_000;
const VIEWPORT = { width: 1366, height: 768 };
/** The slowest run seen before the fix took 4 minutes to commit at 1×: leave room, but not forever. */
const STEP_TIMEOUT = 900_000;

const now = (page) => page.evaluate(() => performance.now());

async function clearDemo(page, origin) {
  await page.goto(`${origin}/settings`);
  await page.click('[data-testid="clear-data"]', { timeout: 120_000 });
  await page.click('[data-testid="confirm-clear"]');
  await page.waitForSelector('[data-testid="data-notice"]');
}

async function importOnce(browser, origin, file, rate, log) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(installProbes);
  const page = await context.newPage();
  try {
    await clearDemo(page, origin);
    await page.goto(`${origin}/settings/import`);
    await page.waitForSelector('[data-testid="import-file"]', { timeout: 60_000 });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const c0 = descendantsCpuSeconds();
    const t0 = await now(page);
    await page.setInputFiles('[data-testid="import-file"]', file);
    await page.waitForSelector('[data-testid="import-plan"]', { timeout: STEP_TIMEOUT });
    const t1 = await now(page);
    const c1 = descendantsCpuSeconds();
    const planText = (await page.textContent('[data-testid="plan-invoices"]'))?.trim();
    log(`  import ${rate}×: read + plan ${Math.round(t1 - t0)} ms (${planText})`);
    const c2 = descendantsCpuSeconds();
    const t2 = await now(page);
    await page.click('[data-testid="import-commit"]');
    await page.waitForSelector('[data-testid="import-done"], [data-testid="import-failed"]', { timeout: STEP_TIMEOUT });
    const t3 = await now(page);
    const c3 = descendantsCpuSeconds();
    const failed = await page.$('[data-testid="import-failed"]');
    if (failed) throw new Error(`the import failed: ${(await failed.textContent())?.trim()}`);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp.detach();
    // Long tasks are reported once they end: give the last one a moment to arrive.
    await page.waitForTimeout(200);
    const stored = await page.evaluate(storedCounts, ['debtors', 'invoices', 'summaries', 'importStaging']);
    const run = {
      rate,
      readPlanMs: t1 - t0,
      commitMs: t3 - t2,
      // CPU seconds of every Chromium process over each step (null where /proc is missing).
      readPlanCpuS: c0 == null ? null : c1 - c0,
      commitCpuS: c2 == null ? null : c3 - c2,
      longestTaskMs: await page.evaluate(longestTask, [t0, t3 + 1]),
      commitLongestTaskMs: await page.evaluate(longestTask, [t2, t3 + 1]),
      stored,
    };
    log(`  import ${rate}×: commit ${Math.round(run.commitMs)} ms (CPU ${run.commitCpuS?.toFixed(1)} s; read + plan CPU ${run.readPlanCpuS?.toFixed(1)} s), longest task ${Math.round(run.longestTaskMs)} ms; stored ${JSON.stringify(stored)}`);
    return run;
  } finally {
    await context.close();
  }
}

export async function runImport({ origin, tmpDir, log, rows = IMPORT_ROWS, debtors = IMPORT_DEBTORS, rates = [1, 4] }) {
  const file = path.join(tmpDir, `aged-balance-${rows}.csv`);
  writeFileSync(file, agedBalanceCsv({ rows, debtors }));
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: PLAYWRIGHT_ARGS, headless: true });
  try {
    const runs = [];
    for (const rate of rates) runs.push(await importOnce(browser, origin, file, rate, log));
    const warnings = runs.flatMap((r) =>
      r.stored.debtors !== debtors || r.stored.invoices !== rows || r.stored.summaries !== debtors || r.stored.importStaging !== 0
        ? [`${r.rate}×: stored ${JSON.stringify(r.stored)}, expected ${debtors} debtors, ${rows} invoices, ${debtors} summaries, no staging`]
        : [],
    );
    return { rows, debtors, runs, warnings };
  } finally {
    await browser.close();
  }
}

/** `node bench/lib/import.mjs --origin=URL [--rows=N]`: the suite alone, against a running preview. */
if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const { mkdtempSync } = await import('node:fs');
  const os = await import('node:os');
  const rows = Number(arg('rows') ?? IMPORT_ROWS);
  const result = await runImport({
    origin: arg('origin'),
    tmpDir: mkdtempSync(path.join(os.tmpdir(), 'cadence-import-')),
    log: (m) => process.stderr.write(`${m}\n`),
    rows,
    debtors: Math.max(1, Math.round(rows / 5)),
    rates: (arg('rates') ?? '1,4').split(',').map(Number),
  });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
