/**
 * Command-line options of `npm run bench`. `--quick` trades repetitions for time; `--only` runs a subset of
 * the suites (comma-separated ids), which is handy while iterating on one figure.
 */
export const SUITE_IDS = ['size', 'lighthouse', 'worklist', 'call', 'idb', 'sync', 'coach', 'import', 'kpis'];

export function parseArgs(argv) {
  const opts = { quick: false, only: new Set(SUITE_IDS), help: false };
  for (const arg of argv) {
    if (arg === '--quick') opts.quick = true;
    else if (arg === '--help' || arg === '-h') opts.help = true;
    else if (arg.startsWith('--only=')) {
      const ids = arg.slice('--only='.length).split(',').filter(Boolean);
      const unknown = ids.filter((id) => !SUITE_IDS.includes(id));
      if (unknown.length) throw new Error(`unknown suite(s): ${unknown.join(', ')} (known: ${SUITE_IDS.join(', ')})`);
      opts.only = new Set(ids);
    } else throw new Error(`unknown option: ${arg} (try --help)`);
  }
  opts.reps = opts.quick
    ? { lighthouse: 1, open1x: 2, open4x: 1, idb: 2, idbBundles: 500, callSteps: 12, callKeys: 30, callCalls: 1, coachKeys: 300, kpis1x: 1, kpis4x: 1 }
    : { lighthouse: 3, open1x: 5, open4x: 3, idb: 5, idbBundles: 2000, callSteps: 30, callKeys: 80, callCalls: 3, coachKeys: 1000, kpis1x: 3, kpis4x: 2 };
  return opts;
}

export const USAGE = `npm run bench [-- --quick] [-- --only=${SUITE_IDS.join(',')}]
  --quick   fewer repetitions (about half the time)
  --only=   run only these suites (the app is built unless only sync runs)`;
