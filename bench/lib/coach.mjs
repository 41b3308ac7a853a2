/**
 * The live 4 C coach per keystroke on a 2,000-character recap (issue 12: p95 ≤ 5 ms at 1×), at 1× and 4× CPU
 * throttling (CDP Emulation.setCPUThrottlingRate). Runs in a page of its own (bench/coach) built from the
 * coach's domain module, so the figure is the rules' own cost, not the editor's rendering.
 */
import { chromium } from 'playwright-core';
import { buildBenchPage } from './build.mjs';
import { CHROMIUM_PATH, PLAYWRIGHT_ARGS } from './chromium.mjs';
import { serveDir } from './server.mjs';
import { summarize } from './stats.mjs';

export async function runCoach({ reps, tmpDir, log }) {
  const page = await buildBenchPage('coach', `${tmpDir}/coach`);
  log(`  coach page built in ${page.ms} ms`);
  const server = await serveDir(page.outDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: PLAYWRIGHT_ARGS, headless: true });
  try {
    const runs = [];
    for (const rate of [1, 4]) {
      const context = await browser.newContext();
      const tab = await context.newPage();
      await tab.goto(`${server.origin}/`);
      await tab.waitForFunction(() => typeof window.runCoachBench === 'function', null, { timeout: 30_000 });
      const cdp = await context.newCDPSession(tab);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      const out = await tab.evaluate((n) => window.runCoachBench(n), reps.coachKeys);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      await context.close();
      const recap = summarize(out.recap);
      const notes = summarize(out.notes);
      log(`  coach ${rate}×: recap p50 ${recap.p50.toFixed(2)} ms, p95 ${recap.p95.toFixed(2)} ms; notes p95 ${notes.p95.toFixed(2)} ms`);
      runs.push({ rate, chars: out.chars, hints: out.hints, recap, notes });
    }
    return { runs };
  } finally {
    await browser.close();
    await server.close();
  }
}
