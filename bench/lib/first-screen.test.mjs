import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { gzipSize } from './first-load.mjs';
import { assetPath, sizeFetched } from './first-screen.mjs';

test('assetPath keeps same-origin scripts only, without query or leading slash', () => {
  const origin = 'http://127.0.0.1:5000';
  assert.equal(assetPath(`${origin}/assets/index-A.js?v=1`, origin), 'assets/index-A.js');
  assert.equal(assetPath(`${origin}/assets/index-A.css`, origin), undefined);
  assert.equal(assetPath('http://elsewhere.test/assets/x.js', origin), undefined);
});

test('sizeFetched counts each fetched file once and tells the worker closure apart', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cadence-first-screen-'));
  mkdirSync(path.join(dir, 'assets'));
  const files = { 'assets/index-A.js': 'a'.repeat(3000), 'assets/shared-B.js': 'export const b = 1;', 'assets/list.worker-C.js': 'w'.repeat(700), 'assets/lazy-D.js': 'd' };
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  const graph = new Map([
    ['assets/index-A.js', { imports: ['assets/shared-B.js'], dynamicImports: ['assets/lazy-D.js'], css: [], modules: [] }],
    ['assets/list.worker-C.js', { imports: ['assets/shared-B.js'], dynamicImports: [], css: [], modules: [] }],
    ['assets/shared-B.js', { imports: [], dynamicImports: [], css: [], modules: [] }],
  ]);
  const fetched = new Set(['assets/index-A.js', 'assets/shared-B.js', 'assets/list.worker-C.js']);
  const result = sizeFetched(dir, fetched, graph);
  const gz = (f) => gzipSize(Buffer.from(files[f]));
  assert.equal(result.files.length, 3);
  assert.equal(result.gzip, gz('assets/index-A.js') + gz('assets/shared-B.js') + gz('assets/list.worker-C.js'));
  assert.equal(result.workerGzip, gz('assets/shared-B.js') + gz('assets/list.worker-C.js'));
  assert.equal(result.workerFiles, 2);
});
