import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import solid from 'vite-plugin-solid';
import { VitePWA } from 'vite-plugin-pwa';
import { chunkGroups } from './tools/chunk-groups.ts';
import { compileHints } from './tools/compile-hints.ts';
import { routePreload } from './tools/route-preload.ts';

/**
 * Builds chosen module workers as entries of the app's own bundle instead of Vite's separate worker bundle,
 * so a worker and the page import the same chunks: idb, zod and the storage code download once, and a
 * returning visit finds them in the cache the page just filled.
 *
 * Vite bundles `new Worker(new URL('./x.worker.ts', import.meta.url), …)` on its own (`worker.format` only
 * picks that bundle's format), which copies every library the worker uses into it. For the files listed here,
 * this plugin rewrites the URL to `import.meta.ROLLUP_FILE_URL_<ref>` of a chunk emitted into the main
 * build: the bundler then splits the modules both use into shared chunks and writes the hashed worker URL
 * itself. The worker must be created with `{ type: 'module' }`, since its chunk starts with `import`s.
 *
 * Build only: in dev, Vite serves the worker's modules unbundled, which is already shared.
 */

/** `new URL('<relative path>', import.meta.url)`, as the app writes worker URLs. */
const WORKER_URL = /new URL\(\s*(['"])(\.{1,2}\/[^'"]+)\1\s*,\s*import\.meta\.url\s*\)/g;

function sharedModuleWorkers(workers: readonly string[]): Plugin {
  // Relative to this file, whatever directory the build runs from (the bench builds through Vite's API).
  const root = path.dirname(fileURLToPath(import.meta.url));
  const wanted = new Set(workers.map((w) => path.resolve(root, w)));
  return {
    name: 'cadence-shared-module-workers',
    apply: 'build',
    // Before Vite's own worker plugin, which would otherwise bundle the worker apart.
    enforce: 'pre',
    transform(code, id) {
      if (!code.includes('import.meta.url')) return null;
      const importer = id.split('?')[0] as string;
      let changed = false;
      const out = code.replace(WORKER_URL, (match, _quote: string, relative: string) => {
        const file = path.resolve(path.dirname(importer), relative);
        if (!wanted.has(file)) return match;
        const ref = this.emitFile({ type: 'chunk', id: file, name: path.basename(file).replace(/\.[cm]?[jt]s$/, '') });
        changed = true;
        return `new URL(import.meta.ROLLUP_FILE_URL_${ref}, import.meta.url)`;
      });
      return changed ? { code: out, map: null } : null;
    },
  };
}

const SHARED_WORKERS = ['src/features/worklist/worklist.worker.ts'];
const groups = chunkGroups(SHARED_WORKERS.map((w) => path.resolve(path.dirname(fileURLToPath(import.meta.url)), w)));

export default defineConfig({
  plugins: [
    // The worklist's worker runs on every open: it shares the page's chunks instead of repeating them.
    sharedModuleWorkers(SHARED_WORKERS),
    groups.plugin,
    // The call screen's code, asked for by index.html itself when the address is a call's: what
    // `prefetchRoute` (app/routes.tsx) fetches for it, its page and storage modules and `callPageNeeds`.
    routePreload([
      {
        path: '/debtors/:id/call',
        modules: [
          /src\/features\/call\/CallPage\.tsx$/,
          /src\/storage\/(dossiers|calls|plans|preferences|script-library|team-device)\.ts$/,
          /src\/session\/(team-session|lazy-team-sync|live-events)\.ts$/,
          /node_modules\/i18next\//,
        ],
      },
    ]),
    solid(),
    // Compiled as they stream in: the call screen's own chunks (the first screen's stay lazy).
    compileHints(['call-screen', 'call-machine', 'call-common']),
    VitePWA({
      // 'prompt' so an agent mid-call is never reloaded under their feet: the app asks first.
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icons/*.png', 'favicon.svg'],
      manifest: {
        name: 'Cadence — relance téléphonique',
        short_name: 'Cadence',
        description: 'Guide les appels de relance des clients professionnels, garde chaque trace et rédige la suite.',
        lang: 'fr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#1f4e79',
        background_color: '#ffffff',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: '/index.html',
        clientsClaim: true,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  // Workers Vite still bundles apart (import, KPIs) are ES modules too, as they are created with type 'module'.
  worker: { format: 'es' },
  // Every browser Cadence supports (es2022) handles <link rel="modulepreload"> natively: no polyfill.
  build: {
    target: 'es2022',
    sourcemap: false,
    modulePreload: { polyfill: false },
    // Chunks grouped for the first screen and the call screen (tools/chunk-groups.ts). Dependencies are not
    // pulled into a group: each module's group is decided from the whole graph already.
    rolldownOptions: {
      output: {
        codeSplitting: { groups: [{ name: groups.nameOf, debugName: 'cadence-chunk-groups', includeDependenciesRecursively: false }] },
      },
    },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
