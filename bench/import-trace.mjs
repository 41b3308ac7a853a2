/**
 * Where the import's main-thread long tasks come from: a Chromium trace of one 100,000-row aged-balance import
 * (file chosen → plan shown → "Import" → done), the same page and file as bench/lib/import.mjs, listing every
 * main-thread task over a threshold with its time by kind and the functions with the most self time in it.
 *
 *   node bench/import-trace.mjs [--rate=1] [--rows=100000] [--over=30] [--origin=URL | --serve=BUILT_DIR]
 *     [--out=trace.json] [--dist=DIR]
 *
 * Without --origin it builds the app unminified (so the profile names functions as written) and serves it.
 * It prints JSON on stdout.
 */
import { chromium } from 'playwright-core';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { agedBalanceCsv } from './import-csv.mjs';
import { CHROMIUM_PATH, PLAYWRIGHT_ARGS } from './lib/chromium.mjs';
import { appFromArgs, arg, functionsIn, kindsIn, mainThread, startTrace } from './lib/trace.mjs';


async function main() {
  const rate = Number(arg('rate', '1'));
  const rows = Number(arg('rows', '100000'));
  const over = Number(arg('over', '30'));
  const out = arg('out', null);
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'cadence-import-trace-')), `aged-balance-${rows}.csv`);
  writeFileSync(file, agedBalanceCsv({ rows, debtors: Math.max(1, Math.round(rows / 5)) }));
  const server = await appFromArgs();
  const origin = server.origin;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: PLAYWRIGHT_ARGS, headless: true });
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto(`${origin}/settings`);
    await page.click('[data-testid="clear-data"]', { timeout: 120_000 });
    await page.click('[data-testid="confirm-clear"]');
    await page.waitForSelector('[data-testid="data-notice"]');
    await page.goto(`${origin}/settings/import`);
    await page.waitForSelector('[data-testid="import-file"]', { timeout: 60_000 });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const stopTrace = await startTrace(cdp);
    await page.setInputFiles('[data-testid="import-file"]', file);
    await page.waitForSelector('[data-testid="import-plan"]', { timeout: 900_000 });
    await page.click('[data-testid="import-commit"]');
    await page.waitForSelector('[data-testid="import-done"], [data-testid="import-failed"]', { timeout: 900_000 });
    await page.waitForTimeout(300);
    const events = await stopTrace();
    if (out) writeFileSync(out, JSON.stringify({ traceEvents: events }));
    const main = mainThread(events);
    const mine = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid);
    const long = mine.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.dur >= over * 1000).sort((a, b) => a.ts - b.ts);
    const t0 = Math.min(...mine.filter((e) => e.ts > 0).map((e) => e.ts));
    const tasks = long.map((e) => ({
      at: Math.round((e.ts - t0) / 1000),
      ms: Math.round(e.dur / 100) / 10,
      cpu: e.tdur === undefined ? null : Math.round(e.tdur / 100) / 10,
      ...kindsIn(mine, e.ts, e.ts + e.dur),
      ...(({ self, total }) => ({ functions: self.slice(0, 12), totals: total.slice(0, 40) }))(functionsIn(events, main, [[e.ts, e.ts + e.dur]])),
    }));
    console.log(JSON.stringify({ rate, rows, over, tasks }, null, 1));
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
