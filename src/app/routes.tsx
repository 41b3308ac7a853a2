/**
 * The route table. The worklist is the first screen, so it ships in the entry chunk; every other page is a
 * lazy chunk fetched on first visit (and precached by the service worker for offline use).
 */
import type { RouteDefinition } from '@solidjs/router';
import { lazy } from 'solid-js';
import { WorklistPage } from '../features/worklist/WorklistPage';
import { NotFoundPage } from './NotFoundPage';

export const routes: RouteDefinition[] = [
  { path: '/', component: WorklistPage },
  { path: '/debtors/:id', component: lazy(() => import('../features/dossier/DossierPage')) },
  { path: '/debtors/:id/call', component: lazy(() => import('../features/dossier/CallPage')) },
  { path: '/settings', component: lazy(() => import('../features/settings/SettingsPage')) },
  { path: '*404', component: NotFoundPage },
];
