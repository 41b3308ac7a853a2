/**
 * The layer check: every import in src/ (static, re-export, side-effect and dynamic `import()`), resolved to
 * the file it names, must point down the layers of the README's Architecture section:
 *
 *   app → features → session → machines → domain      (arrows down only)
 *   scripts (data + zod), storage (the only IndexedDB code), sync (the team-sync protocol, engine and transport), i18n, ui (presentational),
 *   styles beside them
 *
 * Each layer lists what it may import; anything else is an import from a lower layer to a higher one (or
 * sideways into a layer it must not know). On top of that: no screen imports app/, no screen folder imports
 * another one (shared things live in domain/, ui/ or session/), and no dependency loop crosses a layer.
 * The counts are printed: they are a figure of the closing note of issue 9.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname);
const ROOT = resolve(SRC, '..');

type Layer = 'app' | 'features' | 'session' | 'machines' | 'domain' | 'scripts' | 'storage' | 'sync' | 'i18n' | 'ui' | 'styles';

/** What each layer may import, besides itself and npm packages. */
const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  app: ['features', 'session', 'machines', 'domain', 'scripts', 'storage', 'sync', 'i18n', 'ui', 'styles'],
  features: ['session', 'machines', 'domain', 'scripts', 'storage', 'sync', 'i18n', 'ui', 'styles'],
  session: ['machines', 'domain', 'scripts', 'storage', 'sync', 'i18n'],
  machines: ['domain', 'scripts'],
  storage: ['domain', 'scripts', 'sync'],
  // The team-sync protocol's schemas, shared with server/: records of the domain and the studio's scripts.
  sync: ['domain', 'scripts'],
  scripts: ['domain'],
  ui: ['domain', 'i18n', 'styles'],
  i18n: [],
  domain: [],
  styles: [],
};

/** Narrow exceptions, each one file a layer may read in a layer it otherwise must not know. */
const MAY_ALSO_READ: Partial<Record<Layer, RegExp>> = {
  // The schema types of call scripts, never the built-ins or their loading.
  domain: /^src\/scripts\/schema\.ts$/,
  // The storage errors that ui/storage-error.ts turns into translated messages; never the store itself.
  ui: /^src\/storage\/errors\.ts$/,
};

/**
 * Tests and their helpers (`*.testing.ts`, the store contract suites `*.contract.ts` and their harness in
 * storage/contract/) do not ship: they may build fixtures by driving a higher layer (a domain test that
 * plays a call through the machine) and read tests/ and the locale files. They still never import app/ from
 * a screen nor one screen folder from another, and they count in the loops.
 */
const isTestCode = (path: string) => /\.(test|testing|contract)\.tsx?$/.test(path) || path.startsWith('src/storage/contract/');

export interface Import {
  from: string;
  to: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const SPECIFIERS = [
  /\b(?:import|export)\s+(?:type\s+)?[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g,
  /\bimport\s*['"]([^'"]+)['"]/g,
  /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\bnew\s+URL\(\s*['"](\.[^'"]+)['"]\s*,\s*import\.meta\.url/g,
];

/** The relative specifiers a source file names (comments stripped so prose never counts as an import). */
export function specifiersOf(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return SPECIFIERS.flatMap((re) => [...code.matchAll(re)].map((m) => m[1] as string)).filter((s) => s.startsWith('.'));
}

function resolveFile(fromFile: string, spec: string): string | undefined {
  const base = resolve(dirname(fromFile), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return undefined;
}

const rel = (abs: string) => relative(ROOT, abs).split('\\').join('/');

export function layerOf(path: string): Layer | 'outside' {
  if (path === 'src/main.tsx') return 'app';
  const top = path.split('/')[1];
  return top !== undefined && top in MAY_IMPORT ? (top as Layer) : 'outside';
}

/** The screen folder of a features/ file: src/features/<screen>/… */
const featureOf = (path: string) => (path.startsWith('src/features/') ? path.split('/')[2] : undefined);

export function importsOf(files: readonly string[]): { imports: Import[]; unresolved: string[] } {
  const imports: Import[] = [];
  const unresolved: string[] = [];
  for (const file of files) {
    for (const spec of specifiersOf(readFileSync(file, 'utf8'))) {
      const target = resolveFile(file, spec);
      if (target) imports.push({ from: rel(file), to: rel(target) });
      else unresolved.push(`${rel(file)} → ${spec}`);
    }
  }
  return { imports, unresolved };
}

export function isDownward({ from, to }: Import): boolean {
  const a = layerOf(from);
  const b = layerOf(to);
  // Files at the top of src/ (this check) may read anything; a layer must not reach outside the layers.
  if (a === 'outside') return true;
  if (b === 'outside') return false;
  if (a === b) return true;
  if (MAY_ALSO_READ[a]?.test(to)) return true;
  return MAY_IMPORT[a].includes(b);
}

/** Strongly connected components with more than one file (Tarjan), i.e. the dependency loops. */
export function loops(imports: readonly Import[]): string[][] {
  const edges = new Map<string, string[]>();
  for (const { from, to } of imports) edges.set(from, [...(edges.get(from) ?? []), to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return found;
}

// This file names fake imports in its own tests: it is the check, not a layer.
const FILES = walk(SRC).filter((f) => /\.(ts|tsx)$/.test(f) && f !== __filename);
const { imports: IMPORTS, unresolved: UNRESOLVED } = importsOf(FILES);
const show = (list: readonly Import[]) => list.map(({ from, to }) => `${from} → ${to}`);

describe('layers (issue 9 closing-note figures)', () => {
  const shipped = IMPORTS.filter((i) => !isTestCode(i.from));
  const upward = shipped.filter((i) => !isDownward(i));
  const upwardInTests = IMPORTS.filter((i) => isTestCode(i.from) && !isDownward(i));
  const featuresToApp = IMPORTS.filter((i) => layerOf(i.from) === 'features' && layerOf(i.to) === 'app');
  const betweenFeatures = IMPORTS.filter((i) => featureOf(i.from) && featureOf(i.to) && featureOf(i.from) !== featureOf(i.to));
  const allLoops = loops(IMPORTS);
  const crossLayerLoops = allLoops.filter((c) => new Set(c.map(layerOf)).size > 1);
  const appFeatureLoops = allLoops.filter((c) => c.some((f) => layerOf(f) === 'app') && c.some((f) => layerOf(f) === 'features'));

  it('prints the counts', () => {
    console.log(
      [
        `layer check: ${FILES.length} files, ${IMPORTS.length} relative imports (${shipped.length} in shipped code)`,
        `  lower → higher layer: ${upward.length} (tests building fixtures from a higher layer or tests/: ${upwardInTests.length})`,
        `  features/ → app/: ${featuresToApp.length}`,
        `  between two features/ folders: ${betweenFeatures.length}`,
        `  dependency loops between app/ and features/: ${appFeatureLoops.length}`,
        `  dependency loops across layers: ${crossLayerLoops.length} (within one layer: ${allLoops.length - crossLayerLoops.length})`,
      ].join('\n'),
    );
    expect(shipped.length).toBeGreaterThan(500);
  });

  it('resolves every relative import to a file, so none escapes the check', () => {
    expect(UNRESOLVED).toEqual([]);
  });

  it('has no import from a lower layer to a higher one', () => {
    expect(show(upward)).toEqual([]);
  });

  it('has no screen importing app/', () => {
    expect(show(featuresToApp)).toEqual([]);
  });

  it('has no screen folder importing another one', () => {
    expect(show(betweenFeatures)).toEqual([]);
  });

  it('has no dependency loop between app/ and features/, nor across any two layers', () => {
    expect(appFeatureLoops).toEqual([]);
    expect(crossLayerLoops).toEqual([]);
  });
});

describe('the layer check itself', () => {
  it('finds static, type-only, re-export, side-effect and dynamic imports, not commented ones', () => {
    const source = [
      "import { a } from './a';",
      "import type { B } from '../b';",
      "export { c } from './c';",
      "import './d.css';",
      "const e = lazy(() => import('../e/E'));",
      "// import { no } from './commented';",
      "import { x } from 'solid-js';",
    ].join('\n');
    expect(specifiersOf(source).sort()).toEqual(['../b', '../e/E', './a', './c', './d.css']);
  });

  it('refuses upward and sideways imports and accepts downward ones', () => {
    expect(isDownward({ from: 'src/domain/x.ts', to: 'src/storage/y.ts' })).toBe(false);
    expect(isDownward({ from: 'src/machines/x.ts', to: 'src/storage/y.ts' })).toBe(false);
    expect(isDownward({ from: 'src/ui/x.tsx', to: 'src/session/y.ts' })).toBe(false);
    expect(isDownward({ from: 'src/storage/x.ts', to: 'src/machines/y.ts' })).toBe(false);
    expect(isDownward({ from: 'src/session/x.ts', to: 'src/app/y.ts' })).toBe(false);
    expect(isDownward({ from: 'src/features/a/x.tsx', to: 'src/session/y.ts' })).toBe(true);
    expect(isDownward({ from: 'src/domain/x.ts', to: 'src/scripts/schema.ts' })).toBe(true);
    expect(isDownward({ from: 'src/domain/x.ts', to: 'src/scripts/builtin/fr.ts' })).toBe(false);
    expect(isDownward({ from: 'src/ui/x.ts', to: 'src/storage/store.ts' })).toBe(false);
    expect(isDownward({ from: 'src/ui/x.ts', to: 'src/storage/errors.ts' })).toBe(true);
    expect(isDownward({ from: 'src/features/a/x.ts', to: 'tests/fixtures/x.ts' })).toBe(false);
    expect(isTestCode('src/storage/contract/harness.ts') && isTestCode('src/storage/store.contract.ts')).toBe(true);
    expect(isTestCode('src/storage/store.ts')).toBe(false);
  });

  it('finds a loop of two files and none in a chain', () => {
    expect(loops([{ from: 'a', to: 'b' }, { from: 'b', to: 'a' }, { from: 'b', to: 'c' }])).toEqual([['a', 'b']]);
    expect(loops([{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }])).toEqual([]);
  });
});
