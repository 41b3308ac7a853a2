/**
 * The sync engine (./team-sync.ts) as the team session's TeamSyncPort (./team-session.ts): the engine's status
 * in the session's words (kind, pending, lastSync, a reason), the rest passed through.
 */
import type { CadenceStore } from '../storage/api';
import type { TeamSyncFactory, TeamSyncPort, TeamSyncStatus as PortStatus } from './team-session';
import { createTeamSync, type TeamSync, type TeamSyncStatus } from './team-sync';

export function toPortStatus(s: TeamSyncStatus): PortStatus {
  const lastSync = s.lastSyncAt;
  if (s.state === 'offline') return { kind: 'offline', lastSync };
  if (s.state === 'syncing') return { kind: 'syncing', pending: s.pending, lastSync };
  if (s.state === 'error') return { kind: 'error', reason: s.error ?? 'server', lastSync };
  return { kind: 'idle', lastSync };
}

export function teamSyncPort(sync: TeamSync): TeamSyncPort {
  return {
    status: { subscribe: (fn) => sync.status.subscribe((s) => fn(toPortStatus(s))) },
    start: () => void sync.start().catch(() => undefined),
    stop: () => sync.stop(),
    syncNow: async () => {
      await sync.syncNow();
    },
    firstConnection: async (choice) => {
      await sync.firstConnection(choice);
    },
    lostEdits: { subscribe: (fn) => sync.lostEdits.subscribe(fn) },
    dismissLostEdit: (edit) => sync.dismissLostEdit(edit),
    shareTrainingScore: (record) => sync.shareTrainingScore(record),
  };
}

export interface TeamSyncHooks {
  /** The team's records reached the store (the app bumps its data version). */
  onRemoteChange?: () => void;
  /** The live stream's other events (`locks`, `open`), for the session's hub (./live-events.ts). */
  onEvent?: (event: string, data: unknown) => void;
}

/** What boot.ts gives the team session: one engine per server address, over the app's store. */
export function teamSyncFactory(store: CadenceStore, hooks: TeamSyncHooks = {}): TeamSyncFactory {
  const { onRemoteChange, onEvent } = hooks;
  return (serverUrl) => teamSyncPort(createTeamSync({ store, serverUrl, ...(onRemoteChange ? { onRemoteChange } : {}), ...(onEvent ? { onEvent } : {}) }));
}
