import type { TrainingSessionRecord } from '../domain/training/session-record';
import { describe, expect, it, vi } from 'vitest';
import type { CadenceStore } from '../storage/api';
import { lazyTeamSyncFactory } from './lazy-team-sync';
import type { TeamSyncPort, TeamSyncStatus } from './team-session';

function fakePort(): TeamSyncPort & { calls: string[]; emit: (s: TeamSyncStatus) => void } {
  const calls: string[] = [];
  const fns = new Set<(s: TeamSyncStatus) => void>();
  let current: TeamSyncStatus = { kind: 'syncing', pending: 3, lastSync: null };
  return {
    calls,
    emit: (s) => {
      current = s;
      fns.forEach((f) => f(s));
    },
    status: {
      subscribe: (fn) => {
        fns.add(fn);
        fn(current);
        return () => fns.delete(fn);
      },
    },
    lostEdits: { subscribe: (fn) => (fn([]), () => undefined) },
    start: () => void calls.push('start'),
    stop: () => void calls.push('stop'),
    syncNow: async () => void calls.push('syncNow'),
    firstConnection: async (c) => void calls.push(`first:${c}`),
    dismissLostEdit: async () => void calls.push('dismiss'),
    shareTrainingScore: async (record) => void calls.push(`score:${record.id}`),
  };
}

const store = {} as CadenceStore;

describe('lazyTeamSyncFactory', () => {
  it('loads nothing until a port is asked for, then replays the calls made meanwhile in order', async () => {
    const port = fakePort();
    const load = vi.fn(async () => (url: string) => (port.calls.push(`url:${url}`), port));
    const factory = lazyTeamSyncFactory(store, undefined, load);
    expect(load).not.toHaveBeenCalled();
    const lazy = factory('https://team.example');
    lazy.start();
    await lazy.firstConnection('useTeam');
    await lazy.syncNow();
    await lazy.shareTrainingScore({ id: 'sim-9' } as TrainingSessionRecord);
    expect(load).toHaveBeenCalledTimes(1);
    expect(port.calls).toEqual(['url:https://team.example', 'start', 'first:useTeam', 'syncNow', 'score:sim-9']);
  });

  it('gives subscribers idle first, then the engine’s status and its changes, and stops after unsubscribe', async () => {
    const port = fakePort();
    const lazy = lazyTeamSyncFactory(store, undefined, async () => () => port)('u');
    const seen: TeamSyncStatus[] = [];
    const off = lazy.status.subscribe((s) => seen.push(s));
    expect(seen).toEqual([{ kind: 'idle', lastSync: null }]);
    await new Promise((r) => setTimeout(r, 0));
    expect(seen[1]).toEqual({ kind: 'syncing', pending: 3, lastSync: null });
    port.emit({ kind: 'idle', lastSync: '2026-12-03T10:00:00Z' });
    off();
    port.emit({ kind: 'offline', lastSync: null });
    expect(seen.map((s) => s.kind)).toEqual(['idle', 'syncing', 'idle']);
  });

  it('rejects the awaited calls when the engine code fails to load', async () => {
    const lazy = lazyTeamSyncFactory(store, undefined, () => Promise.reject(new Error('offline chunk')))('u');
    await expect(lazy.syncNow()).rejects.toThrow('offline chunk');
    expect(() => lazy.start()).not.toThrow();
  });
});
