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
  { path: '/debtors/:id', component: page(() => import('../features/dossier/DossierPage'), ['dossier', 'payments', 'plans', 'penalties', 'letters', 'drafts', 'recap']) },
  { path: '/debtors/:id/payments/new', component: page(() => import('../features/payments/PaymentPage'), ['payments', 'dossier']) },
  { path: '/debtors/:id/plans/new', component: page(() => import('../features/plans/PlanProposalPage'), ['plans', 'payments', 'dossier']) },
  { path: '/debtors/:id/letters/:kind', component: page(() => import('../features/letters/LetterPage'), ['letters', 'dossier']) },
  { path: '/debtors/:id/handover', component: page(() => import('../features/letters/HandoverPage'), ['letters', 'dossier']) },
  { path: '/plans', component: page(() => import('../features/plans/PlansPage'), ['plans', 'dossier']) },
  { path: '/debtors/:id/call', component: page(() => import('../features/call/CallPage'), ['call', 'callscreen', 'recap', 'drafts']) },
  { path: '/debtors/:id/recap', component: page(() => import('../features/recap/RecapPage'), ['recap', 'dossier']) },
  { path: '/settings', component: page(() => import('../features/settings/SettingsPage'), ['settings', 'penalties', 'letters', 'drafts']) },
  { path: '*404', component: NotFoundPage },
];
