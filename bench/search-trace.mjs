/**
 * Where a worklist search keystroke spends its time at 50,000 debtors: a Chromium trace of one query typed a
 * key at a time (the same seed, page, viewport and keys as the worklist bench), summarised per key: the key →
 * `cadence:search-done` latency, the page's main-thread time by kind, the worker's busy time, and the frames
 * drawn in between.
 *
 *   node bench/search-trace.mjs [--rate=1] [--kind=invoice|company] [--origin=URL | --serve=BUILT_DIR] [--out=trace.json] [--dist=DIR]
 *
 * Without --origin it builds the app unminified (so the profile names functions as written) and serves it.
 */
import { chromium } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import { CHROMIUM_PATH, PLAYWRIGHT_ARGS } from './lib/chromium.mjs';
import { installProbes, pickQueries } from './lib/page-probes.mjs';
import { appFromArgs, arg, functionsIn, kindsIn, mainThread, startTrace } from './lib/trace.mjs';
import { openOnce, seedLarge, typeQuery, VIEWPORT } from './lib/worklist.mjs';


/** A worker thread's busy time inside [from, to] (µs → ms): its top-level tasks. */
function workerBusy(events, from, to) {
  const workers = new Set(events.filter((e) => e.name === 'thread_name' && /Worker/.test(e.args?.name ?? '')).map((e) => `${e.pid}:${e.tid}`));
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && workers.has(`${e.pid}:${e.tid}`) && e.ts < to && e.ts + e.dur > from);
  return Math.round(tasks.reduce((sum, e) => sum + Math.min(e.ts + e.dur, to) - Math.max(e.ts, from), 0) / 100) / 10;
}

async function main() {
  const rate = Number(arg('rate', '1'));
  const kind = arg('kind', 'invoice');
  const out = arg('out', null);
  const server = await appFromArgs();
  const origin = server.origin;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: PLAYWRIGHT_ARGS, headless: true });
  try {
    const context = await browser.newContext({ viewport: VIEWPORT });
    await context.addInitScript(installProbes);
    const page = await context.newPage();
    await seedLarge(page, origin);
    await openOnce(page, origin);
    const queries = await page.evaluate(pickQueries, 0);
    const query = queries[kind];
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const stopTrace = await startTrace(cdp);
    const typed = await typeQuery(page, query);
    const events = await stopTrace();
    if (out) writeFileSync(out, JSON.stringify({ traceEvents: events }));
    const main = mainThread(events);
    const mine = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid);
    const keydowns = mine.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown').sort((a, b) => a.ts - b.ts);
    const marks = events.filter((e) => e.name === 'cadence:search-done').sort((a, b) => a.ts - b.ts);
    const frames = mine.filter((e) => e.name === 'Paint' || e.name === 'PrePaint').map((e) => e.ts);
    const keys = [];
    for (const [i, down] of keydowns.entries()) {
      const mark = marks.find((m) => m.ts > down.ts && (keydowns[i + 1] === undefined || m.ts < keydowns[i + 1].ts));
      if (!mark) continue;
      keys.push({
        typed: query.slice(0, i + 1),
        ms: typed.latencies[i] === undefined ? null : Math.round(typed.latencies[i] * 10) / 10,
        window: Math.round((mark.ts - down.ts) / 100) / 10,
        paints: new Set(frames.filter((ts) => ts > down.ts && ts < mark.ts).map((ts) => Math.round(ts / 1000))).size,
        worker: workerBusy(events, down.ts, mark.ts),
        ...kindsIn(mine, down.ts, mark.ts),
        functions: functionsIn(events, main, [[down.ts, mark.ts]]).self.slice(0, 6),
      });
    }
    console.log(JSON.stringify({ rate, query, keys }, null, 1));
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
