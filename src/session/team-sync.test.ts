import { describe, expect, it, vi } from 'vitest';
import { makeBundle, makeDebtor } from '../../tests/fixtures/db/builders';
import { createMemoryStore } from '../storage/memory-store';
import { FakeServer, settle } from '../sync/client/engine.testing';
import type { NetworkWatch } from '../sync/client/engine';
import type { TrainingSessionRecord } from '../domain/training/session-record';
import { seedDemo } from './seed';
import { activeTeamSync, createTeamSync } from './team-sync';

const online: NetworkWatch = { online: () => true, subscribe: () => () => undefined };

/** fetch over a FakeServer, noting what the transport sent. */
function serverFetch(server: FakeServer) {
  const sent: { url: string; headers: Headers; credentials?: RequestCredentials; body: unknown }[] = [];
  const fake: typeof fetch = async (input, init = {}) => {
    const url = String(input);
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    sent.push({ url, headers: new Headers(init.headers), credentials: init.credentials, body });
    if (url.endsWith('/sync/events')) return new Response(new ReadableStream({ start: () => undefined }), { status: 200 });
    if (url.endsWith('/sync/push')) return Response.json(server.push(body));
    if (url.endsWith('/sync/pull')) return Response.json(server.pull(body));
    return new Response('not found', { status: 404 });
  };
  return { fake, sent };
}

describe('team sync session', () => {
  it('a device with data of its own waits for the choice, then uploads with the session cookie and CSRF header', async () => {
    const server = new FakeServer();
    const { fake, sent } = serverFetch(server);
    const store = createMemoryStore();
    await store.putBundles([makeBundle({ debtor: makeDebtor({ id: 'mine' }) })]);
    const team = createTeamSync({ store, serverUrl: 'https://team.example/', fetch: fake, csrfToken: () => 'csrf-1', network: online, deviceName: 'Desk' });
    const seen: (string | undefined)[] = [];
    team.status.subscribe((s) => seen.push(s.firstConnection));
    await team.start();
    expect(team.status.get().firstConnection).toBe('needed');
    expect(sent).toEqual([]);
    expect(await store.sync!.counts()).toEqual({ pending: 0, failed: 0 });

    const status = await team.firstConnection('upload');
    expect(status).toMatchObject({ state: 'idle', pending: 0 });
    expect(status.firstConnection).toBeUndefined();
    expect(server.applied.map((m) => m.name)).toEqual(['debtor.create']);
    const push = sent.find((s) => s.url === 'https://team.example/sync/push')!;
    expect(push.headers.get('x-csrf-token')).toBe('csrf-1');
    expect(push.credentials).toBe('include');
    expect(push.body).toMatchObject({ protocol: 1, deviceName: 'Desk' });
    expect(seen).toContain('needed');
    expect(activeTeamSync()).toBe(team);

    // A finished simulation's score travels to the lead.
    const record = { id: 'sim-1', personaId: 'persona.cash', personaName: 'Trésorerie tendue', endedAt: '2026-12-03T10:00:00.000Z', score: 82 } as TrainingSessionRecord;
    await team.shareTrainingScore(record);
    await team.syncNow();
    expect(server.applied.at(-1)).toMatchObject({ name: 'training.score', args: { score: { id: 'sim-1', score: 82, scenario: 'Trésorerie tendue' } } });

    team.stop();
    expect(activeTeamSync()).toBeNull();
  });

  it("a trainee's score waits in the outbox while offline and reaches the server once the network is back; alone, nothing is queued", async () => {
    const server = new FakeServer();
    const { fake } = serverFetch(server);
    const record = { id: 'sim-2', personaId: 'persona.cash', personaName: 'Trésorerie tendue', endedAt: '2026-12-03T11:00:00.000Z', score: 64 } as TrainingSessionRecord;
    // Never started (not joined): the score stays in the trainee's history only.
    const aloneStore = createMemoryStore();
    const alone = createTeamSync({ store: aloneStore, serverUrl: 'https://team.example', fetch: fake, csrfToken: () => 't', network: online });
    await alone.shareTrainingScore(record);
    expect(await aloneStore.sync!.counts()).toEqual({ pending: 0, failed: 0 });

    const store = createMemoryStore();
    let up = true;
    const listeners = new Set<(online: boolean) => void>();
    const network: NetworkWatch = { online: () => up, subscribe: (fn) => (listeners.add(fn), () => void listeners.delete(fn)) };
    const team = createTeamSync({ store, serverUrl: 'https://team.example', fetch: fake, csrfToken: () => 't', network });
    await team.start();
    up = false;
    listeners.forEach((fn) => fn(false));
    await team.shareTrainingScore(record);
    await new Promise((r) => setTimeout(r, 300));
    expect(await store.sync!.counts()).toEqual({ pending: 1, failed: 0 });
    expect(server.applied.filter((m) => m.name === 'training.score')).toEqual([]);

    up = true;
    listeners.forEach((fn) => fn(true));
    await vi.waitFor(() => expect(server.applied.filter((m) => m.name === 'training.score')).toHaveLength(1), { timeout: 3_000 });
    expect(server.applied.at(-1)).toMatchObject({ args: { score: { id: 'sim-2', score: 64, at: '2026-12-03T11:00:00.000Z' } } });
    await vi.waitFor(async () => expect(await store.sync!.counts()).toEqual({ pending: 0, failed: 0 }));
    team.stop();
  });

  it('an empty device joins at once; local writes are pushed without a call to syncNow', async () => {
    const server = new FakeServer();
    const { fake } = serverFetch(server);
    const store = createMemoryStore();
    const team = createTeamSync({ store, serverUrl: 'https://team.example', fetch: fake, csrfToken: () => 't', network: online });
    await team.start();
    expect(team.status.get().firstConnection).toBeUndefined();
    await store.putBundles([makeBundle({ debtor: makeDebtor({ id: 'new' }) })]);
    await new Promise((r) => setTimeout(r, 400));
    await settle();
    expect(server.applied.map((m) => m.name)).toEqual(['debtor.create']);
    // The demo portfolio never goes to a team.
    expect(await seedDemo(store, '2026-12-03')).toBe(0);
    expect(await store.counts()).toMatchObject({ debtors: 1 });
    team.stop();
  });

  it('useTeam clears the local dossiers and takes the team’s', async () => {
    const server = new FakeServer();
    server.version = 1;
    server.addRecord('debtor', 'team-debtor', makeDebtor({ id: 'team-debtor', name: 'Of the team' }));
    const { fake } = serverFetch(server);
    const store = createMemoryStore();
    await store.putBundles([makeBundle({ debtor: makeDebtor({ id: 'local-only' }) })]);
    const team = createTeamSync({ store, serverUrl: 'https://team.example', fetch: fake, csrfToken: () => 't', network: online });
    await team.start();
    await team.firstConnection('useTeam');
    expect(await store.getDossier('local-only')).toBeUndefined();
    expect((await store.listSummaries()).map((s) => s.name)).toEqual(['Of the team']);
    expect(server.applied).toEqual([]);
    team.stop();
  });
});
