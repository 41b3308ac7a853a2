/**
 * The route table. The worklist is the first screen, so it ships in the entry chunk; every other page is a
 * lazy chunk fetched on first visit (and precached by the service worker for offline use).
 */
import type { RouteDefinition } from '@solidjs/router';
import { type Component, lazy } from 'solid-js';
import { loadNamespaces } from '../i18n';
import { WorklistPage } from '../features/worklist/WorklistPage';
import { NotFoundPage } from './NotFoundPage';

/** A lazy page whose translations arrive with its code, so it never paints a raw key. */
function page(load: () => Promise<{ default: Component }>, namespaces: string[]) {
  return lazy(async () => (await Promise.all([load(), loadNamespaces(namespaces)]))[0]);
}

export const routes: RouteDefinition[] = [
  { path: '/', component: WorklistPage },
  { path: '/debtors/:id', component: page(() => import('../features/dossier/DossierPage'), ['dossier']) },
  { path: '/debtors/:id/call', component: page(() => import('../features/dossier/CallPage'), ['call', 'callscreen']) },
  { path: '/settings', component: page(() => import('../features/settings/SettingsPage'), ['settings']) },
  { path: '*404', component: NotFoundPage },
];
