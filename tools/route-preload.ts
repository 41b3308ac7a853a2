/**
 * Route preloads in index.html: for the pages listed, a small inline script in the document's head asks for
 * the page's chunks (`modulepreload`, its CSS as `preload`) as soon as the document is parsed, when the address
 * is one of the page's.
 *
 * Without it, a deep page's code was asked for by the app itself (`prefetchRoute`, app/routes.tsx) once the
 * entry (boot, 32 KB gzip, and shared, 13 KB) had arrived and run: under Lighthouse's simulated slow 4G the call
 * screen's 20-odd chunks then started ~0.8 s after the document, and its largest paint waited on the last of
 * them. The app's own request, made later, finds each script already loading (Vite's preload helper skips a
 * script that has a link) and only adds the stylesheets. Every other address (the worklist among them) runs
 * the script, matches nothing and asks for nothing.
 *
 * The chunks are read from the bundle: each listed module's chunk, and every chunk it imports statically,
 * transitively, less what index.html already loads. Translations are not among them: their language is only
 * known once the settings are read.
 */
import type { Plugin } from 'vite';

export interface RoutePreload {
  /** A route pattern, as in app/routes.tsx: `:name` is one non-empty segment. */
  path: string;
  /** The modules whose chunks the page fetches at once (its page component, the storage modules it reads...). */
  modules: readonly RegExp[];
}

/** The pieces of the output bundle this plugin reads. */
export interface ChunkLike {
  type: 'chunk';
  fileName: string;
  imports: readonly string[];
  moduleIds: readonly string[];
  viteMetadata?: { importedCss: Set<string> };
}

/** `pattern` as a regular expression source over `location.pathname` (trailing slashes ignored, as matchesPath). */
export function pathSource(pattern: string): string {
  const segments = pattern.replace(/\/+$/, '').split('/').slice(1);
  if (segments.length === 0) return '^/*$';
  return `^${segments.map((s) => (s.startsWith(':') ? '/[^/]+' : `/${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)).join('')}/*$`;
}

/**
 * The files to preload for `modules`: scripts and stylesheets, in the order found, without those `loaded`
 * (the scripts index.html loads) import. A worker's entry and its chunks are not the page's: they are
 * preloaded when the page needs them.
 */
export function filesFor(chunks: readonly ChunkLike[], modules: readonly RegExp[], loaded: readonly string[]): { scripts: string[]; styles: string[] } {
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const initial = new Set<string>();
  const walk = (from: readonly string[], into: Set<string>) => {
    const stack = [...from].reverse();
    while (stack.length > 0) {
      const file = stack.pop()!;
      if (into.has(file)) continue;
      into.add(file);
      stack.push(...[...(byFile.get(file)?.imports ?? [])].reverse());
    }
  };
  walk(loaded, initial);
  const roots = chunks.filter((c) => !initial.has(c.fileName) && c.moduleIds.some((id) => modules.some((re) => re.test(id)))).map((c) => c.fileName);
  const wanted = new Set<string>();
  walk(roots, wanted);
  const scripts = [...wanted].filter((f) => !initial.has(f));
  const styles = [...new Set(scripts.flatMap((f) => [...(byFile.get(f)?.viteMetadata?.importedCss ?? [])]))];
  return { scripts, styles };
}

/** The inline script: for the first pattern the address matches, one link per file. */
export function preloadScript(routes: readonly { source: string; scripts: string[]; styles: string[] }[], base = '/'): string {
  const table = JSON.stringify(routes.map((r) => [r.source, r.scripts.map((f) => base + f), r.styles.map((f) => base + f)]));
  return (
    `(function(r,p){for(var i=0;i<r.length;i++){if(!new RegExp(r[i][0]).test(p))continue;` +
    `var add=function(h,s){var l=document.createElement('link');l.rel=s?'preload':'modulepreload';if(s)l.as='style';l.crossOrigin='';l.href=h;document.head.appendChild(l)};` +
    `r[i][1].forEach(function(h){add(h,false)});r[i][2].forEach(function(h){add(h,true)});return}})(${table},location.pathname)`
  );
}

export function routePreload(routes: readonly RoutePreload[]): Plugin {
  return {
    name: 'cadence-route-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle) return;
        const chunks = Object.values(ctx.bundle).flatMap((o) =>
          o.type === 'chunk' ? [{ ...o, type: 'chunk' as const, moduleIds: o.moduleIds ?? Object.keys(o.modules), viteMetadata: o.viteMetadata }] : [],
        );
        const loaded = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\/([^"]+\.js)"/g)].map((m) => m[1]!);
        const table = routes.map((r) => ({ source: pathSource(r.path), ...filesFor(chunks, r.modules, loaded) })).filter((r) => r.scripts.length > 0);
        if (table.length === 0) return;
        // Right after the entry's own scripts, which the browser asks for first, and before its stylesheet: a
        // script after a stylesheet waits for it to load, and the links with it.
        const script = `<script>${preloadScript(table)}</script>`;
        const at = html.search(/<link\b[^>]*rel="stylesheet"/);
        return at < 0 ? html.replace('</head>', `${script}</head>`) : `${html.slice(0, at)}${script}\n    ${html.slice(at)}`;
      },
    },
  };
}
