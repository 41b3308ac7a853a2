/**
 * Runs once for the whole e2e suite: one `vite build` into a temporary folder, one `vite preview` on a
 * free port. Specs read the base URL with `inject('baseUrl')` and the build folder with `inject('distDir')`
 * (the offline journey starts its own server from it, so it can stop that one without breaking the others).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildApp, startPreview, type PreviewServer } from './preview';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    distDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const workDir = mkdtempSync(join(tmpdir(), 'cadence-e2e-'));
  const distDir = join(workDir, 'dist');
  const started = Date.now();
  let server: PreviewServer;
  try {
    await buildApp(distDir);
    server = await startPreview(distDir);
  } catch (error) {
    rmSync(workDir, { recursive: true, force: true });
    throw error;
  }
  console.log(`[e2e] built in ${((Date.now() - started) / 1000).toFixed(1)} s, serving ${server.url}`);
  project.provide('baseUrl', server.url);
  project.provide('distDir', distDir);
  return async () => {
    await server.stop();
    rmSync(workDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  };
}
