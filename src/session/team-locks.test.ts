import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TeamAuthClient } from '../sync/http-auth';
import { createCallLockPort, LOCK_RENEW_MS, LOCK_TTL_SECONDS } from './team-locks';

const CLIENT_ID = '0190f1a2-0000-7000-8000-0000000000c1';

function recordingClient(log: string[]): TeamAuthClient {
  return {
    serverUrl: 'http://srv.test',
    acquireLock: async (debtorId, clientId, ttl) => (log.push(`acquire ${debtorId} ${clientId} ${ttl}`), { ok: true, value: { debtorId, clientId, userId: clientId, displayName: 'Sam', expiresAt: '2026-12-03T10:00:00.000Z' } }),
    releaseLock: async (debtorId) => (log.push(`release ${debtorId}`), { ok: true, value: true }),
  } as Partial<TeamAuthClient> as TeamAuthClient;
}

afterEach(() => vi.useRealTimers());

describe('the call lock port', () => {
  it('takes the lock, renews it while the call lasts and releases it once at hang-up', async () => {
    vi.useFakeTimers();
    const log: string[] = [];
    const port = createCallLockPort({ client: async () => recordingClient(log), ownClientId: () => CLIENT_ID });
    const held = port.hold('d1');
    await vi.waitFor(() => expect(log).toEqual([`acquire d1 ${CLIENT_ID} ${LOCK_TTL_SECONDS}`]));
    await vi.advanceTimersByTimeAsync(LOCK_RENEW_MS * 2);
    expect(log.filter((l) => l.startsWith('acquire'))).toHaveLength(3);
    held.release();
    held.release();
    await vi.waitFor(() => expect(log.at(-1)).toBe('release d1'));
    await vi.advanceTimersByTimeAsync(LOCK_RENEW_MS * 2);
    expect(log.filter((l) => l.startsWith('release'))).toHaveLength(1);
    expect(log.filter((l) => l.startsWith('acquire'))).toHaveLength(3);
  });

  it('a hang-up before the lock was asked for takes nothing and renews nothing', async () => {
    vi.useFakeTimers();
    const log: string[] = [];
    const port = createCallLockPort({ client: async () => recordingClient(log), ownClientId: () => CLIENT_ID });
    port.hold('d2').release();
    await vi.advanceTimersByTimeAsync(LOCK_RENEW_MS * 3);
    expect(log).toEqual([]);
  });

  it('asks nothing of a device that is not connected', async () => {
    let asked = 0;
    const port = createCallLockPort({ client: async () => (asked++, null), ownClientId: () => null });
    port.hold('d1').release();
    await vi.waitFor(() => expect(asked).toBe(1));
  });
});
