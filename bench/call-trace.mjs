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
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build, preview } from 'vite';
import { CHROMIUM_PATH, PLAYWRIGHT_ARGS } from './lib/chromium.mjs';
import { ROOT } from './lib/build.mjs';
import { freePort } from './lib/server.mjs';
import { installCallProbes, openCall, stepKeys, timeKey, VIEWPORT } from './call-latency.mjs';

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'v8.execute',
  'blink.user_timing',
  'disabled-by-default-v8.cpu_profiler',
  'disabled-by-default-v8.gc',
];

const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;

/** Main-thread time by kind: top-level trace events of the renderer's main thread, by name. */
const KIND = {
  EventDispatch: 'script',
  FunctionCall: 'script',
  EvaluateScript: 'script',
  TimerFire: 'script',
  FireAnimationFrame: 'script',
  RunMicrotasks: 'script',
  'V8.Execute': 'script',
  UpdateLayoutTree: 'style',
  RecalculateStyles: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  UpdateLayer: 'paint',
  CompositeLayers: 'paint',
  Commit: 'paint',
  MinorGC: 'gc',
  MajorGC: 'gc',
  'V8.GC_SCAVENGER': 'gc',
  'V8.GC_MARK_COMPACTOR': 'gc',
  BlinkGC: 'gc',
};

function mainThread(events) {
  const named = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.name === 'EventDispatch'));
  return named ? { pid: named.pid, tid: named.tid } : null;
}

/**
 * The main thread's CPU time (thread time, `tdur`) in the tasks that ran inside [from, to], in ms. Thread time
 * leaves out what throttling and other processes on the machine added to the wall clock: it compares two
 * builds measured on a busy machine (it counts the 1× cost whatever the throttling rate).
 */
function cpuIn(events, from, to) {
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.ts >= from && e.ts <= to && e.tdur !== undefined);
  return Math.round(tasks.reduce((sum, e) => sum + e.tdur, 0) / 100) / 10;
}

/** Self time per kind inside [from, to] (µs), complete events only, nesting resolved by subtracting children. */
function kindsIn(events, from, to) {
  const spans = events.filter((e) => e.ph === 'X' && e.ts >= from && e.ts <= to && KIND[e.name]).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const totals = {};
  const stack = [];
  for (const e of spans) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    const parent = stack.at(-1);
    const kind = KIND[e.name];
    totals[kind] = (totals[kind] ?? 0) + e.dur;
    // Time counted in a child is not its parent's own (a Layout forced inside a FunctionCall is layout).
    if (parent) totals[KIND[parent.name]] -= e.dur;
    stack.push(e);
  }
  return Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, Math.round(v / 100) / 10]));
}

/**
 * Self time per function from the V8 sampling profile inside the windows. `Profile` is written on the thread
 * it profiles and its `ProfileChunk`s (same id) on the profiler's thread: keep the main thread's profile.
 */
const nameOf = (frame) => `${frame.functionName || '(anonymous)'}${frame.url ? ` ${path.basename(frame.url)}:${frame.lineNumber + 1}` : ''}`;

function functionsIn(events, main, windows) {
  const head = events.find((e) => e.name === 'Profile' && e.pid === main.pid && e.tid === main.tid);
  if (!head) return { self: [], total: [] };
  const nodes = new Map();
  const parents = new Map();
  const self = new Map();
  const total = new Map();
  let ts = head.args.data.startTime;
  const chunks = events.filter((e) => e.name === 'ProfileChunk' && e.pid === main.pid && e.id === head.id).sort((a, b) => a.ts - b.ts);
  for (const chunk of chunks) {
    const data = chunk.args.data;
    for (const n of data.cpuProfile?.nodes ?? []) {
      nodes.set(n.id, n.callFrame);
      if (n.parent !== undefined) parents.set(n.id, n.parent);
    }
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      ts += deltas[i] ?? 0;
      if (!windows.some(([a, b]) => ts >= a && ts <= b)) continue;
      if (!nodes.has(samples[i])) continue;
      // A sample stands for the time until the next one.
      const us = Math.max(0, deltas[i + 1] ?? 0);
      self.set(samples[i], (self.get(samples[i]) ?? 0) + us);
      const seen = new Set();
      for (let id = samples[i]; id !== undefined; id = parents.get(id)) {
        const name = nameOf(nodes.get(id));
        if (seen.has(name)) continue;
        seen.add(name);
        total.set(name, (total.get(name) ?? 0) + us);
      }
    }
  }
  const bySelf = new Map();
  for (const [id, us] of self) bySelf.set(nameOf(nodes.get(id)), (bySelf.get(nameOf(nodes.get(id))) ?? 0) + us);
  const top = (m) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, 150).map(([fn, us]) => ({ fn, ms: Math.round(us / 100) / 10 }));
  return { self: top(bySelf), total: top(total) };
}

async function serveBuilt(outDir) {
  const port = await freePort();
  const server = await preview({ root: ROOT, configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port, strictPort: true } });
  return { origin: `http://127.0.0.1:${port}`, close: () => server.close() };
}

async function serveUnminified(keep) {
  const outDir = keep ?? mkdtempSync(path.join(os.tmpdir(), 'cadence-trace-'));
  await build({ root: ROOT, configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir, minify: false, emptyOutDir: true } });
  const port = await freePort();
  const server = await preview({ root: ROOT, configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port, strictPort: true } });
  return { origin: `http://127.0.0.1:${port}`, close: async () => {
      await server.close();
      if (!keep) rmSync(outDir, { recursive: true, force: true });
    },
  };
}

async function main() {
  const rate = Number(arg('rate', '4'));
  const count = Number(arg('steps', '20'));
  const gap = Number(arg('gap', '100'));
  const out = arg('out', null);
  const given = arg('origin', null);
  const served = arg('serve', null);
  const server = given ? null : served ? await serveBuilt(served) : await serveUnminified(arg('dist', undefined));
  const origin = given ?? server.origin;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: PLAYWRIGHT_ARGS, headless: true });
  try {
    const context = await browser.newContext({ viewport: VIEWPORT });
    await context.addInitScript(installCallProbes);
    const page = await context.newPage();
    await openCall(page, origin);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const events = [];
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
    const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    // --categories=a,b adds trace categories (fonts, blink, …) to look closer at one kind of work.
    const extra = arg('categories', '').split(',').filter(Boolean);
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: [...CATEGORIES, ...extra] }, transferMode: 'ReportEvents' });
    const keys = [];
    for (const { key, expected } of stepKeys(count)) {
      const ms = await timeKey(page, key, 'cadence:call-step-painted');
      await page.waitForSelector(`[data-testid="call"][data-step="${expected}"]`);
      keys.push({ key, to: expected, ms: Math.round(ms * 10) / 10 });
      // --gap=0 presses the next key at once, as bench/call-latency.mjs does (work scheduled after a paint
      // then competes with the next key); the default leaves the page 100 ms between keys.
      if (gap > 0) await page.waitForTimeout(gap);
    }
    await cdp.send('Tracing.end');
    await done;
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
    await server?.close();
  }
}

await main();
