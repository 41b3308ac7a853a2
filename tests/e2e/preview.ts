/**
 * Builds the app and serves it with `vite preview` on a free port, for the e2e suite.
 * The build goes to a temporary folder, never to dist/, so a benchmark or `npm start` running beside
 * the tests is not disturbed. A server can be stopped and started again on the same port, which is how
 * the offline journey proves the service worker serves the app on its own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const VITE_BIN = fileURLToPath(new URL('../../node_modules/vite/bin/vite.js', import.meta.url));

/** A free TCP port on 127.0.0.1, chosen by the OS (never the fixed 4173 of `npm start`). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

/**
 * The environment of the vitest worker minus what vitest adds: with NODE_ENV=test, `vite build` would set
 * import.meta.env.PROD to false and the build would drop the service worker registration.
 */
function viteEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
  for (const key of Object.keys(env)) if (key === 'NODE_ENV' || key === 'TEST' || key.startsWith('VITEST')) delete env[key];
  return env;
}

function runVite(args: string[]): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(process.execPath, [VITE_BIN, ...args], {
    cwd: ROOT,
    env: viteEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

/** `vite build --outDir <outDir>`; rejects with vite's own output when the build fails. */
export function buildApp(outDir: string): Promise<void> {
  const { child, output } = runVite(['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn']);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`vite build failed (exit ${code}):\n${output()}`)),
    );
  });
}

async function waitForHttp(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited (${child.exitCode}):\n${output()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet: poll again.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`vite preview did not answer at ${url} within ${timeoutMs} ms:\n${output()}`);
}

export interface PreviewServer {
  readonly url: string;
  readonly port: number;
  /** Stops the server and waits until the port is released. */
  stop(): Promise<void>;
  /** Serves again on the same port (after stop()). */
  start(): Promise<void>;
}

/** Serves `outDir` with `vite preview` on `port` (a free one when omitted) and resolves once it answers. */
export async function startPreview(outDir: string, port?: number): Promise<PreviewServer> {
  const chosenPort = port ?? (await freePort());
  const url = `http://127.0.0.1:${chosenPort}`;
  let current: ChildProcess | undefined;

  const start = async (): Promise<void> => {
    if (current) return;
    const args = ['preview', '--host', '127.0.0.1', '--port', String(chosenPort), '--strictPort', '--outDir', outDir];
    const { child, output } = runVite(args);
    current = child;
    try {
      await waitForHttp(`${url}/`, child, output, 30_000);
    } catch (error) {
      child.kill('SIGKILL');
      current = undefined;
      throw error;
    }
  };

  const stop = async (): Promise<void> => {
    const child = current;
    current = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };

  await start();
  return { url, port: chosenPort, start, stop };
}
