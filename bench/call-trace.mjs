/**
 * Where a call-screen step transition spends its time: a Chromium trace (CDP Tracing, devtools.timeline and
 * the V8 sampling profiler) of step transitions at 4× CPU throttling, the same keys and page as
 * bench/call-latency.mjs, summarised per transition: main-thread time by kind (script, style, layout, paint,
 * GC) and the functions with the most self time over all transitions.
 *
 *   node bench/call-trace.mjs [--rate=4] [--steps=20] [--origin=URL | --serve=BUILT_DIR] [--out=trace.json] [--dist=DIR]
 *     [--each=N] [--categories=fonts,blink] [--gap=100]
 *
 * Without --origin it builds the app unminified into a temporary folder (so the profile names functions as
 * written) and serves it. It prints JSON on stdout; --out also keeps the raw trace for chrome://tracing or the
 * DevTools Performance panel; --dist keeps the unminified build there, to read the lines the profile names.
 */
import { chromium } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import { CHROMIUM_PATH, PLAYWRIGHT_ARGS } from './lib/chromium.mjs';
import { appFromArgs, arg, CATEGORIES, cpuIn, functionsIn, kindsIn, mainThread, startTrace } from './lib/trace.mjs';
import { newCallPage, stepKeys, timeKey } from './call-latency.mjs';


async function main() {
  const rate = Number(arg('rate', '4'));
  const count = Number(arg('steps', '20'));
  const gap = Number(arg('gap', '100'));
  const out = arg('out', null);
  const server = await appFromArgs();
  const origin = server.origin;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: PLAYWRIGHT_ARGS, headless: true });
  try {
    const { page, cdp } = await newCallPage(browser, origin, rate);
    // --categories=a,b adds trace categories (fonts, blink, …) to look closer at one kind of work.
    const extra = arg('categories', '').split(',').filter(Boolean);
    const stopTrace = await startTrace(cdp, [...CATEGORIES, ...extra]);
    const keys = [];
    for (const { key, expected } of stepKeys(count)) {
      const ms = await timeKey(page, key, 'cadence:call-step-painted');
      await page.waitForSelector(`[data-testid="call"][data-step="${expected}"]`);
      keys.push({ key, to: expected, ms: Math.round(ms * 10) / 10 });
      // --gap=0 presses the next key at once, as bench/call-latency.mjs does (work scheduled after a paint
      // then competes with the next key); the default leaves the page 100 ms between keys.
      if (gap > 0) await page.waitForTimeout(gap);
    }
    const events = await stopTrace();
    if (out) writeFileSync(out, JSON.stringify({ traceEvents: events }));
    const main = mainThread(events);
    const mine = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid);
    // Each transition's window: its keydown's EventDispatch → the step-painted mark after it.
    // Ctrl+Enter is two keydowns (Control, then Enter): a window starts at the first keydown after the last mark.
    const dispatches = mine.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown').sort((a, b) => a.ts - b.ts);
    const marks = events.filter((e) => e.name === 'cadence:call-step-painted').sort((a, b) => a.ts - b.ts);
    const windows = [];
    for (const mark of marks) {
      const from = windows.at(-1)?.[1] ?? -Infinity;
      const first = dispatches.find((d) => d.ts > from && d.ts < mark.ts);
      if (first) windows.push([first.ts, mark.ts]);
    }
    const transitions = windows.map(([a, b], i) => ({ ...keys[i], window: Math.round((b - a) / 100) / 10, cpu: cpuIn(mine, a, b), ...kindsIn(mine, a, b) }));
    const cpu = transitions.map((t) => t.cpu).sort((x, y) => x - y);
    const at = (p) => cpu[Math.min(cpu.length - 1, Math.ceil((p / 100) * cpu.length) - 1)];
        // --each=N: the functions of the first N transitions one by one (the first ones run cold code).
    const each = windows.slice(0, Number(arg('each', '0'))).map((w) => functionsIn(events, main, [w]).self.slice(0, 15));
    console.log(JSON.stringify({ rate, cpu: { p50: at(50), p95: at(95), max: cpu.at(-1) }, transitions, functions: main ? functionsIn(events, main, windows) : null, each }, null, 1));
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
