/**
 * The sync engine as a TeamSyncPort whose code loads only when a device first needs it (signed in to a team):
 * a device alone never downloads the engine, and a joined one fetches it after the first screen.
 * Calls made before the code arrived are replayed on it in order; subscribers get the engine's values once
 * it exists (until then: idle, nothing lost).
 */
import type { LostEdit } from '../sync/protocol';
import type { CadenceStore } from '../storage/api';
import type { Subscribable, TeamSyncFactory, TeamSyncPort, TeamSyncStatus } from './team-session';
import type { TeamSyncHooks } from './team-sync-port';

type Load = () => Promise<(serverUrl: string) => TeamSyncPort>;

const defaultLoad =
  (store: CadenceStore, hooks: TeamSyncHooks): Load =>
  async () =>
    (await import('./team-sync-port')).teamSyncFactory(store, hooks);

function lazySubscribable<T>(ready: Promise<TeamSyncPort>, pick: (p: TeamSyncPort) => Subscribable<T>, initial: T): Subscribable<T> {
  return {
    subscribe(fn) {
      let stop: (() => void) | null = null;
      let cancelled = false;
      fn(initial);
      void ready.then((port) => {
        if (!cancelled) stop = pick(port).subscribe(fn);
      });
      return () => {
        cancelled = true;
        stop?.();
      };
    },
  };
}

/** `hooks`: the team's records reached the store; the live stream's other events (./team-sync-port.ts). */
export function lazyTeamSyncFactory(store: CadenceStore, hooks: TeamSyncHooks = {}, load: Load = defaultLoad(store, hooks)): TeamSyncFactory {
  return (serverUrl) => {
    const ready = load().then((factory) => factory(serverUrl));
    // A failed load surfaces on the calls that wait for it; status and lost edits stay at their initial values.
    ready.catch(() => undefined);
    const idle: TeamSyncStatus = { kind: 'idle', lastSync: null };
    return {
      status: lazySubscribable(ready, (p) => p.status, idle),
      lostEdits: lazySubscribable<readonly LostEdit[]>(ready, (p) => p.lostEdits, []),
      start: () => void ready.then((p) => p.start(), () => undefined),
      stop: () => void ready.then((p) => p.stop(), () => undefined),
      syncNow: async () => (await ready).syncNow(),
      firstConnection: async (choice) => (await ready).firstConnection(choice),
      dismissLostEdit: async (edit) => (await ready).dismissLostEdit(edit),
      shareTrainingScore: async (record) => (await ready).shareTrainingScore(record),
    };
  };
}
