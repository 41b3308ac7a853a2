/**
 * The server as real processes: kill -9 in the middle of a 1,000-mutation push loses no acknowledged mutation
 * and stores none twice once the device pushes again; two processes on one database pass a change pushed
 * through one to an event stream of the other (LISTEN/NOTIFY).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mutation } from '../../src/sync/protocol';
import { freePort } from '../src/db/cluster';
import { debtor, Device, freshDatabase, mutation, openEvents, seedTeam, spawnServer, type ServerProcess, type Team, type TestDb } from './harness';

let db: TestDb;
let team: Team;
const running: ServerProcess[] = [];

beforeAll(async () => {
  db = await freshDatabase();
  team = await seedTeam(db, 'Procs', { agent: 'agent', other: 'agent' });
});
afterAll(async () => {
  for (const p of running) p.child.kill('SIGKILL');
  await db?.drop();
});

async function start(port: number): Promise<ServerProcess> {
  const p = await spawnServer(db, port);
  running.push(p);
  return p;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('kill -9 during a push', () => {
  it('keeps every acknowledged mutation exactly once after a restart', { timeout: 120_000 }, async () => {
    const port = await freePort();
    let server = await start(port);
    const device = new Device(server.url, 'crash laptop');
    expect((await device.login(team.members.agent!.email)).status).toBe(200);
    const mutations: Mutation[] = Array.from({ length: 1000 }, (_, i) => mutation('debtor.create', { debtor: debtor(`k-${i}`) }));

    // Phase 1: batches of 50; each acknowledged batch is remembered; kill -9 lands while a batch is in flight.
    const acked = new Set<string>();
    let next = 0;
    let killedDuring: Mutation[] = [];
    for (;;) {
      const batch = mutations.slice(next, next + 50);
      const inFlight = device.push(batch).then(
        (reply) => ({ reply, error: null }),
        (error: unknown) => ({ reply: null, error }),
      );
      if (next >= 300) {
        // Wait until the server is inside this batch (some of it committed), then kill it.
        const firstId = batch[0]!.id;
        for (let i = 0; i < 200; i += 1) {
          const { rows } = await db.owner.query('SELECT count(*)::int AS n FROM audit WHERE mutation_id = $1', [firstId]);
          if (rows[0].n > 0) break;
          await sleep(2);
        }
        server.child.kill('SIGKILL');
        await server.exited;
        expect((await inFlight).error).toBeInstanceOf(Error);
        killedDuring = batch;
        break;
      }
      const { reply } = await inFlight;
      expect(reply?.status).toBe(200);
      if (!reply) break;
      for (const r of reply.body.results) acked.add(r.id);
      next += 50;
    }
    expect(acked.size).toBe(300);
    const committedOfKilled = Number((await db.owner.query('SELECT count(*) AS n FROM audit WHERE mutation_id = ANY($1::uuid[])', [killedDuring.map((m) => m.id)])).rows[0].n);

    // Phase 2: restart; the device pushes everything not acknowledged, in one push of up to 1,000.
    server = await start(port);
    const rest = mutations.filter((m) => !acked.has(m.id));
    const reply = await device.push(rest);
    expect(reply.status).toBe(200);
    const statuses = reply.body.results.map((r) => r.status);
    expect(statuses.filter((s) => s === 'replayed').length).toBe(committedOfKilled);
    expect(statuses.filter((s) => s === 'applied').length).toBe(rest.length - committedOfKilled);
    expect(reply.body.lastMutationId).toBe(mutations[999]!.id);

    const dupes = await db.owner.query('SELECT mutation_id FROM audit GROUP BY mutation_id HAVING count(*) > 1');
    expect(dupes.rows).toEqual([]);
    const stored = await db.owner.query("SELECT count(*)::int AS n, count(DISTINCT version)::int AS versions FROM records WHERE id LIKE 'k-%'");
    expect(stored.rows[0]).toEqual({ n: 1000, versions: 1000 });
    const audited = await db.owner.query('SELECT count(*)::int AS n FROM audit WHERE mutation_id = ANY($1::uuid[])', [mutations.map((m) => m.id)]);
    expect(audited.rows[0].n).toBe(1000);
    // And a full replay of all 1,000 changes nothing.
    const replay = await device.push(mutations);
    expect(replay.body.results.every((r) => r.status === 'replayed')).toBe(true);
    expect((await db.owner.query("SELECT count(*)::int AS n FROM records WHERE id LIKE 'k-%'")).rows[0].n).toBe(1000);
    server.child.kill('SIGTERM');
    await server.exited;
  });
});

describe('two server processes on one database', () => {
  it('passes a change pushed through one to an event stream of the other within 2 s', async () => {
    const [portA, portB] = [await freePort(), await freePort()];
    const [a, b] = await Promise.all([start(portA), start(portB)]);
    const writer = new Device(a.url, 'writer');
    const reader = new Device(b.url, 'reader');
    await writer.login(team.members.agent!.email);
    await reader.login(team.members.other!.email);
    const events = await openEvents(b.url, reader);
    try {
      await events.next((e) => e === 'hello');
      const started = Date.now();
      const reply = await writer.push([mutation('debtor.create', { debtor: debtor('two-procs', { name: 'Through A' }) })]);
      const version = reply.body.results[0]!.version!;
      await events.next((e, d) => e === 'poke' && (d as { version: number }).version === version, 2000);
      const pulled = await reader.pullAll({ version: version - 1 });
      expect(pulled.records.filter((r) => r.version === version).map((r) => r.id)).toEqual(['two-procs']);
      expect(Date.now() - started).toBeLessThan(2000);
      // A session opened on one process is valid on the other: servers keep nothing of their own.
      const viaA = new Device(a.url);
      viaA.cookies = reader.cookies;
      expect((await viaA.get('/auth/me')).status).toBe(200);
    } finally {
      events.close();
    }
  });
});
