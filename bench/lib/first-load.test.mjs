import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { firstLoad, gzipSize, htmlEntries } from './first-load.mjs';

test('htmlEntries keeps module scripts, modulepreload and stylesheet links only', () => {
  const html = `<script src="/legacy.js"></script>
    <script type="module" crossorigin src="/assets/index-A.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/vendor-B.js">
    <link rel="stylesheet" href='/assets/index-C.css'>
    <link rel="icon" href="/favicon.svg"><link rel=manifest href=/manifest.webmanifest>`;
  assert.deepEqual(htmlEntries(html), { js: ['/assets/index-A.js', '/assets/vendor-B.js'], css: ['/assets/index-C.css'] });
});

test('firstLoad follows static imports transitively, never dynamic ones, and sums gzip per file', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cadence-first-load-'));
  mkdirSync(path.join(dir, 'assets'));
  const files = { 'assets/a.js': 'import "./b.js";'.repeat(50), 'assets/b.js': 'export const b = 1;', 'assets/c.js': 'x'.repeat(5000), 'assets/lazy.js': 'y'.repeat(9000), 'assets/a.css': 'body{}' };
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  writeFileSync(path.join(dir, 'index.html'), '<script type="module" src="/assets/a.js"></script>');
  const graph = new Map([
    ['assets/a.js', { imports: ['assets/b.js'], dynamicImports: ['assets/lazy.js'], css: ['assets/a.css'], modules: [['/p/src/a.ts', 30], ['/p/node_modules/@solidjs/router/dist/index.js', 70]] }],
    ['assets/b.js', { imports: ['assets/c.js', 'assets/a.js'], dynamicImports: [], css: [], modules: [] }],
    ['assets/c.js', { imports: [], dynamicImports: [], css: [], modules: [] }],
  ]);
  const result = firstLoad(dir, graph);
  assert.deepEqual(result.js.files.map((f) => f.file).sort(), ['assets/a.js', 'assets/b.js', 'assets/c.js']);
  const expected = ['assets/a.js', 'assets/b.js', 'assets/c.js'].reduce((s, f) => s + gzipSize(Buffer.from(files[f])), 0);
  assert.equal(result.js.gzip, expected);
  assert.equal(result.js.raw, files['assets/a.js'].length + files['assets/b.js'].length + 5000);
  assert.deepEqual(result.css.files.map((f) => f.file), ['assets/a.css']);
  assert.deepEqual(result.js.composition.map((c) => [c.name, c.share]), [['@solidjs/router', 70], ['app (src/)', 30]]);
  rmSync(dir, { recursive: true, force: true });
});
