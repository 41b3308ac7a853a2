/**
 * The sync protocol on one server: idempotent push, pull from a checkpoint with tombstones and pages, the
 * field-by-field conflict rule with the lost edit reported, the audit, call locks and live events.
 */
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullCookie } from '../../src/sync/protocol';
import { contact, debtor, Device, freshDatabase, mutation, now, openEvents, type RunningServer, seedTeam, startServer, type Team, type TestDb } from './harness';

let db: TestDb;
let srv: RunningServer;
let team: Team;
let alice: Device;
let bob: Device;
let lead: Device;
let admin: Device;

beforeAll(async () => {
  db = await freshDatabase();
  team = await seedTeam(db, 'Sync', { alice: 'agent', bob: 'agent', lead: 'lead', admin: 'admin' });
  srv = await startServer(db);
  alice = new Device(srv.url, 'Alice laptop');
  bob = new Device(srv.url, 'Bob phone');
  lead = new Device(srv.url, 'Lead desk');
  admin = new Device(srv.url, 'Admin');
  for (const [device, key] of [[alice, 'alice'], [bob, 'bob'], [lead, 'lead'], [admin, 'admin']] as const) await device.login(team.members[key]!.email);
});
afterAll(async () => {
  await srv?.close();
  await db?.drop();
});

const auditCount = async () => Number((await db.owner.query('SELECT count(*) AS n FROM audit')).rows[0].n);

describe('push', () => {
  it('applies each mutation once: a replayed push, whole or in part, is a no-op', async () => {
    const batch = [
      mutation('debtor.create', { debtor: debtor('p1') }),
      mutation('contact.create', { contact: contact('p1-c1', 'p1') }),
      mutation('activity.add', { activity: { schemaVersion: 1, id: 'p1-a1', debtorId: 'p1', type: 'call', at: now(), outcome: 'promise', summary: 'Called', agent: 'Alice' } }),
    ];
    const first = await alice.push(batch);
    expect(first.body.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    expect(first.body.lastMutationId).toBe(batch[2]!.id);
    const audits = await auditCount();
    const again = await alice.push(batch);
    expect(again.body.results.map((r) => r.status)).toEqual(['replayed', 'replayed', 'replayed']);
    const partial = await alice.push([batch[2]!, mutation('activity.add', { activity: { schemaVersion: 1, id: 'p1-a2', debtorId: 'p1', type: 'note', at: now(), summary: 'Note', agent: 'Alice' } })]);
    expect(partial.body.results.map((r) => r.status)).toEqual(['replayed', 'applied']);
    expect(await auditCount()).toBe(audits + 1);
    const rows = (await db.owner.query("SELECT id, created_by, created_device FROM records WHERE id LIKE 'p1%' ORDER BY id")).rows;
    expect(rows.map((r) => r.id)).toEqual(['p1', 'p1-a1', 'p1-a2', 'p1-c1']);
    // Every record says who and which device made it.
    expect(rows.every((r) => r.created_by === team.members.alice!.id && r.created_device === alice.clientId)).toBe(true);
  });

  it('refuses ids that go backwards within a push, and a second create of the same record', async () => {
    const a = mutation('debtor.create', { debtor: debtor('order-1') });
    const b = mutation('debtor.create', { debtor: debtor('order-2') });
    expect((await alice.push([b, a])).status).toBe(400);
    const dup = await alice.push([mutation('debtor.create', { debtor: debtor('p1', { name: 'Overwrite?' }) })]);
    expect(dup.body.results[0]).toMatchObject({ status: 'rejected', code: 'exists' });
    expect((await db.owner.query("SELECT data->>'name' AS n FROM records WHERE id = 'p1'")).rows[0].n).toBe('Debtor p1');
  });

  it('applies a batch once when the same client pushes it twice at the same time', async () => {
    const batch = Array.from({ length: 10 }, (_, i) => mutation('debtor.create', { debtor: debtor(`twice-${i}`) }));
    const [x, y] = await Promise.all([alice.push(batch), alice.push(batch)]);
    const applied = [...x.body.results, ...y.body.results].filter((r) => r.status === 'applied').map((r) => r.id);
    expect(applied.sort()).toEqual(batch.map((m) => m.id).sort());
    const audited = await db.owner.query('SELECT count(*)::int AS n FROM audit WHERE mutation_id = ANY($1::uuid[])', [batch.map((m) => m.id)]);
    expect(audited.rows[0].n).toBe(10);
  });

  it('gives every applied mutation a higher team version', async () => {
    const r = await alice.push([mutation('debtor.create', { debtor: debtor('v1') }), mutation('debtor.create', { debtor: debtor('v2') })]);
    const [x, y] = r.body.results.map((res) => res.version!);
    expect(y).toBe(x! + 1);
  });
});

describe('pull', () => {
  it('returns what changed since the checkpoint, tombstones included, in pages', async () => {
    const start = (await bob.pullAll()).cookie;
    await alice.push([mutation('debtor.create', { debtor: debtor('t1') }), mutation('debtor.create', { debtor: debtor('t2') }), mutation('debtor.create', { debtor: debtor('t3') })]);
    await alice.push([mutation('debtor.delete', { id: 't2' }), mutation('debtor.update', { id: 't3', base: { notes: '' }, set: { notes: 'updated' } })]);
    const since = await bob.pullAll(start, 1);
    expect(since.pages).toBe(3);
    expect(since.records.map((r) => [r.id, r.deleted])).toEqual([
      ['t1', false],
      ['t2', true],
      ['t3', false],
    ]);
    expect(since.records[1]!.data).toBeNull();
    expect(since.records[2]!.data).toMatchObject({ notes: 'updated' });
    expect(since.records[1]!.updatedBy).toBe(team.members.alice!.id);
    // Nothing new: an empty answer with the same version.
    const idle = await bob.pull(since.cookie);
    expect(idle.body.records).toEqual([]);
    expect(idle.body.cookie.version).toBe(since.cookie.version);
    // A device from scratch sees the tombstone too, and the same final state.
    const newPhone = new Device(srv.url, 'new phone');
    await newPhone.login(team.members.bob!.email);
    const fresh = await newPhone.pullAll(null, 3);
    expect(fresh.records.find((r) => r.id === 't2')?.deleted).toBe(true);
  });

  it('misses no row when pulling from checkpoints while several devices push at once', async () => {
    const writers = await Promise.all(
      (['alice', 'bob', 'lead'] as const).map(async (key) => {
        const d = new Device(srv.url, `writer ${key}`);
        await d.login(team.members[key]!.email);
        return d;
      }),
    );
    const reader = new Device(srv.url, 'reader');
    await reader.login(team.members.admin!.email);
    let cookie = (await reader.pullAll()).cookie;
    const seen = new Set<string>();
    let done = false;
    const reading = (async () => {
      while (!done) {
        const got = await reader.pullAll(cookie, 7);
        for (const r of got.records) seen.add(r.id);
        cookie = got.cookie;
      }
    })();
    const ids = await Promise.all(
      writers.map(async (w, n) => {
        const mine: string[] = [];
        for (let k = 0; k < 4; k += 1) {
          const batch = Array.from({ length: 5 }, (_, i) => mutation('debtor.create', { debtor: debtor(`race-${n}-${k}-${i}`) }));
          await w.push(batch);
          mine.push(...batch.map((m) => (m.args as { debtor: { id: string } }).debtor.id));
        }
        return mine;
      }),
    );
    done = true;
    await reading;
    for (const r of (await reader.pullAll(cookie)).records) seen.add(r.id);
    expect(ids.flat().filter((id) => !seen.has(id))).toEqual([]);
  });

  it('resumes a page cut in the middle of a version without skipping or repeating a row', async () => {
    // The same version can hold several rows (a team setting and a script in one push are two versions, so
    // build it directly): three rows written by one mutation version.
    const v = Number((await db.owner.query('UPDATE team_versions SET version = version + 1 WHERE team_id = $1 RETURNING version', [team.id])).rows[0].version);
    for (const id of ['m1', 'm2', 'm3']) {
      await db.owner.query(
        `INSERT INTO records (team_id, kind, id, data, version, created_by, created_device, updated_by, updated_device)
         VALUES ($1, 'debtor', $2, $3, $4, $5, $6, $5, $6)`,
        [team.id, id, JSON.stringify(debtor(id)), v, team.members.lead!.id, lead.clientId],
      );
    }
    const from: PullCookie = { version: v - 1 };
    const pages = await bob.pullAll(from, 2);
    expect(pages.records.map((r) => r.id)).toEqual(['m1', 'm2', 'm3']);
    expect(pages.cookie).toEqual({ version: v });
  });
});

describe('conflicts', () => {
  it('decides edits of one field by server order, keeps other fields, and reports the lost edit', async () => {
    await lead.push([mutation('debtor.create', { debtor: debtor('cx') }), mutation('contact.create', { contact: contact('cx-c', 'cx', { phone: '01 00 00 00 00' }) })]);
    const aliceStart = (await alice.pullAll()).cookie;
    const bobStart = (await bob.pullAll()).cookie;
    // Both offline, both edit the phone; Bob also edits the email, which nobody else touched.
    const aliceEdit = mutation('contact.update', { id: 'cx-c', base: { phone: '01 00 00 00 00' }, set: { phone: '06 11 11 11 11' } });
    const bobEdit = mutation('contact.update', { id: 'cx-c', base: { phone: '01 00 00 00 00', email: 'cx-c@example.test' }, set: { phone: '07 22 22 22 22', email: 'new@example.test' } });
    const a = await alice.push([aliceEdit]);
    const b = await bob.push([bobEdit]);
    expect(a.body.results[0]).toMatchObject({ status: 'applied' });
    expect(a.body.results[0]!.lost).toBeUndefined();
    expect(b.body.results[0]).toMatchObject({ status: 'applied' });
    expect(b.body.results[0]!.lost).toEqual([
      {
        mutationId: bobEdit.id,
        kind: 'contact',
        recordId: 'cx-c',
        field: 'phone',
        lost: '07 22 22 22 22',
        kept: '06 11 11 11 11',
        // Who won, so Bob's device can say whose value replaced his.
        keptBy: team.members.alice!.displayName,
        version: b.body.results[0]!.version,
      },
    ]);
    // Both devices end with the same contact; Bob's pull also carries his lost edit (if the push reply was lost).
    const aliceView = await alice.pullAll(aliceStart);
    const bobView = await bob.pullAll(bobStart);
    const final = (view: typeof aliceView) => view.records.filter((r) => r.id === 'cx-c').at(-1)!.data;
    expect(final(aliceView)).toEqual(final(bobView));
    expect(final(bobView)).toMatchObject({ phone: '06 11 11 11 11', email: 'new@example.test' });
    expect(bobView.conflicts.map((c) => [c.field, c.lost, c.keptBy])).toEqual([['phone', '07 22 22 22 22', team.members.alice!.displayName]]);
    expect(aliceView.conflicts).toEqual([]);
  });

  it('is deterministic: the same pushes in the same order give the same result every time', async () => {
    const outcome = async (suffix: string) => {
      const id = `det-${suffix}`;
      await lead.push([mutation('debtor.create', { debtor: debtor(id, { name: 'Base' }) })]);
      const edits = [
        [alice, { name: 'Alice name', notes: 'alice' }],
        [bob, { name: 'Bob name' }],
        [lead, { notes: 'lead', creditLimitCents: 5 }],
      ] as const;
      const lost: string[] = [];
      for (const [device, set] of edits) {
        const base = Object.fromEntries(Object.keys(set).map((k) => [k, (debtor(id, { name: 'Base' }) as Record<string, unknown>)[k]]));
        const r = await device.push([mutation('debtor.update', { id, base, set })]);
        lost.push(...(r.body.results[0]!.lost ?? []).map((l) => `${l.field}:${String(l.lost)}`));
      }
      const data = (await db.owner.query("SELECT data FROM records WHERE id = $1 AND kind = 'debtor'", [id])).rows[0].data;
      return { name: data.name, notes: data.notes, credit: data.creditLimitCents, lost };
    };
    const first = await outcome('1');
    expect(first).toEqual({ name: 'Alice name', notes: 'alice', credit: 5, lost: ['name:Bob name', 'notes:lead'] });
    expect(await outcome('2')).toEqual(first);
  });

  it('never conflicts on append-only records: two agents adding activities and promises both land', async () => {
    const act = (id: string, who: string) => mutation('activity.add', { activity: { schemaVersion: 1, id, debtorId: 'cx', type: 'note', at: now(), summary: who, agent: who } });
    const a = await alice.push([act('ap-a', 'Alice')]);
    const b = await bob.push([act('ap-b', 'Bob')]);
    expect([a.body.results[0]!.status, b.body.results[0]!.status]).toEqual(['applied', 'applied']);
    expect((await db.owner.query("SELECT count(*)::int AS n FROM records WHERE id IN ('ap-a', 'ap-b')")).rows[0].n).toBe(2);
  });

  it('lets a lead set a promise status, and a second lead edit from an old base loses visibly', async () => {
    const promise = { schemaVersion: 1 as const, id: 'pr-1', debtorId: 'cx', createdAt: now(), amountCents: 1000, dueDate: '2026-12-31', means: 'transfer' as const, invoiceIds: [], status: 'pending' as const, paidCents: 0 };
    await alice.push([mutation('promise.add', { promise })]);
    const first = await lead.push([mutation('promise.setStatus', { id: 'pr-1', base: { status: 'pending' }, set: { status: 'broken' } })]);
    expect(first.body.results[0]!.status).toBe('applied');
    const second = await lead.push([mutation('promise.setStatus', { id: 'pr-1', base: { status: 'pending' }, set: { status: 'kept' } })]);
    expect(second.body.results[0]!.lost?.[0]).toMatchObject({ field: 'status', lost: 'kept', kept: 'broken' });
  });
});

describe('audit', () => {
  it('records user, device, client and server time, and before/after of mutable fields, for the admin only', async () => {
    const clientTime = '2026-12-01T09:00:00.000Z';
    const edit = { ...mutation('debtor.update', { id: 'cx', base: { notes: '' }, set: { notes: 'audited' } }), clientTime };
    await bob.push([edit]);
    const reply = await admin.get<{ entries: Record<string, unknown>[] }>('/admin/audit?limit=1000');
    const entry = reply.body.entries.find((e) => e.mutationId === edit.id)!;
    expect(entry).toMatchObject({
      userId: team.members.bob!.id,
      clientId: bob.clientId,
      deviceName: 'Bob phone',
      name: 'debtor.update',
      status: 'applied',
      kind: 'debtor',
      recordId: 'cx',
      clientTime,
      before: { notes: '' },
      after: { notes: 'audited' },
    });
    expect(Date.parse(entry.serverTime as string)).toBeGreaterThan(Date.parse(clientTime));
    expect((await lead.get('/admin/audit')).status).toBe(403);
    expect((await bob.get('/admin/audit')).status).toBe(403);
  });
});

describe('call locks', () => {
  it('lets one agent hold a debtor, tells the other who, renews, releases, and frees it after the time-out', async () => {
    const take = (d: Device, ttlSeconds?: number) => d.post('/locks/acquire', { debtorId: 'cx', clientId: d.clientId, ...(ttlSeconds ? { ttlSeconds } : {}) });
    expect((await take(alice)).status).toBe(200);
    const refused = await take(bob);
    expect(refused.status).toBe(409);
    expect(refused.body.lock).toMatchObject({ userId: team.members.alice!.id, displayName: team.members.alice!.displayName });
    expect((await take(alice, 600)).status).toBe(200);
    expect((await bob.get<{ locks: { debtorId: string }[] }>('/locks')).body.locks.map((l) => l.debtorId)).toEqual(['cx']);
    expect((await bob.post('/locks/release', { debtorId: 'cx', clientId: bob.clientId })).body.released).toBe(false);
    expect((await alice.post('/locks/release', { debtorId: 'cx', clientId: alice.clientId })).body.released).toBe(true);
    expect((await take(bob)).status).toBe(200);
    // Bob's device vanishes mid-call: once the lock's time is up, Alice can take it.
    await db.owner.query("UPDATE call_locks SET expires_at = now() - interval '1 second' WHERE debtor_id = 'cx'");
    expect((await bob.get<{ locks: unknown[] }>('/locks')).body.locks).toEqual([]);
    expect((await take(alice)).status).toBe(200);
  });
});

describe('live events', () => {
  it('pokes the other devices of the team when a push commits, and when a lock moves', async () => {
    const events = await openEvents(srv.url, bob);
    try {
      const hello = await events.next((e) => e === 'hello');
      const reply = await alice.push([mutation('debtor.create', { debtor: debtor(`live-${uuidv7()}`) })]);
      const version = reply.body.results[0]!.version!;
      expect((hello.data as { version: number }).version).toBeLessThan(version);
      await events.next((e, d) => e === 'poke' && (d as { version: number }).version === version, 2000);
      await alice.post('/locks/acquire', { debtorId: 'live-lock', clientId: alice.clientId });
      await events.next((e) => e === 'locks', 2000);
    } finally {
      events.close();
    }
  });
});

describe("trainees' scores", () => {
  it('reach the lead with the trainee named by the server; an agent may not read them', async () => {
    const score = { id: 'sim-score-1', scriptId: 'persona.cash', scenario: 'Trésorerie tendue', score: 77, at: '2026-12-03T09:30:00.000Z' };
    const pushed = await alice.push([mutation('training.score', { score })]);
    expect(pushed.body.results[0]).toMatchObject({ status: 'applied' });
    const read = await lead.request<{ scores: unknown[] }>('GET', '/team/training-scores');
    expect(read.status).toBe(200);
    expect(read.body.scores).toContainEqual({ ...score, userId: team.members.alice!.id, trainee: team.members.alice!.displayName });
    expect((await admin.request('GET', '/team/training-scores')).status).toBe(200);
    expect((await bob.request('GET', '/team/training-scores')).status).toBe(403);
  });
});
