/**
 * The route table. The worklist is the first screen, so it ships in the entry chunk; every other page is a
 * lazy chunk fetched on first visit (and precached by the service worker for offline use).
 */
import type { RouteDefinition } from '@solidjs/router';
import { type Component, lazy } from 'solid-js';
import { loadNamespaces, prefetchTranslations } from '../i18n';
import { prefetchRows, WorklistPage } from '../features/worklist/WorklistPage';
import { startWorklistEarly } from '../features/worklist/worklist-data';
import { DEFAULT_DB_NAME } from '../storage/db';
import { todayIso } from '../session/today';
import { preloadStorage, type StorageModule } from '../storage/store';
import { NotFoundPage } from './NotFoundPage';
import { matchesPath } from './route-match';
import { teamSessionModules } from './boot';

/** A lazy page whose translations arrive with its code, so it never paints a raw key. */
function page(load: () => Promise<{ default: Component }>, namespaces: string[]) {
  return lazy(async () => (await Promise.all([load(), loadNamespaces(namespaces)]))[0]);
}

interface LazyPage {
  path: string;
  load: () => Promise<{ default: Component }>;
  namespaces: string[];
  /** Storage modules the page reads at once, fetched with its code rather than after it. */
  storage?: StorageModule[];
  /** Other code the page waits for before it shows anything, fetched with its code rather than after it renders. */
  also?: () => Promise<unknown>;
}

/**
 * What opening a call waits for besides the page's own code: the team session (its call lock, even for a device
 * alone, see useTeamReady) and the script library (the call's script). Fetched only after the page rendered,
 * they were one more round trip before the call screen's first step could paint.
 */
const callPageNeeds = () => Promise.all([teamSessionModules(), import('../storage/script-library')]);

const LAZY_PAGES: LazyPage[] = [
  { path: '/debtors/:id', load: () => import('../features/dossier/DossierPage'), namespaces: ['dossier', 'payments', 'plans', 'penalties', 'letters', 'drafts', 'recap', 'coach', 'team'], storage: ['dossiers', 'calls', 'plans', 'preferences'] },
  { path: '/debtors/:id/payments/new', load: () => import('../features/payments/PaymentPage'), namespaces: ['payments', 'dossier'], storage: ['dossiers'] },
  { path: '/debtors/:id/plans/new', load: () => import('../features/plans/PlanProposalPage'), namespaces: ['plans', 'payments', 'dossier'], storage: ['dossiers'] },
  { path: '/debtors/:id/letters/:kind', load: () => import('../features/letters/LetterPage'), namespaces: ['letters', 'dossier'], storage: ['dossiers'] },
  { path: '/debtors/:id/handover', load: () => import('../features/letters/HandoverPage'), namespaces: ['letters', 'dossier'], storage: ['dossiers'] },
  { path: '/plans', load: () => import('../features/plans/PlansPage'), namespaces: ['plans', 'dossier'], storage: ['dossiers'] },
  { path: '/debtors/:id/call', load: () => import('../features/call/CallPage'), namespaces: ['call', 'callscreen', 'recap', 'drafts', 'coach'], storage: ['dossiers', 'calls', 'plans', 'preferences'], also: callPageNeeds },
  { path: '/debtors/:id/recap', load: () => import('../features/call/recap/RecapPage'), namespaces: ['recap', 'dossier', 'coach'], storage: ['dossiers'] },
  { path: '/scripts', load: () => import('../features/studio/ScriptsPage'), namespaces: ['studio', 'call'] },
  { path: '/scripts/:id', load: () => import('../features/studio/ScriptEditorPage'), namespaces: ['studio', 'call'] },
  // Training: its own chunks and personas; a simulation never opens the real database (see features/training).
  { path: '/training', load: () => import('../features/training/TrainingPage'), namespaces: ['training'] },
  { path: '/training/history', load: () => import('../features/training/HistoryPage'), namespaces: ['training'] },
  { path: '/training/team', load: () => import('../features/training/TeamPage'), namespaces: ['training', 'team'] },
  { path: '/training/:personaId', load: () => import('../features/training/SimulationPage'), namespaces: ['training', 'coach', 'call'] },
  { path: '/scripts/:id/preview', load: () => import('../features/call/preview/ScriptPreviewPage'), namespaces: ['studio', 'call', 'callscreen', 'recap', 'drafts', 'coach'], storage: ['dossiers'] },
  { path: '/settings', load: () => import('../features/settings/SettingsPage'), namespaces: ['settings', 'penalties', 'letters', 'drafts', 'exports', 'team'] },
  { path: '/settings/team', load: () => import('../features/settings/TeamPage'), namespaces: ['settings', 'team'] },
  { path: '/join', load: () => import('../features/team/JoinPage'), namespaces: ['team'] },
  { path: '/settings/import', load: () => import('../features/import/ImportPage'), namespaces: ['imports'] },
  { path: '/kpis', load: () => import('../features/kpis/KpisPage'), namespaces: ['kpis'] },
];

/**
 * Starts fetching the code of the page at `pathname` (and the storage modules it reads) while the app boots,
 * so a reload or a link opened on a deep page does not wait for the boot to finish before asking for them.
 * Its translations follow once the stored language is known (i18next itself is fetched at once). On the worklist, its rows start loading (in
 * their worker) too, unless `?demo=large` is about to replace them.
 */
export function prefetchRoute(pathname: string, search = ''): void {
  if (pathname === '/') {
    prefetchRows();
    if (new URLSearchParams(search).get('demo') !== 'large') startWorklistEarly(DEFAULT_DB_NAME, todayIso());
  }
  const found = LAZY_PAGES.find((p) => matchesPath(p.path, pathname));
  if (!found) return;
  // In tasks of their own, right after the entry's: asking for a page's chunks adds a preload link per chunk
  // (113 ms at 4× CPU for the call screen's, nothing cached, in a trace), one long task with the first render.
  // Two of them: the page's code and i18next (the largest downloads, first in line for the six connections),
  // then the rest. In one, the call screen's took 26–58 ms at 1× in Lighthouse's loads, every request of the
  // page waiting for its end.
  setTimeout(() => {
    // Every page past the worklist translates through i18next, which the worklist does without.
    prefetchTranslations(found.namespaces);
    void found.load().catch(() => undefined);
    setTimeout(() => {
      if (found.storage) void preloadStorage(found.storage).catch(() => undefined);
      if (found.also) void found.also().catch(() => undefined);
    }, 0);
  }, 0);
}

export const routes: RouteDefinition[] = [
  { path: '/', component: WorklistPage },
  ...LAZY_PAGES.map(({ path, load, namespaces }) => ({ path, component: page(load, namespaces) })),
  { path: '*404', component: NotFoundPage },
];
