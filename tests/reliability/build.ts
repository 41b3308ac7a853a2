/**
 * Builds the two extra pages the reliability suite serves beside the app (see ./pages): the fixture-database
 * page, copied into the app's build so it shares the app's origin (IndexedDB is per origin), and the app as its
 * next release would ship it (one more database version), for the old-tab upgrade test.
 *
 * Vite runs as a child process without vitest's environment: with NODE_ENV=test a production build would
 * drop the service worker registration (the pitfall tests/e2e/preview.ts documents).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const VITE_BIN = join(ROOT, 'node_modules/vite/bin/vite.js');

/** Where the fixture page lands inside the app's build, and the URL path it answers on. */
export const FIXTURE_PAGE_PATH = '/__reliability/fixture-db/';

function viteEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
  for (const key of Object.keys(env)) if (key === 'NODE_ENV' || key === 'TEST' || key.startsWith('VITEST')) delete env[key];
  return env;
}

function vite(args: string[]): Promise<void> {
  let output = '';
  const child = spawn(process.execPath, [VITE_BIN, ...args], { cwd: ROOT, env: viteEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite ${args.join(' ')} failed (exit ${code}):\n${output}`))));
  });
}

/** The fixture page, into `<appDist>/__reliability/fixture-db/` (built after the app: not in its precache). */
export function buildFixturePage(appDist: string): Promise<void> {
  const root = join(ROOT, 'tests/reliability/pages/fixture-db');
  const outDir = join(appDist, FIXTURE_PAGE_PATH);
  return vite(['build', root, '--config', join(root, 'vite.config.ts'), '--outDir', outDir, '--emptyOutDir', '--base', FIXTURE_PAGE_PATH, '--logLevel', 'warn']);
}

/** The app with one more database version (tests/reliability/pages/next-release), into `outDir`. */
export function buildNextRelease(outDir: string): Promise<void> {
  const config = join(ROOT, 'tests/reliability/pages/next-release/vite.config.ts');
  return vite(['build', '--config', config, '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn']);
}
