import assert from 'node:assert/strict';
import { test } from 'node:test';
import { precacheUrls } from './precache.mjs';

test('precacheUrls reads the manifest Workbox inlines, whatever the key quoting', () => {
  const sw = 'define(["./workbox-1"],(function(e){e.precacheAndRoute([{url:"index.html",revision:"abc"},{revision:null,"url":"assets/index-X.js"}],{}),e.registerRoute(new e.NavigationRoute(e.createHandlerBoundToURL("index.html")))}));';
  assert.deepEqual(precacheUrls(sw), ['index.html', 'assets/index-X.js']);
});

test('precacheUrls ignores urls outside the manifest and fails loudly without one', () => {
  assert.deepEqual(precacheUrls('e.precacheAndRoute([{url:"a.js",revision:null}]);fetch({url:"elsewhere.js"})'), ['a.js']);
  assert.throws(() => precacheUrls('self.addEventListener("fetch",()=>{})'), /precacheAndRoute/);
});
