import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryStore } from '../storage/memory-store';
import { memoryTeamDeviceStorage } from '../storage/team-device';
import { FakeServer } from '../sync/client/engine.testing';
import type { ServerUser, TeamAuthClient } from '../sync/http-auth';
import type { CallLock } from '../sync/protocol';
import { createLiveEventHub, lockEventsFrom } from './live-events';
import { createTeamSession } from './team-session';
import { teamSyncFactory } from './team-sync-port';

const SERVER = 'https://team.example';
const TEAM = '0190f1a2-0000-7000-8000-0000000000aa';
const ME: ServerUser = { id: '0190f1a2-0000-7000-8000-000000000001', teamId: TEAM, role: 'agent', email: 'sam@team.fr', displayName: 'Sam' };
const OWN_CLIENT = '0190f1a2-0000-7000-8000-0000000000c1';
const OTHER_CLIENT = '0190f1a2-0000-7000-8000-0000000000c2';

afterEach(() => vi.unstubAllGlobals());

/** The browser's network as the session sees it: EventSource constructions counted, fetch over a FakeServer. */
function network() {
  const sync = new FakeServer();
  const seen = { eventSources: 0, streams: 0 };
  vi.stubGlobal(
    'EventSource',
    class {
      constructor() {
        seen.eventSources += 1;
      }
      addEventListener() {}
      close() {}
    },
  );
  let stream: ReadableStreamDefaultController<Uint8Array> | undefined;
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    if (url === `${SERVER}/sync/events`) {
      seen.streams += 1;
      return new Response(new ReadableStream<Uint8Array>({ start: (c) => void (stream = c) }), { status: 200 });
    }
    if (url === `${SERVER}/sync/push`) return Response.json(sync.push(body));
    if (url === `${SERVER}/sync/pull`) return Response.json(sync.pull(body));
    return new Response('not found', { status: 404 });
  });
  const send = (event: string, data: unknown) => stream!.enqueue(new TextEncoder().encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
  return { seen, send, streamOpen: () => stream !== undefined };
}

function lockClient(locks: CallLock[], asked: { n: number }): TeamAuthClient {
  return {
    serverUrl: SERVER,
    me: async () => ({ ok: true, value: ME }),
    async locks() {
      asked.n += 1;
      return { ok: true, value: locks };
    },
  } as Partial<TeamAuthClient> as TeamAuthClient;
}

describe('one live stream per team session', () => {
  it('the call locks follow the sync engine’s stream: no EventSource, one /sync/events, a `locks` event reads them again', async () => {
    const net = network();
    const hub = createLiveEventHub();
    const locks: CallLock[] = [];
    const asked = { n: 0 };
    const session = createTeamSession({
      storage: memoryTeamDeviceStorage({
        schemaVersion: 1,
        serverUrl: SERVER,
        clientId: OWN_CLIENT,
        user: { id: ME.id, name: 'Sam', email: ME.email, role: 'agent', team: TEAM },
        checkedAt: null,
        firstConnectionDone: TEAM,
      }),
      createClient: async () => lockClient(locks, asked),
      hasLocalData: async () => false,
      syncFactory: teamSyncFactory(createMemoryStore(), { onEvent: hub.emit }),
      openEvents: lockEventsFrom(hub),
    });
    // The engine starts with the stored session and opens its stream.
    await vi.waitFor(() => expect(net.streamOpen()).toBe(true));
    await vi.waitFor(() => expect(session.syncStatus()?.kind).toBe('idle'));

    // The worklist and a dossier badge watch the locks at once: still one stream, and no EventSource.
    const stopWorklist = session.locks.watch();
    const stopDossier = session.locks.watch();
    await vi.waitFor(() => expect(asked.n).toBeGreaterThanOrEqual(1));
    const before = asked.n;
    locks.push({ debtorId: 'd1', userId: ME.id, displayName: 'Alex', clientId: OTHER_CLIENT, expiresAt: '2026-12-03T10:00:00.000Z' });
    net.send('locks', {});
    await vi.waitFor(() => expect(session.locks.holders().get('d1')?.displayName).toBe('Alex'));
    expect(asked.n).toBe(before + 1);
    expect(net.seen).toEqual({ eventSources: 0, streams: 1 });

    // Once nobody watches, a `locks` event no longer asks the server.
    stopWorklist();
    stopDossier();
    net.send('locks', {});
    await new Promise((r) => setTimeout(r, 20));
    expect(asked.n).toBe(before + 1);
    expect(net.seen.streams).toBe(1);
    session.dispose();
  });

  it('the hub passes each event to its listeners until they leave', () => {
    const hub = createLiveEventHub();
    const got: unknown[] = [];
    const off = hub.on('locks', (d) => got.push(d));
    hub.emit('locks', 1);
    hub.emit('poke', 2);
    off();
    hub.emit('locks', 3);
    expect(got).toEqual([1]);
  });
});
