/**
 * `npm run test:reliability`: Chromium check, then the reliability suite at its full counts (R1 20 kills,
 * R3 3 closes per case, R10 12 trials, R11 3 kills of a 100,000-row import, R12 5 kills of a 1,000-mutation push
 * to the team server; override with R1_TRIALS, R3_REPEATS, R10_TRIALS, R11_ROWS, R11_TRIALS, R12_TRIALS,
 * R12_MUTATIONS, R1_SEED, R11_SEED, R12_SEED). Extra
 * arguments go to vitest, e.g. a file name to run one test.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from '../e2e/chromium.mjs';

if (!ensureChromium()) process.exit(1);
const root = fileURLToPath(new URL('../..', import.meta.url));
const vitest = fileURLToPath(new URL('../../node_modules/vitest/vitest.mjs', import.meta.url));
const result = spawnSync(process.execPath, [vitest, 'run', '-c', 'vitest.reliability.config.ts', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NO_COLOR: '1' },
});
process.exit(result.status ?? 1);
