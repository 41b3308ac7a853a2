import assert from 'node:assert/strict';
import { test } from 'node:test';
import { callLatencyRows } from '../call-latency.mjs';
import { worklistRows } from './rows.mjs';
import { summarize } from './stats.mjs';

const stats = (samples) => summarize(samples);

test('callLatencyRows: the step pooled over its calls, keys over the aim counted for the app and the floor, first keys call by call', () => {
  // Three calls of 30 keys: 4 keys over 16 ms in all, 2 of them among a call's first five.
  const calls = [0, 1, 2].map((c) => Array.from({ length: 30 }, (_, i) => (c === 0 && i === 1 ? 18 : c === 2 && i === 2 ? 19 : c === 1 && (i === 10 || i === 20) ? 17 : 6 + (i % 3))));
  const floor = Array.from({ length: 90 }, (_, i) => (i === 40 ? 20 : 3));
  const run = {
    rate: 1,
    aimMs: 16,
    calls: 3,
    step: stats(calls.flat()),
    openings: calls.map((keys) => keys.slice(0, 5)),
    settled: stats(calls.flatMap((keys) => keys.slice(5))),
    floor: stats(floor),
    note: stats([5, 6, 7]),
  };
  const rows = callLatencyRows({ runs: [run] });
  const step = rows.find(([figure]) => figure === 'step transition 1× (p50 / p95)');
  assert.match(step[2], /3 calls × 30 keys, n=90; 4 of 90 over 16 ms \(floor: 1 of 90 over 16 ms\)/);
  // The fifth worst of 90: one call's 30 keys would have put its second worst (17 ms) there.
  assert.equal(step[1].split(' / ')[1], '8.0 ms');
  const first = rows.find(([figure]) => figure === 'step, first 5 keys after opening 1×');
  assert.equal(first[1], '6/18/8/6/7 · 6/7/8/6/7 · 6/7/19/6/7 ms');
  assert.ok(rows.some(([figure, , note]) => figure === 'step, keys 6–30 1× (p50 / p95)' && note.endsWith('n=75')));
});

test('worklistRows: each kind of search pooled over its queries, keys over the aim counted', () => {
  const search = (queries, latencies) => ({ queries, latencies, misses: [], stats: stats(latencies) });
  const run = {
    rate: 4,
    searchAimMs: 50,
    open: stats([900, 1000, 1100]),
    openLongestTaskMs: 0,
    rows: 41516,
    searches: {
      company: search(['Électricité Brunet Frères SASU', 'Cave Roy'], [20, 55, 30, 60, 12]),
      invoice: search(['FA-2026-100001'], [10, 11]),
    },
    searchLongestTaskMs: 0,
  };
  const rows = worklistRows({ seed: { ms: 20000, count: 41516, stored: { debtors: 50000, invoices: 200000 } }, runs: [run] });
  const company = rows.find(([figure]) => figure === 'Search keystroke (company), 4×: p50 / p95');
  assert.equal(company[2], '"Électricité Brun", "Cave Roy": 5 keys, 2 over 50 ms');
  const invoice = rows.find(([figure]) => figure === 'Search keystroke (invoice), 4×: p50 / p95');
  assert.equal(invoice[2], '"FA-2026-100001": 2 keys, 0 over 50 ms');
});
