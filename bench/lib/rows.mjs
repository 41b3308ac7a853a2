/**
 * Table rows for each suite's result. A suite that did not run or failed prints its error, never a
 * made-up figure.
 */
import { int, kb, ms, ratio } from './format.mjs';
import { countOver } from './stats.mjs';

export function sizeRows(r) {
  const fs = r.firstScreen;
  return [
    ['First-screen JS, returning visit, worker included (gzip -9)', kb(fs.gzip), `${fs.files.length} scripts fetched by the worklist, each once; ${kb(fs.workerGzip)} of them imported by the worker (${fs.workerFiles} file(s)); aim ≤ 60 KB`],
    ['First-screen JS, floor (gzip -9)', kb(r.floor.js.gzip), 'the bare libraries below: the same figure for an app with no code of its own'],
    ['First-screen JS, app / floor', ratio(fs.gzip / r.floor.js.gzip), `app code and what it uses of the libraries: ${kb(fs.gzip - r.floor.js.gzip)} over the floor`],
    ['First-load JS, app (gzip -9)', kb(r.app.js.gzip), `${r.app.js.files.length} file(s), ${kb(r.app.js.raw)} raw`],
    ['First-load JS, floor (gzip -9)', kb(r.floor.js.gzip), `bare libraries, one call each; ${kb(r.floor.js.raw)} raw`],
    ['First-load JS, app: who', '', r.app.js.composition.slice(0, 5).map((c) => `${c.name} ${c.share}%`).join(', ')],
    ['First-load JS, app / floor', ratio(r.app.js.gzip / r.floor.js.gzip), `app code costs ${kb(r.app.js.gzip - r.floor.js.gzip)} over the floor`],
    ['First-load CSS, app (gzip -9)', kb(r.app.css.gzip), `${r.app.css.files.length} file(s)`],
    ['Precache (service worker)', kb(r.precache.raw), `${r.precache.entries} entries, ${kb(r.precache.gzip)} gzip`],
    ['All emitted JS, app (gzip -9)', kb(r.appAllJs.gzip), `${r.appAllJs.count} chunks, lazy ones included`],
  ];
}

export function lighthouseRows(r) {
  return r.pages.flatMap((p) => [
    [`Lighthouse ${p.id}: perf / a11y / best practices`, `${int(p.performance)} / ${int(p.accessibility)} / ${int(p.bestPractices)}`, `mobile, simulated throttling, median of ${p.runs}`],
    [`Lighthouse ${p.id}: LCP`, ms(p.lcpMs), `FCP ${ms(p.fcpMs)}`],
    [`Lighthouse ${p.id}: TBT`, ms(p.tbtMs), ''],
  ]);
}

export function worklistRows(r) {
  const stored = `${r.seed.stored.debtors} debtors / ${r.seed.stored.invoices} invoices stored`;
  const rows = [['Large seed (?demo=large)', ms(r.seed.ms), `fresh profile, 1×; ${stored}, ${r.seed.count} overdue rows listed`]];
  for (const run of r.runs) {
    const x = `${run.rate}×`;
    rows.push([`Worklist open, ${x} CPU`, ms(run.open.median), `median of ${run.open.n}, max ${ms(run.open.max)}, ${run.rows} rows`]);
    rows.push([`Longest task while opening, ${x}`, ms(run.openLongestTaskMs), 'median over the opens']);
    for (const [kind, s] of Object.entries(run.searches)) {
      const over = countOver(s.latencies, run.searchAimMs);
      const queries = s.queries.map((q) => `"${q.slice(0, 16)}"`).join(', ');
      rows.push([`Search keystroke (${kind}), ${x}: p50 / p95`, `${ms(s.stats.p50)} / ${ms(s.stats.p95)}`, `${queries}: ${s.latencies.length} keys, ${over} over ${run.searchAimMs} ms${s.misses.length ? `, ${s.misses.length} without a result mark` : ''}`]);
    }
    rows.push([`Longest task while searching, ${x}`, ms(run.searchLongestTaskMs), '']);
  }
  return rows;
}

export function idbRows(r) {
  return [
    [`putBundles, ${r.bundles} bundles (repository)`, ms(r.repo.median), `${r.records} records, median of ${r.repo.n}`],
    ['Raw idb puts, same records', ms(r.raw.median), 'one transaction, same stores and indexes'],
    ['Repository / raw idb', ratio(r.ratio), `ratio of medians; pairs ${ratio(Math.min(...r.pairRatios.samples))}–${ratio(r.pairRatios.max)}`],
  ];
}

export function coachRows(r) {
  return r.runs.flatMap((run) => [
    [`4 C coach per keystroke, recap, ${run.rate}×: p50 / p95`, `${ms(run.recap.p50)} / ${ms(run.recap.p95)}`, `${run.chars} characters, ${run.hints} hints, ${run.recap.n} keys; target p95 ≤ 5 ms at 1×`],
    [`4 C coach per keystroke, notes, ${run.rate}×: p50 / p95`, `${ms(run.notes.p50)} / ${ms(run.notes.p95)}`, 'same text, the notes rules'],
  ]);
}

const cpu = (s) => (s == null ? '–' : `${s.toFixed(1)} s`);
/** The longtask API reports only tasks of 50 ms or more: 0 means none was seen. */
const task = (x) => (x === 0 ? '< 50 ms' : ms(x));

export function importRows(r) {
  return r.runs.flatMap((run) => {
    const x = `${run.rate}×`;
    return [
      [`Import read + plan, ${x} CPU`, ms(run.readPlanMs), `${r.rows} rows, ${r.debtors} debtors: file chosen → plan shown (read and planned in the worker); Chromium CPU ${cpu(run.readPlanCpuS)}`],
      [`Import commit, ${x} CPU`, ms(run.commitMs), `click → done: the one transaction that writes every record; Chromium CPU ${cpu(run.commitCpuS)}; target ≤ 10 s at 1×`],
      [`Import longest main-thread task, ${x}`, task(run.longestTaskMs), `read, plan and commit; during the commit alone ${task(run.commitLongestTaskMs)}; target ≤ 50 ms`],
      ...(run.newer
        ? [
            [`Import of a newer file, read + plan, ${x} CPU`, ms(run.newer.readPlanMs), `the same rows but the last tenth (paid since) over the import above: ${run.newer.planText ?? ''}; Chromium CPU ${cpu(run.newer.readPlanCpuS)}`],
            [`Import of a newer file, commit, ${x} CPU`, ms(run.newer.commitMs), `invoices closed, payments written, the touched debtors' promises and summaries rebuilt; Chromium CPU ${cpu(run.newer.commitCpuS)}; longest task ${task(run.newer.longestTaskMs)}`],
          ]
        : []),
    ];
  });
}
