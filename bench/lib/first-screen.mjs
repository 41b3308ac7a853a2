/**
 * What the worklist really fetches on a returning visit, measured in Chromium rather than read off the chunk
 * graph: every script the page and its workers request from navigation until the worklist is ready and the
 * network has gone quiet (the worklist worker, its imports, the lazy rows, translations and workbox-window
 * included). Each distinct file counts once, gzipped at level 9 from dist/, whoever fetched it: a library
 * shared by the page and the worker is downloaded once, one imported twice under two names counts twice.
 *
 * The profile is seeded by a first visit (demo data stored, as on an agent's second morning); the service
 * worker is blocked so every script crosses the network and is seen, as on a visit after an update.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, PLAYWRIGHT_ARGS } from './chromium.mjs';
import { gzipSize } from './first-load.mjs';

/** Quiet time after the ready mark before the list of fetched scripts is closed. */
const QUIET_MS = 1_500;
const VIEWPORT = { width: 390, height: 844 };

const isReady = () => performance.getEntriesByName('cadence:worklist-ready').length > 0;

/** `/assets/x.js` → `assets/x.js` for a same-origin script, undefined otherwise. */
export function assetPath(url, origin) {
  if (!url.startsWith(origin)) return undefined;
  const pathname = new URL(url).pathname.replace(/^\//, '');
  return pathname.endsWith('.js') ? pathname : undefined;
}

/**
 * Files of `fetched` (paths under dist/) with their sizes, and which of them belong to a worker entry's
 * static closure in the chunk graph (`graph` keys are paths relative to dist/).
 */
export function sizeFetched(outDir, fetched, graph) {
  const workerFiles = new Set();
  const visit = (file) => {
    if (workerFiles.has(file)) return;
    workerFiles.add(file);
    graph.get(file)?.imports.forEach(visit);
  };
  // A worker bundled on its own is an asset, not in the graph: its name still says what it is.
  for (const file of new Set([...graph.keys(), ...fetched])) if (/\.worker[-.]/.test(path.basename(file))) visit(file);
  const files = [...fetched].sort().map((file) => {
    const buf = readFileSync(path.join(outDir, file));
    return { file, raw: buf.length, gzip: gzipSize(buf), worker: workerFiles.has(file) };
  });
  const sum = (xs, key) => xs.reduce((s, f) => s + f[key], 0);
  const worker = files.filter((f) => f.worker);
  return {
    files,
    raw: sum(files, 'raw'),
    gzip: sum(files, 'gzip'),
    /** Scripts the worker imports, the ones it shares with the page included. */
    workerGzip: sum(worker, 'gzip'),
    workerFiles: worker.length,
  };
}

export async function measureFirstScreen({ origin, outDir, graph }) {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: PLAYWRIGHT_ARGS, headless: true });
  try {
    const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
    const page = await context.newPage();
    // First visit: boot seeds the demo portfolio; the worklist then shows it.
    await page.goto(`${origin}/`);
    await page.waitForFunction(isReady, null, { timeout: 120_000, polling: 50 });
    await page.waitForTimeout(QUIET_MS);
    // Returning visit, in a new page of the same profile so no module is reused from the last one.
    await page.close();
    const fetched = new Set();
    let lastAt = Date.now();
    // Context-wide: dedicated workers' requests are reported here too, not only the page's.
    context.on('request', (request) => {
      const file = assetPath(request.url(), origin);
      if (file) {
        fetched.add(file);
        lastAt = Date.now();
      }
    });
    const again = await context.newPage();
    await again.goto(`${origin}/`);
    await again.waitForFunction(isReady, null, { timeout: 120_000, polling: 50 });
    while (Date.now() - lastAt < QUIET_MS) await again.waitForTimeout(250);
    return sizeFetched(outDir, fetched, graph);
  } finally {
    await browser.close();
  }
}
