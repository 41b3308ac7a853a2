/**
 * What every feature reaches through context: the CadenceStore, the current settings, the persistence answer
 * and a data version that bumps whenever the portfolio changes wholesale (seed, clear), so cached views reload.
 */
import { createContext, createSignal, useContext, type Accessor, type JSX } from 'solid-js';
import type { Settings } from '../domain/entities';
import { prepareLang, setLang } from '../i18n';
import type { CadenceStore } from '../storage/api';
import type { PersistenceAnswer } from '../storage/persist';
import type { ScriptLibrary } from '../storage/script-library-api';

/** What `navigator.storage.persist()` answered, or `pending` until it has. */
export type PersistenceState = 'pending' | PersistenceAnswer;

export interface AppServices {
  store: CadenceStore;
  settings: Accessor<Settings>;
  /** Validated by the store; applies the language at once when it changed. */
  saveSettings(next: Settings): Promise<void>;
  persistence: Accessor<PersistenceState>;
  setPersistence(state: PersistenceState): void;
  dataVersion: Accessor<number>;
  /** Call after a wholesale change of the portfolio (seed, clear) so lists reload. */
  dataChanged(): void;
  /** The team's script library, loaded with the first screen that needs it (studio, call). */
  scripts(): Promise<ScriptLibrary>;
}

/** Without a library loader (screen tests, sandboxes) the scripts live in memory and go with the page. */
const memoryScripts = () => import('../storage/memory-script-library').then((m) => m.createMemoryScriptLibrary());

export function createAppServices(store: CadenceStore, initial: Settings, loadScripts: () => Promise<ScriptLibrary> = memoryScripts): AppServices {
  let library: Promise<ScriptLibrary> | undefined;
  const [settings, setSettings] = createSignal<Settings>(initial);
  const [persistence, setPersistence] = createSignal<PersistenceState>('pending');
  const [dataVersion, setDataVersion] = createSignal(0);
  return {
    store,
    settings,
    async saveSettings(next) {
      const langChanged = next.language !== settings().language;
      // A language whose texts cannot be fetched is not saved: the next start would not have them either.
      if (langChanged) await prepareLang(next.language);
      await store.putSettings(next);
      setSettings(next);
      if (langChanged) await setLang(next.language);
    },
    persistence,
    setPersistence,
    dataVersion,
    dataChanged: () => setDataVersion((v) => v + 1),
    scripts() {
      library ??= loadScripts();
      // A failed load (offline before the chunk was cached) may be retried on the next visit.
      library.catch(() => (library = undefined));
      return library;
    },
  };
}

const ServicesContext = createContext<AppServices>();

export function ServicesProvider(props: { services: AppServices; children: JSX.Element }): JSX.Element {
  return <ServicesContext.Provider value={props.services}>{props.children}</ServicesContext.Provider>;
}

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices() called outside <ServicesProvider>');
  return services;
}

export function useStore(): CadenceStore {
  return useServices().store;
}
