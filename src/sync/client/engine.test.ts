import { describe, expect, it } from 'vitest';
import { makeActivity, makeBundle, makeDebtor } from '../../../tests/fixtures/db/builders';
import type { CadenceStore } from '../../storage/api';
import { createMemoryStore } from '../../storage/memory-store';
import type { TeamSyncStore } from '../../storage/sync-local';
import { createSyncEngine, type SyncEngineOptions } from './engine';
import { FakeClock, FakeNetwork, FakeServer, FakeTransport, settle } from './engine.testing';
import { TransportError } from './ports';

const today = () => '2026-11-23';

async function device(overrides: Partial<SyncEngineOptions> = {}, server = new FakeServer()) {
  const store: CadenceStore = createMemoryStore();
  const sync = store.sync as TeamSyncStore;
  await sync.join({ serverUrl: 'http://server.test', deviceName: 'Laptop' }, '2026-11-23T09:00:00.000Z');
  const transport = new FakeTransport(server);
  const clock = new FakeClock();
  const network = new FakeNetwork();
  const engine = createSyncEngine({ local: sync, transport, clock, network, today, ...overrides });
  return { store, sync, transport, clock, network, engine, server };
}

const bundles = (n: number) => Array.from({ length: n }, (_, i) => makeBundle({ debtor: makeDebtor({ id: `d${i}` }) }));

describe('sync engine', () => {
  it('pushes the outbox in order, in batches, deletes rows only once acknowledged, then pulls', async () => {
    const d = await device({ pushBatch: 2 });
    await d.store.putBundles(bundles(5));
    const before = await d.sync.pending(10);
    const status = await d.engine.syncNow();
    expect(d.transport.pushes.map((p) => p.mutations.length)).toEqual([2, 2, 1]);
    expect(d.transport.pushes.flatMap((p) => p.mutations.map((m) => m.id))).toEqual(before.map((m) => m.id));
    expect(d.server.applied.map((m) => m.id)).toEqual(before.map((m) => m.id));
    expect(status).toMatchObject({ state: 'idle', pending: 0, failed: 0, lastSyncAt: '2026-11-23T09:00:00.000Z' });
    expect(d.transport.pulls).toHaveLength(1);
    expect(d.transport.pulls[0]!.clientId).toBe((await d.sync.link())!.clientId);
  });

  it('keeps the rows when the answer is lost, and the replay stores nothing twice', async () => {
    const d = await device();
    await d.store.putBundles(bundles(3));
    d.transport.loseAnswers = 1;
    const failed = await d.engine.syncNow();
    expect(failed).toMatchObject({ state: 'offline', pending: 3 });
    expect(d.server.applied).toHaveLength(3);
    const ok = await d.engine.syncNow();
    expect(ok).toMatchObject({ state: 'idle', pending: 0 });
    expect(d.server.applied).toHaveLength(3);
    expect(d.transport.pushes[1]!.mutations.map((m) => m.id)).toEqual(d.transport.pushes[0]!.mutations.map((m) => m.id));
  });

  it('sets a refused mutation aside with its reason and goes on with the rest', async () => {
    const d = await device();
    d.server.refuse.set('teamSetting.set', 'forbidden');
    await d.store.putBundles(bundles(1));
    await d.store.putCreditor({ ...(await d.store.getCreditor()), phone: '01 00 00 00 00' });
    await d.store.addActivity(makeActivity({ id: 'a-after', debtorId: 'd0' }));
    const status = await d.engine.syncNow();
    expect(status).toMatchObject({ state: 'idle', pending: 0, failed: 1 });
    expect(await d.engine.failed()).toEqual([{ mutation: expect.objectContaining({ name: 'teamSetting.set' }), reason: 'forbidden' }]);
    expect(d.server.applied.map((m) => m.name)).toEqual(['debtor.create', 'activity.add']);
  });

  it('pulls every page from the stored cookie and applies what teammates made', async () => {
    const server = new FakeServer();
    for (let i = 0; i < 5; i++) {
      server.version += 1;
      server.addRecord('debtor', `t${i}`, makeDebtor({ id: `t${i}`, name: `Team ${i}` }));
    }
    const d = await device({ pullLimit: 2 }, server);
    await d.engine.syncNow();
    expect(d.transport.pulls.map((p) => p.cookie?.version ?? null)).toEqual([null, 2, 4]);
    expect(await d.store.counts()).toMatchObject({ debtors: 5 });
    expect((await d.store.listSummaries()).map((s) => s.name).sort()).toEqual(['Team 0', 'Team 1', 'Team 2', 'Team 3', 'Team 4']);
    // What came from the server does not go back to it.
    expect(await d.sync.counts()).toEqual({ pending: 0, failed: 0 });
    server.version += 1;
    server.addRecord('debtor', 't9', makeDebtor({ id: 't9' }));
    await d.engine.syncNow();
    expect(d.transport.pulls.at(-1)!.cookie).toEqual({ version: 5 });
    expect(await d.store.counts()).toMatchObject({ debtors: 6 });
  });

  it('says when teammates\' records reached the store, once per page that carried some, never for an empty pull', async () => {
    const server = new FakeServer();
    for (let i = 0; i < 3; i++) {
      server.version += 1;
      server.addRecord('debtor', `t${i}`, makeDebtor({ id: `t${i}` }));
    }
    let changes = 0;
    const d = await device({ pullLimit: 2, onRemoteChange: () => changes++ }, server);
    await d.engine.syncNow();
    expect(changes).toBe(2);
    await d.engine.syncNow();
    expect(changes).toBe(2);
  });

  it('retries with capped exponential backoff, and stops retrying when the session ended', async () => {
    const d = await device({ retryBaseMs: 1000, retryMaxMs: 5000 });
    d.transport.fail = new TransportError('server', 'boom', 503);
    d.engine.start();
    await settle();
    expect(d.engine.status()).toMatchObject({ state: 'error', error: 'server' });
    expect(d.clock.delays()).toEqual([1000]);
    d.clock.advance(1000);
    await settle();
    expect(d.clock.delays()).toEqual([2000]);
    d.clock.advance(2000);
    await settle();
    d.clock.advance(4000);
    await settle();
    expect(d.clock.delays()).toEqual([5000]);
    d.transport.fail = new TransportError('unauthenticated', 'sign in', 401);
    d.clock.advance(5000);
    await settle();
    expect(d.engine.status()).toMatchObject({ state: 'error', error: 'unauthenticated' });
    expect(d.clock.delays()).toEqual([]);
    d.engine.stop();
  });

  it('follows the network: offline without calling the server, a sync as soon as it is back', async () => {
    const d = await device();
    d.engine.start();
    await settle();
    const calls = d.transport.pulls.length;
    d.network.set(false);
    await d.store.putBundles(bundles(1));
    d.engine.localChanged();
    d.clock.advance(1000);
    await settle();
    expect(d.engine.status()).toMatchObject({ state: 'offline', pending: 1 });
    expect(d.transport.pulls.length).toBe(calls);
    d.network.set(true);
    await settle();
    expect(d.engine.status()).toMatchObject({ state: 'idle', pending: 0 });
    expect(d.server.applied).toHaveLength(1);
    d.engine.stop();
  });

  it('a poke on the live stream pulls; a closed stream reconnects after a pause', async () => {
    const d = await device({ retryBaseMs: 500 });
    d.engine.start();
    await settle();
    expect(d.transport.streamsOpened).toBe(1);
    const pulls = d.transport.pulls.length;
    d.server.version += 1;
    d.server.addRecord('debtor', 'poked', makeDebtor({ id: 'poked' }));
    d.transport.stream!.onPoke();
    await settle();
    expect(d.transport.pulls.length).toBe(pulls + 1);
    expect((await d.store.getDossier('poked'))?.debtor.id).toBe('poked');
    d.transport.stream!.onClose(new TransportError('offline', 'dropped'));
    expect(d.clock.delays()).toEqual([500]);
    d.clock.advance(500);
    expect(d.transport.streamsOpened).toBe(2);
    d.engine.stop();
    expect(d.transport.stream).toBeNull();
  });

  it('tells who listens about every status change, and reports a device that has not joined', async () => {
    const store = createMemoryStore();
    const engine = createSyncEngine({ local: store.sync as TeamSyncStore, transport: new FakeTransport(new FakeServer()), clock: new FakeClock(), today });
    const seen: string[] = [];
    engine.subscribe((s) => seen.push(s.state));
    const status = await engine.syncNow();
    expect(status).toMatchObject({ state: 'error', error: 'not_joined' });
    expect(seen[0]).toBe('idle');
    expect(seen.at(-1)).toBe('error');
  });
});
