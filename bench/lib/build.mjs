/**
 * Builds with Vite's API. Each build records its chunk graph (static imports per chunk) through a tiny
 * plugin, so first-load figures follow what the bundler actually linked instead of regex-parsing minified JS.
 */
import path from 'node:path';
import { build } from 'vite';
import solid from 'vite-plugin-solid';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

function chunkGraphPlugin(graph) {
  return {
    name: 'cadence-bench-chunk-graph',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const item of Object.values(bundle)) {
        if (item.type !== 'chunk') continue;
        graph.set(item.fileName, {
          imports: [...item.imports],
          dynamicImports: [...item.dynamicImports],
          css: [...(item.viteMetadata?.importedCss ?? [])],
          modules: Object.entries(item.modules).map(([id, m]) => [id, m.renderedLength]),
        });
      }
    },
  };
}

async function timed(fn) {
  const t0 = performance.now();
  await fn();
  return Math.round(performance.now() - t0);
}

/** The app exactly as `npm run build` makes it (its own vite.config.ts), into dist/. */
export async function buildApp() {
  const graph = new Map();
  const ms = await timed(() =>
    build({ root: ROOT, configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn', plugins: [chunkGraphPlugin(graph)] }),
  );
  return { outDir: path.join(ROOT, 'dist'), graph, ms };
}

/**
 * A page under bench/ (the floor app, the IndexedDB page) with an inline config: no PWA plugin, the same
 * target and minifier as the app, so the floor differs from the app only by the app's own code.
 */
export async function buildBenchPage(name, outDir) {
  const graph = new Map();
  const ms = await timed(() =>
    build({
      root: path.join(ROOT, 'bench', name),
      configFile: false,
      logLevel: 'warn',
      plugins: [solid(), chunkGraphPlugin(graph)],
      build: { outDir, emptyOutDir: true, target: 'es2022', sourcemap: false },
    }),
  );
  return { outDir, graph, ms };
}
