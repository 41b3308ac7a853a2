/**
 * The `sync` suite: runs bench/sync/run-sync.ts (TypeScript, through tsx, as the server itself runs) in a child
 * process and reads the JSON line it prints last. Needs PostgreSQL 15's binaries, not the built app.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export function runSync({ log }) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/sync/run-sync.ts'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => {
      err += c;
      for (const line of String(c).split('\n').filter(Boolean)) log(line);
    });
    child.on('exit', (code) => {
      const last = out.trim().split('\n').at(-1);
      if (code !== 0 || !last) return reject(new Error(`sync bench exited ${code}: ${err.split('\n').slice(-5).join(' ')}`));
      resolve(JSON.parse(last));
    });
  });
}

const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(0)} ms` : '–');

export function syncRows(r) {
  const load = (x) => [
    [`${x.label}: mutations/s`, `${x.mutationsPerSecond.toFixed(0)}`, `${r.agents} agents × ${r.mutationsPerAgent}, pushes of ${x.batch}, ${x.seconds.toFixed(1)} s`],
    [`${x.label}: push p50 / p95`, `${ms(x.pushMs.p50)} / ${ms(x.pushMs.p95)}`, `one push of ${x.batch} mutations, request → reply; max ${ms(x.pushMs.max)}`],
    [`${x.label}: propagation p50 / p95`, `${ms(x.propagationMs.p50)} / ${ms(x.propagationMs.p95)}`, `push sent → another device holds it (SSE poke + pull); n=${x.propagationMs.n}${x.notPropagated ? `, ${x.notPropagated} never arrived` : ''}`],
    [`${x.label}: written → other device p50 / p95`, `${ms(x.writeToOtherDeviceMs.p50)} / ${ms(x.writeToOtherDeviceMs.p95)}`, 'the row written in PostgreSQL → another device holds it (NOTIFY, SSE, pull)'],
    [`${x.label}: server memory (RSS)`, `${x.serverRssMiB.peak.toFixed(0)} MiB`, `peak, all server processes summed; ${x.serverRssMiB.end.toFixed(0)} MiB at the end`],
  ];
  return [
    ...load(r.oneServer),
    ...load(r.twoServers),
    ...r.pull.runs.map((p) => [`New device pulls ${r.pull.debtors} debtors`, `${(p.ms / 1000).toFixed(1)} s`, `pages of ${p.limit} (${p.pages} pulls), ${(p.bytes / 1e6).toFixed(1)} MB of rows`]),
    ...(r.pull.app
      ? [[`New device pulls ${r.pull.debtors} debtors into the app's store`, `${(r.pull.app.ms / 1000).toFixed(1)} s`, `the app's sync engine, pages of ${r.pull.app.limit} each applied in one transaction with summaries rebuilt; store = fake-indexeddb in node`]]
      : []),
  ];
}
