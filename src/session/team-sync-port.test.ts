import { describe, expect, it } from 'vitest';
import { toPortStatus } from './team-sync-port';

describe('the engine as the team session’s port', () => {
  it('words each status the way the session shows it', () => {
    const base = { pending: 3, failed: 0, lastSyncAt: '2026-12-03T09:00:00.000Z' };
    expect(toPortStatus({ ...base, state: 'idle' })).toEqual({ kind: 'idle', lastSync: base.lastSyncAt });
    expect(toPortStatus({ ...base, state: 'syncing' })).toEqual({ kind: 'syncing', pending: 3, lastSync: base.lastSyncAt });
    expect(toPortStatus({ ...base, state: 'offline' })).toEqual({ kind: 'offline', lastSync: base.lastSyncAt });
    expect(toPortStatus({ ...base, state: 'error', error: 'unauthenticated' })).toEqual({ kind: 'error', reason: 'unauthenticated', lastSync: base.lastSyncAt });
  });
});
