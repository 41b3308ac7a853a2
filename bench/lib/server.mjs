/** Static servers for the built pages, each on a free port chosen by the OS (never 4173, which `npm start` owns). */
import net from 'node:net';
import path from 'node:path';
import { preview } from 'vite';
import { ROOT } from './build.mjs';

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function serve(config) {
  const port = await freePort();
  const server = await preview({
    ...config,
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  return { origin: `http://127.0.0.1:${port}`, close: () => server.close() };
}

/** The app's own preview (SPA fallback, headers as `npm start` serves them), from dist/. */
export const serveApp = () => serve({ root: ROOT, configFile: path.join(ROOT, 'vite.config.ts') });

/** A bench page built elsewhere (its outDir), served on its own origin so its IndexedDB is its own. */
export const serveDir = (outDir) => serve({ root: path.dirname(outDir), configFile: false, build: { outDir } });
