/**
 * `npm test`: typecheck (app and team server), unit tests, the team server's tests against a throwaway
 * PostgreSQL cluster, the end-to-end suite in Debian Chromium, then the reliability suite at
 * reduced counts (R1 3 kills, R3 1 close per delay, R10 4 trials, R11 2 kills, R12 1 kill of a 1,000-mutation
 * push; `npm run test:reliability` runs the full counts, and the R* variables set by the caller win). Every stage runs even
 * when an earlier one failed, so one run shows everything that is wrong. The last line printed is always
 * `N passed, N failed` alone (CI reads it); the exit code is non-zero when anything failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './e2e/chromium.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
const VITEST = join(ROOT, 'node_modules/vitest/vitest.mjs');
const ENV = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
const MINUTE = 60_000;
const reportDir = mkdtempSync(join(tmpdir(), 'cadence-test-'));

/** @typedef {{ name: string, passed: number, failed: number, skipped: number, seconds: number, notes: string[] }} Stage */
/** @type {Stage[]} */
const stages = [];

function banner(text) {
  console.log(`\n=== ${text} ===\n`);
}

/**
 * Runs a command with streamed output (or captured, then printed, when `capture`); a stage never hangs CI
 * beyond its time budget.
 */
function run(args, timeoutMs, capture = false, env = ENV) {
  const started = Date.now();
  const stdio = capture ? ['ignore', 'pipe', 'pipe'] : 'inherit';
  const result = spawnSync(process.execPath, args, { cwd: ROOT, env, stdio, timeout: timeoutMs, encoding: 'utf8' });
  if (capture) process.stdout.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
  const seconds = (Date.now() - started) / 1000;
  const timedOut = result.error?.code === 'ETIMEDOUT' || (result.signal !== null && result.status === null);
  return { status: result.status, timedOut, seconds, output: capture ? `${result.stdout ?? ''}` : '' };
}

function typecheck() {
  banner('typecheck: tsc --noEmit -p tsconfig.json, then -p server/tsconfig.json, then -p tsconfig.sync-client.json');
  const app = run([TSC, '--noEmit', '-p', 'tsconfig.json'], 5 * MINUTE, true);
  const server = run([TSC, '--noEmit', '-p', 'server/tsconfig.json'], 5 * MINUTE, true);
  // The app's sync engine against the server (server/test/sync-client.test.ts): browser and node libs together.
  const client = run([TSC, '--noEmit', '-p', 'tsconfig.sync-client.json'], 5 * MINUTE, true);
  const ok = app.status === 0 && server.status === 0 && client.status === 0;
  const errors = `${app.output}\n${server.output}\n${client.output}`.split('\n').filter((line) => line.includes('error TS'));
  const timedOut = app.timedOut || server.timedOut || client.timedOut;
  const notes = ok ? [] : timedOut ? ['tsc timed out'] : [`${errors.length} type error(s), first ones:`, ...errors.slice(0, 5)];
  stages.push({ name: 'typecheck', passed: 0, failed: ok ? 0 : 1, skipped: 0, seconds: app.seconds + server.seconds + client.seconds, notes });
}

const INITDB = '/usr/lib/postgresql/15/bin/initdb';

/** The team server against a real PostgreSQL 15 that its tests start themselves (server/test/global-setup.ts). */
function serverStage() {
  if (!existsSync(process.env.PG_BIN ? join(process.env.PG_BIN, 'initdb') : INITDB)) {
    stages.push({ name: 'server', passed: 0, failed: 1, skipped: 0, seconds: 0, notes: ['PostgreSQL 15 missing: sudo apt-get install -y postgresql'] });
    return;
  }
  vitestStage('server', 'server: vitest -c vitest.server.config.ts (PostgreSQL 15)', ['-c', 'vitest.server.config.ts'], 5 * MINUTE);
}

/** Reads vitest's JSON report; a file that failed to load or a crash counts as one failure each. */
function countVitest(reportFile, status, timedOut) {
  const notes = [];
  if (!existsSync(reportFile)) {
    notes.push(timedOut ? 'timed out before reporting' : `vitest exited ${status} without a report`);
    return { passed: 0, failed: 1, skipped: 0, notes };
  }
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  let failed = report.numFailedTests ?? 0;
  for (const file of report.testResults ?? []) {
    const where = relative(ROOT, file.name);
    const failures = (file.assertionResults ?? []).filter((a) => a.status === 'failed');
    for (const a of failures) notes.push(`FAIL ${where} > ${a.fullName ?? a.title}`);
    if (file.status === 'failed' && failures.length === 0) {
      failed += 1;
      notes.push(`FAIL ${where} (file failed to run: ${String(file.message ?? '').split('\n')[0]})`);
    }
  }
  if (timedOut) {
    failed += 1;
    notes.push('timed out');
  } else if (status !== 0 && failed === 0) {
    failed = 1;
    notes.push(`vitest exited ${status}: setup failed, an unhandled error, or no test found (see output above)`);
  }
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  return { passed: report.numPassedTests ?? 0, failed, skipped, notes };
}

function vitestStage(name, title, extraArgs, timeoutMs, env = ENV) {
  banner(title);
  const reportFile = join(reportDir, `${name}.json`);
  const args = [VITEST, 'run', ...extraArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`];
  const r = run(args, timeoutMs, false, env);
  stages.push({ name, ...countVitest(reportFile, r.status, r.timedOut), seconds: r.seconds });
}

function e2e() {
  banner('e2e: Debian Chromium');
  if (!ensureChromium()) {
    stages.push({ name: 'e2e', passed: 0, failed: 1, skipped: 0, seconds: 0, notes: ['Chromium missing: sudo apt-get install -y chromium'] });
    return;
  }
  vitestStage('e2e', 'e2e: vitest -c vitest.e2e.config.ts', ['-c', 'vitest.e2e.config.ts'], 12 * MINUTE);
}

/** The reduced counts keep every reliability test in CI; a caller's own R* settings win. */
const QUICK_RELIABILITY = { R1_TRIALS: '3', R3_REPEATS: '1', R10_TRIALS: '4', R11_ROWS: '10000', R11_TRIALS: '2', R12_TRIALS: '1' };

function reliability() {
  if (!ensureChromium()) {
    stages.push({ name: 'reliability', passed: 0, failed: 1, skipped: 0, seconds: 0, notes: ['Chromium missing: sudo apt-get install -y chromium'] });
    return;
  }
  const env = { ...ENV, ...QUICK_RELIABILITY, ...Object.fromEntries(Object.keys(QUICK_RELIABILITY).filter((k) => process.env[k]).map((k) => [k, process.env[k]])) };
  vitestStage('reliability', 'reliability (quick counts): vitest -c vitest.reliability.config.ts', ['-c', 'vitest.reliability.config.ts'], 8 * MINUTE, env);
}

typecheck();
vitestStage('unit', 'unit: vitest run', [], 6 * MINUTE);
serverStage();
e2e();
reliability();
rmSync(reportDir, { recursive: true, force: true });

banner('summary');
for (const s of stages) {
  const counts = s.name === 'typecheck' ? (s.failed ? 'FAILED' : 'ok') : `${s.passed} passed, ${s.failed} failed${s.skipped ? `, ${s.skipped} skipped` : ''}`;
  console.log(`${s.name.padEnd(12)} ${counts.padEnd(34)} ${s.seconds.toFixed(1)} s`);
  for (const note of s.notes) console.log(`    ${note}`);
}
const passed = stages.reduce((n, s) => n + s.passed, 0);
const failed = stages.reduce((n, s) => n + s.failed, 0);
console.log('');
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
