/**
 * Where the worklist's open at 50,000 debtors spends its time: a Chromium trace of one open (the same seed,
 * page and viewport as the worklist bench), summarised as a timeline: when each thread (the page's main thread,
 * the worklist worker) was busy and on what, when it waited, and the functions with the most self time on each.
 *
 *   node bench/open-trace.mjs [--rate=1] [--opens=2] [--demo] [--origin=URL | --serve=BUILT_DIR] [--out=trace.json] [--dist=DIR]
 *
 * --demo opens the demo portfolio (what Lighthouse loads) instead of the 50,000 debtors; --path=/debtors/d-0001/call?start=1
 * (with --demo) traces that page's load instead of the worklist's, until its `--ready` selector shows and 1.5 s more;
 * --cold loads it as Lighthouse does, with no HTTP cache and no service worker. --warm=PATH opens PATH once
 * before the trace (waiting for the same `--ready` selector): --warm=/debtors/d-0001/call?start=1 starts the
 * call, so the traced load of /debtors/d-0001/call resumes it, as the Lighthouse bench's does.
 *
 * The first open after the seed warms the HTTP cache and the service worker, as an agent's returning visit
 * has; the last one is traced. Without --origin it builds the app unminified (so the profile names functions as
 * written) and serves it.
 */
import { chromium } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import { CHROMIUM_PATH, PLAYWRIGHT_ARGS } from './lib/chromium.mjs';
import { installProbes } from './lib/page-probes.mjs';
import { appFromArgs, arg, CATEGORIES, functionsIn, kindsIn, mainThread, startTrace } from './lib/trace.mjs';
import { openOnce, seedLarge, VIEWPORT } from './lib/worklist.mjs';

/** Top-level tasks of one thread, merged into busy spans (gaps under `join` µs closed), relative to `t0` in ms. */
function busySpans(events, thread, t0, join = 2000) {
  const tasks = events
    .filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.pid === thread.pid && e.tid === thread.tid && e.ts >= t0)
    .sort((a, b) => a.ts - b.ts);
  const spans = [];
  for (const t of tasks) {
    const last = spans.at(-1);
    if (last && t.ts - last.end <= join) {
      last.end = Math.max(last.end, t.ts + t.dur);
      last.busy += t.dur;
    } else spans.push({ start: t.ts, end: t.ts + t.dur, busy: t.dur });
  }
  const ms = (us) => Math.round(us / 100) / 10;
  const mine = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid);
  return spans.filter((s) => s.busy >= 1000).map((s) => ({
    from: ms(s.start - t0),
    to: ms(s.end - t0),
    busy: ms(s.busy),
    ...kindsIn(mine, s.start, s.end),
    // The functions of the long spans: what each chunk, and the tail after the last, cost.
    ...(s.busy >= 20_000 ? { top: functionsIn(events, thread, [[s.start, s.end]]).self.slice(0, 10).map((f) => `${f.fn} ${f.ms}`) } : {}),
  }));
}

/** The thread's tasks of 30 ms or more, each with the functions it spent its time in (what a long-task audit counts). */
function longTasks(events, thread, t0) {
  const ms = (us) => Math.round(us / 100) / 10;
  return events
    .filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.pid === thread.pid && e.tid === thread.tid && e.ts >= t0 && e.dur >= 30_000)
    .sort((a, b) => a.ts - b.ts)
    .map((t) => ({ at: ms(t.ts - t0), ms: ms(t.dur), ...kindsIn(events.filter((e) => e.pid === thread.pid && e.tid === thread.tid), t.ts, t.ts + t.dur), top: functionsIn(events, thread, [[t.ts, t.ts + t.dur]]).total.slice(0, 14).map((f) => `${f.fn} ${f.ms}`) }));
}

async function openPath(page, url, ready) {
  await page.goto(url);
  await page.waitForSelector(ready, { state: 'attached', timeout: 60_000 });
  await page.waitForTimeout(1500);
  return { openMs: NaN };
}

async function main() {
  const rate = Number(arg('rate', '1'));
  const opens = Number(arg('opens', '2'));
  const out = arg('out', null);
  const server = await appFromArgs();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: PLAYWRIGHT_ARGS, headless: true });
  try {
    const context = await browser.newContext({ viewport: VIEWPORT });
    await context.addInitScript(installProbes);
    const page = await context.newPage();
    if (process.argv.includes('--demo')) await openOnce(page, server.origin);
    else await seedLarge(page, server.origin);
    for (let i = 1; i < opens; i++) await openOnce(page, server.origin);
    const warm = arg('warm', null);
    if (warm) await openPath(page, server.origin + warm, arg('ready', '[data-testid="call"]'));
    const cdp = await context.newCDPSession(page);
    if (process.argv.includes('--cold')) {
      // As Lighthouse loads a page: no HTTP cache, no service worker, no Cache Storage (IndexedDB kept).
      await page.goto('about:blank');
      await cdp.send('Network.clearBrowserCache');
      await cdp.send('Storage.clearDataForOrigin', { origin: server.origin, storageTypes: 'service_workers,cache_storage' });
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    // 'loading' adds the LCP candidates (largestContentfulPaint::Candidate) to the marks.
    const stopTrace = await startTrace(cdp, [...CATEGORIES, 'loading']);
    const other = arg('path', null);
    const opened = other ? await openPath(page, server.origin + other, arg('ready', '[data-testid="call"]')) : await openOnce(page, server.origin);
    const events = await stopTrace();
    if (out) writeFileSync(out, JSON.stringify({ traceEvents: events }));
    const threads = events.filter((e) => e.name === 'thread_name');
    const mainNames = threads.filter((e) => e.args?.name === 'CrRendererMain');
    // The page's main thread is the one that ran the open's navigation and marks.
    const ready = events.find((e) => e.name === 'cadence:worklist-ready');
    const main = mainNames.find((e) => e.pid === ready?.pid) ?? mainThread(events);
    // The page's own navigation: others (about:blank, frames a library makes) have no document URL.
    const nav = events.filter((e) => e.name === 'navigationStart' && e.pid === main.pid && e.args?.data?.documentLoaderURL).sort((a, b) => a.ts - b.ts).at(-1);
    const t0 = nav?.ts ?? events.reduce((m, e) => (e.ts > 0 && e.ts < m ? e.ts : m), Infinity);
    const workers = threads.filter((e) => e.pid === main.pid && /Worker/.test(e.args?.name ?? ''));
    const marks = events
      .filter((e) => e.pid === main.pid && ((e.cat ?? '').includes('blink.user_timing') || e.name === 'largestContentfulPaint::Candidate' || e.name === 'firstContentfulPaint') && e.ts >= t0)
      .map((e) => ({ name: e.name, at: Math.round((e.ts - t0) / 100) / 10 }))
      .sort((a, b) => a.at - b.at);
    const end = ready ? ready.ts + 1 : Infinity;
    const report = {
      rate,
      openMs: Math.round(opened.openMs),
      marks,
      main: { longTasks: longTasks(events, main, t0), spans: busySpans(events, main, t0), top: functionsIn(events, main, [[t0, end]]).self.slice(0, 12) },
      workers: workers.map((w) => ({ name: w.args.name, spans: busySpans(events, w, t0), top: functionsIn(events, w, [[t0, end]]).self.slice(0, 12) })),
    };
    console.log(JSON.stringify(report, null, 1));
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
