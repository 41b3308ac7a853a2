/**
 * The service worker's precache: what an install downloads so the app starts offline. Read from the
 * manifest Workbox inlines in dist/sw.js (`precacheAndRoute([{url, revision}, …])`), sized from dist/.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSize } from './first-load.mjs';

export function precacheUrls(swSource) {
  const start = swSource.indexOf('precacheAndRoute(');
  if (start < 0) throw new Error('no precacheAndRoute([...]) in the service worker');
  const open = swSource.indexOf('[', start);
  let depth = 0;
  let end = open;
  for (; end < swSource.length; end++) {
    if (swSource[end] === '[') depth += 1;
    else if (swSource[end] === ']' && --depth === 0) break;
  }
  const manifest = swSource.slice(open, end + 1);
  return [...manifest.matchAll(/["']?url["']?\s*:\s*["']([^"']+)["']/g)].map((m) => m[1]);
}

export function precacheSize(outDir) {
  const swPath = path.join(outDir, 'sw.js');
  if (!existsSync(swPath)) throw new Error(`no service worker at ${swPath}`);
  const urls = precacheUrls(readFileSync(swPath, 'utf8'));
  let raw = 0;
  let gzip = 0;
  const missing = [];
  for (const url of urls) {
    const file = path.join(outDir, url.replace(/^\//, ''));
    if (!existsSync(file)) {
      missing.push(url);
      continue;
    }
    const buf = readFileSync(file);
    raw += buf.length;
    gzip += gzipSize(buf);
  }
  return { entries: urls.length, raw, gzip, missing };
}
