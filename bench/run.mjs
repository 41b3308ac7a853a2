/**
 * `npm run bench`: builds the app, measures it (sizes, Lighthouse, worklist at scale, IndexedDB cost),
 * prints a table and writes bench/results/<timestamp>.json and bench/results/latest.json.
 * See BENCHMARKS.md for what each figure means.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, USAGE } from './lib/args.mjs';
import { buildApp, ROOT } from './lib/build.mjs';
import { renderTable } from './lib/format.mjs';
import { runIdb } from './lib/idb.mjs';
import { runImport } from './lib/import.mjs';
import { kpisRows, runKpis } from './lib/kpis.mjs';
import { runLighthouse } from './lib/lighthouse.mjs';
import { describeMachine } from './lib/machine.mjs';
import { coachRows, idbRows, importRows, lighthouseRows, sizeRows, worklistRows } from './lib/rows.mjs';
import { runCoach } from './lib/coach.mjs';
import { serveApp } from './lib/server.mjs';
import { runSize } from './lib/size.mjs';
import { runWorklist } from './lib/worklist.mjs';
import { callLatencyRows, runCallLatency } from './call-latency.mjs';
import { runSync, syncRows } from './sync.mjs';

/**
 * The suites, in the order they run. `server: true` means it needs the app's preview server; `app: false`
 * that it does not need the built app at all (the team server's bench). A new figure is one more entry here.
 */
const SUITES = [
  { id: 'size', title: 'Size', server: true, run: runSize, rows: sizeRows },
  { id: 'lighthouse', title: 'Lighthouse (mobile)', server: true, run: (ctx) => runLighthouse({ ...ctx, runs: ctx.reps.lighthouse }), rows: lighthouseRows },
  { id: 'worklist', title: 'Worklist at scale', server: true, run: runWorklist, rows: worklistRows },
  { id: 'call', title: 'Call screen latency (390×844)', server: true, run: runCallLatency, rows: callLatencyRows },
  { id: 'idb', title: 'IndexedDB', server: false, run: runIdb, rows: idbRows },
  { id: 'sync', title: 'Team server sync (PostgreSQL 15)', server: false, app: false, run: runSync, rows: syncRows },
  { id: 'coach', title: '4 C coach (2,000-character recap)', server: false, run: runCoach, rows: coachRows },
  { id: 'import', title: 'Import of a 100,000-row aged balance (20,000 debtors)', server: true, run: runImport, rows: importRows },
  { id: 'kpis', title: 'KPIs at 50,000 debtors', server: true, run: runKpis, rows: kpisRows },
];

const log = (msg) => process.stderr.write(`${msg}\n`);

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`${err.message}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (opts.help) return console.log(USAGE);
  const startedAt = new Date();
  const t0 = performance.now();
  const machine = describeMachine();
  log(`cadence bench${opts.quick ? ' (quick)' : ''} — ${machine.nproc} CPU, ${machine.ramGiB} GiB, ${machine.chromium}, node ${machine.node}`);
  const tmpDir = mkdtempSync(path.join(os.tmpdir(), 'cadence-bench-'));
  const suites = SUITES.filter((s) => opts.only.has(s.id));
  const results = {};
  const errors = {};
  let server;
  try {
    let app;
    if (suites.some((s) => s.app !== false)) {
      log('building the app…');
      app = await buildApp();
      log(`  app built in ${app.ms} ms`);
    }
    if (suites.some((s) => s.server)) {
      server = await serveApp();
      log(`  preview at ${server.origin}`);
    }
    for (const suite of suites) {
      log(`${suite.title}…`);
      const s0 = performance.now();
      try {
        results[suite.id] = await suite.run({ app, origin: server?.origin, reps: opts.reps, tmpDir, log });
      } catch (err) {
        errors[suite.id] = err instanceof Error ? err.message : String(err);
        log(`  FAILED: ${errors[suite.id]}`);
      }
      log(`  (${((performance.now() - s0) / 1000).toFixed(0)} s)`);
    }
  } finally {
    await server?.close();
    rmSync(tmpDir, { recursive: true, force: true });
  }
  const sections = suites.map((s) => ({
    title: s.title,
    rows: errors[s.id] ? [['failed', '–', errors[s.id].split('\n')[0].slice(0, 120)]] : s.rows(results[s.id]),
  }));
  const durationS = Math.round((performance.now() - t0) / 1000);
  const report = { startedAt: startedAt.toISOString(), durationS, quick: opts.quick, reps: opts.reps, machine, results, errors, table: sections };
  const dir = path.join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  const json = `${JSON.stringify(report, null, 2)}\n`;
  writeFileSync(path.join(dir, `${stamp}.json`), json);
  writeFileSync(path.join(dir, 'latest.json'), json);
  console.log(`\n${renderTable(sections)}\n`);
  const warnings = suites.flatMap((s) => (results[s.id]?.warnings ?? []).map((w) => `${s.id}: ${w}`));
  if (warnings.length) console.log(`Warnings:\n${warnings.map((w) => `  - ${w}`).join('\n')}\n`);
  console.log(`Machine: ${machine.nproc} CPU (${machine.cpuModel}), ${machine.ramGiB} GiB RAM, load ${machine.loadAvg1m}; ${machine.chromium}; node ${machine.node}`);
  console.log(`Run took ${durationS} s${opts.quick ? ' (--quick)' : ''}. JSON: bench/results/${stamp}.json (and latest.json)`);
  if (Object.keys(errors).length) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
