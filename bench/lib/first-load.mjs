/**
 * What a first visit downloads before the first screen: the module scripts and modulepreload links of
 * index.html, plus every chunk they import statically (transitively). Dynamic imports are left out: they are
 * what the app deliberately loads later. Sizes are gzip level 9 per file, summed, as a server would send them.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const gzipSize = (buf) => gzipSync(buf, { level: 9 }).length;

function attr(tag, name) {
  const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? (m[2] ?? m[3] ?? m[4]) : undefined;
}

/** Entry files referenced by index.html, relative to the build's base ('/' or './'). */
export function htmlEntries(html) {
  const js = [];
  const css = [];
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
    if (attr(tag, 'type') === 'module' && attr(tag, 'src')) js.push(attr(tag, 'src'));
  }
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const rel = attr(tag, 'rel');
    if (rel === 'modulepreload' && attr(tag, 'href')) js.push(attr(tag, 'href'));
    if (rel === 'stylesheet' && attr(tag, 'href')) css.push(attr(tag, 'href'));
  }
  return { js, css };
}

const toFileName = (url) => url.replace(/^(\.\/|\/)/, '').split(/[?#]/)[0];

/** `node_modules/<pkg>` or `@scope/pkg`; everything else is the app's own code. */
function owner(moduleId) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(moduleId.replaceAll('\\', '/'));
  return m ? m[1] : moduleId.includes('/src/') ? 'app (src/)' : 'other';
}

/**
 * Who the first-load bytes belong to, as shares of the bundler's rendered (pre-minification) module sizes:
 * a guide for what to split out, not an exact gzip figure per package.
 */
function compose(modules) {
  const bytes = new Map();
  for (const [id, length] of modules) bytes.set(owner(id), (bytes.get(owner(id)) ?? 0) + length);
  const total = [...bytes.values()].reduce((s, n) => s + n, 0) || 1;
  return [...bytes]
    .sort((a, b) => b[1] - a[1])
    .map(([name, rendered]) => ({ name, rendered, share: Math.round((rendered / total) * 1000) / 10 }));
}

export function firstLoad(outDir, graph) {
  const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const entries = htmlEntries(html);
  const js = new Set();
  const css = new Set(entries.css.map(toFileName));
  const visit = (file) => {
    if (js.has(file)) return;
    js.add(file);
    const node = graph.get(file);
    node?.css.forEach((c) => css.add(c));
    node?.imports.forEach(visit);
  };
  entries.js.map(toFileName).forEach(visit);
  const measure = (files) =>
    [...files].map((file) => {
      const buf = readFileSync(path.join(outDir, file));
      return { file, raw: buf.length, gzip: gzipSize(buf) };
    });
  const jsFiles = measure(js);
  const composition = compose([...js].flatMap((f) => graph.get(f)?.modules ?? []));
  const cssFiles = measure(css);
  const sum = (files, key) => files.reduce((s, f) => s + f[key], 0);
  return {
    js: { files: jsFiles, raw: sum(jsFiles, 'raw'), gzip: sum(jsFiles, 'gzip'), composition },
    css: { files: cssFiles, raw: sum(cssFiles, 'raw'), gzip: sum(cssFiles, 'gzip') },
    html: { raw: Buffer.byteLength(html), gzip: gzipSize(Buffer.from(html)) },
  };
}

/** All JS the build emitted, first load or not: the ceiling a user pays once everything is visited. */
export function allJs(outDir) {
  let raw = 0;
  let gzip = 0;
  let count = 0;
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.js') && !/^(sw|workbox-[\w-]+)\.js$/.test(name)) {
        const buf = readFileSync(full);
        raw += buf.length;
        gzip += gzipSize(buf);
        count += 1;
      }
    }
  };
  walk(path.join(outDir, 'assets'));
  return { count, raw, gzip };
}
