/**
 * Runs once for the reliability suite, like the e2e suite's setup: one `vite build` of the app into a temporary
 * folder, the fixture-database page copied beside it (same origin), the app's next release built apart (R5),
 * and one `vite preview` on a free port. Each test prints its figure and appends it to a file that this
 * setup prints again, all together, when the suite ends.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildApp, startPreview, type PreviewServer } from '../e2e/preview';
import { buildFixturePage, buildNextRelease } from './build';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    distDir: string;
    nextDistDir: string;
    figuresFile: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const workDir = mkdtempSync(join(tmpdir(), 'cadence-reliability-'));
  const distDir = join(workDir, 'dist');
  const nextDistDir = join(workDir, 'dist-next');
  const figuresFile = join(workDir, 'figures.txt');
  writeFileSync(figuresFile, '');
  const started = Date.now();
  let server: PreviewServer;
  try {
    await buildApp(distDir);
    await Promise.all([buildFixturePage(distDir), buildNextRelease(nextDistDir)]);
    server = await startPreview(distDir);
  } catch (error) {
    rmSync(workDir, { recursive: true, force: true });
    throw error;
  }
  console.log(`[reliability] built in ${((Date.now() - started) / 1000).toFixed(1)} s, serving ${server.url}`);
  project.provide('baseUrl', server.url);
  project.provide('distDir', distDir);
  project.provide('nextDistDir', nextDistDir);
  project.provide('figuresFile', figuresFile);
  return async () => {
    await server.stop();
    const figures = existsSync(figuresFile) ? readFileSync(figuresFile, 'utf8').trim() : '';
    if (figures) console.log(`\n[reliability] figures\n${figures}\n`);
    rmSync(workDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  };
}
