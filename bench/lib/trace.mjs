/**
 * Reading a Chromium trace (CDP Tracing, devtools.timeline and the V8 sampling profiler) of the app's
 * production build, shared by bench/call-trace.mjs and bench/import-trace.mjs: which thread is the page's,
 * its CPU time, its time by kind (script, style, layout, paint, GC) and the functions with the most self time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build, preview } from 'vite';
import { ROOT } from './build.mjs';
import { freePort } from './server.mjs';

export const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'v8.execute',
  'blink.user_timing',
  'disabled-by-default-v8.cpu_profiler',
  'disabled-by-default-v8.gc',
];

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

export function mainThread(events) {
  const named = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.name === 'EventDispatch'));
  return named ? { pid: named.pid, tid: named.tid } : null;
}

/**
 * The main thread's CPU time (thread time, `tdur`) in the tasks that ran inside [from, to], in ms. Thread time
 * leaves out what throttling and other processes on the machine added to the wall clock: it compares two
 * builds measured on a busy machine (it counts the 1× cost whatever the throttling rate).
 */
export function cpuIn(events, from, to) {
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.ts >= from && e.ts <= to && e.tdur !== undefined);
  return Math.round(tasks.reduce((sum, e) => sum + e.tdur, 0) / 100) / 10;
}

/** Self time per kind inside [from, to] (µs), complete events only, nesting resolved by subtracting children. */
export function kindsIn(events, from, to) {
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

export function functionsIn(events, main, windows) {
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

export async function serveBuilt(outDir) {
  const port = await freePort();
  const server = await preview({ root: ROOT, configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port, strictPort: true } });
  return { origin: `http://127.0.0.1:${port}`, close: () => server.close() };
}

export async function serveUnminified(keep) {
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


/** `--name=value` from the command line, or `fallback`. */
export const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;

/**
 * The app to trace, from the command line: `--origin=URL` as it is, `--serve=BUILT_DIR` served, or else an
 * unminified build (kept in `--dist=DIR` when given) served, so profiles name functions as written.
 */
export async function appFromArgs() {
  const given = arg('origin', null);
  if (given) return { origin: given, close: async () => undefined };
  const served = arg('serve', null);
  return served ? serveBuilt(served) : serveUnminified(arg('dist', undefined));
}

/** Starts a CDP trace of `categories`; the function it resolves with ends it and resolves with its events. */
export async function startTrace(cdp, categories = CATEGORIES) {
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: categories }, transferMode: 'ReportEvents' });
  return async () => {
    await cdp.send('Tracing.end');
    await done;
    return events;
  };
}
