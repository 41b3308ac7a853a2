/**
 * The floor: the libraries Cadence's first screen needs, one call each, and no app code. Its first-load JS
 * is the least any app on this stack can ship, so the app's size is judged as a ratio to it.
 * Plain `createComponent` instead of JSX keeps the file free of any template the app would not have.
 */
import { createComponent, render } from 'solid-js/web';
import { Route, Router } from '@solidjs/router';
import { openDB } from 'idb';
import { z } from 'zod/mini';
import i18next from 'i18next';
import { Workbox } from 'workbox-window';

const Greeting = z.object({ text: z.string() });

await i18next.init({ lng: 'fr', resources: { fr: { translation: { hello: 'Bonjour' } } } });
const db = await openDB('cadence-floor', 1, {
  upgrade(database) {
    database.createObjectStore('kv');
  },
});
const workbox = new Workbox('/sw.js');

function Home() {
  const div = document.createElement('div');
  div.textContent = Greeting.parse({ text: i18next.t('hello') }).text;
  div.dataset.db = db.name;
  div.dataset.sw = typeof workbox.register;
  return div;
}

const root = document.getElementById('root');
if (root) render(() => createComponent(Router, { get children() { return createComponent(Route, { path: '/', component: Home }); } }), root);
