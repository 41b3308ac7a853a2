/**
 * Startup, in the order of the UI contract: open IndexedDB → read settings → i18n in the stored language →
 * seed the demo portfolio when the store is empty (unless the user deleted their data on purpose, see seed.ts)
 * → hand the services to the renderer. `?demo=large` defers to the large seed screen instead.
 */
import type { CorruptRecord } from '../storage/codec';
import { TEAM_KEY, type ImportJournal } from '../storage/schema';
import { openCadenceDb, type CadenceDatabase } from '../storage/db';
import { idbRecords } from '../storage/idb-records';
import { createCadenceStore } from '../storage/store';
import { DEFAULT_LANG, i18n, initI18n, setLang } from '../i18n';
import { setDbNotice } from '../session/db-notice';
import { demoDeclined, seedDemo } from '../session/seed';
import { createAppServices, type AppServices } from '../session/store-context';
import { solidCell } from '../session/team-context';
import type { TeamSession } from '../session/team-session';
import { todayIso } from '../session/today';
import { dropEarlyWorklist } from '../features/worklist/worklist-data';

export type BootOutcome =
  | { kind: 'ready'; services: AppServices; loadTeam: () => Promise<TeamSession>; teamJoined: () => Promise<boolean>; largeSeed: boolean }
  | { kind: 'failed'; error: unknown };

/** Opening may wait on another tab; its message needs i18n before the stored language is known. */
async function ensureI18n(): Promise<void> {
  if (!i18n.isInitialized) await initI18n(DEFAULT_LANG);
}

// A record that fails its schema is skipped rather than hiding the whole worklist; the console keeps the trace.
const reportCorrupt = (record: CorruptRecord) => console.warn('Skipped a corrupt record', record);

async function discardLeftovers(db: CadenceDatabase): Promise<void> {
  try {
    const records = idbRecords(db);
    // Nearly every start finds no import left mid-way: the import code (its commit module brings payments,
    // bundles and the summaries, about 8 KB gzip) is fetched only when a journal is still staging.
    const journals = (await records.read(['imports'], (tx) => tx.getAll('imports'))) as ImportJournal[];
    if (!journals.some((j) => j.status === 'staging')) return;
    const { discardLeftoverImports } = await import('../features/import/import-lock');
    const discarded = await discardLeftoverImports(records);
    if (discarded > 0) console.info(`Discarded ${discarded} unfinished import(s)`);
  } catch (error) {
    // The next import discards them too; nothing the user must act on.
    console.warn('Could not discard unfinished imports', error);
  }
}

/**
 * The team session's code (lazy chunks). A call opens only once the session exists (its lock), so the call
 * route starts fetching this with its own code (app/routes.tsx) instead of after the page has rendered.
 */
export function teamSessionModules() {
  return Promise.all([import('../session/team-session'), import('../storage/team-device'), import('../session/lazy-team-sync'), import('../session/live-events')]);
}

export async function boot(location: Pick<Location, 'search'> = window.location): Promise<BootOutcome> {
  const largeSeed = new URLSearchParams(location.search).get('demo') === 'large';
  try {
    const db = await openCadenceDb(undefined, {
      onVersionChange: () => setDbNotice('versionChange'),
      onBlocked: () => void ensureI18n().then(() => setDbNotice('blocked')),
      onTerminated: () => setDbNotice('terminated'),
      onCorrupt: reportCorrupt,
    });
    setDbNotice(undefined);
    const store = createCadenceStore(db, { onCorrupt: reportCorrupt });
    const settings = await store.getSettings();
    if (i18n.isInitialized) await setLang(settings.language);
    else await initI18n(settings.language);
    if (!largeSeed && !demoDeclined() && (await store.isEmpty())) {
      // The worklist's early load (app/routes.tsx) read the store before this: its rows would miss the demo.
      dropEarlyWorklist();
      await seedDemo(store, todayIso());
    }
    // Staging a killed import left behind is dropped once the first screen is on its way (lazy: not on it).
    // Only the staging store changes: the early worklist load stays valid.
    setTimeout(() => void discardLeftovers(db), 0);
    const scripts = () => import('../storage/script-library').then((m) => m.createIdbScriptLibrary(db, reportCorrupt));
    const services = createAppServices(store, settings, scripts);
    // The team session is not needed to paint the first screen: its code loads right after (a lazy chunk).
    const loadTeam = async (): Promise<TeamSession> => {
      const [{ createTeamSession }, { teamDeviceStorage }, { lazyTeamSyncFactory }, { createLiveEventHub, lockEventsFrom }] = await teamSessionModules();
      // One live stream per session: the sync engine's; the call locks listen to it through this hub.
      const live = createLiveEventHub();
      return createTeamSession({
        storage: teamDeviceStorage(idbRecords(db)),
        // The team client (and its response schemas) only once a server is named.
        createClient: async (serverUrl) => (await import('../sync/http-auth')).createTeamAuthClient({ serverUrl }),
        hasLocalData: async () => !(await store.isEmpty()),
        // The sync engine over this store (session/team-sync.ts); its code loads only once a device has joined.
        // Records pulled from the team bump the data version, so the screens on show read them again.
        syncFactory: lazyTeamSyncFactory(store, { onRemoteChange: () => services.dataChanged(), onEvent: live.emit }),
        openEvents: lockEventsFrom(live),
        win: window,
        cell: solidCell,
      });
    };
    // The device record exists once this device joined a team (session/team-session.ts saves it then): a raw
    // read, so a device alone loads neither the session nor the record's schema with its first screen.
    const teamJoined = async (): Promise<boolean> =>
      (await idbRecords(db).read(['settings'], (tx) => tx.get('settings', TEAM_KEY))) !== undefined;
    return { kind: 'ready', services, loadTeam, teamJoined, largeSeed };
  } catch (error) {
    await ensureI18n();
    return { kind: 'failed', error };
  }
}
