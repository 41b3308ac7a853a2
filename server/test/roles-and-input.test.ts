/**
 * What only a lead may do, checked by the server and by the database; and hostile input (SQL injection,
 * oversized or malformed payloads) answered with a 4xx that changes nothing.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_SCRIPTS } from '../../src/scripts/builtin';
import { DEFAULT_STUDIO_SETTINGS } from '../../src/scripts/library';
import type { Mutation } from '../../src/sync/protocol';
import { debtor, Device, freshDatabase, mutation, type RunningServer, seedTeam, startServer, type Team, type TestDb } from './harness';

let db: TestDb;
let srv: RunningServer;
let team: Team;
let lead: Device;
let agent: Device;

const plan = (id: string) => ({
  schemaVersion: 1 as const,
  id,
  debtorId: 'd1',
  createdAt: new Date().toISOString(),
  proposedBy: 'agent',
  invoiceIds: [],
  instalments: [{ dueDate: '2027-01-10', amountCents: 10_000 }],
  balanceCents: 10_000,
  penaltiesCents: 0,
  penalties: 'waived' as const,
  totalCents: 10_000,
  means: 'transfer' as const,
  status: 'proposed' as const,
  note: 'offer',
});
const script = () => {
  const builtin = BUILTIN_SCRIPTS[0]!;
  return { schemaVersion: 1 as const, scriptId: builtin.id, version: 7, script: { ...builtin, version: 7 }, note: 'shorter opening', author: 'lead', publishedAt: new Date().toISOString() };
};
const counts = async () => (await db.owner.query('SELECT (SELECT count(*) FROM records)::int AS records, (SELECT count(*) FROM audit)::int AS audit, (SELECT count(*) FROM users)::int AS users')).rows[0];

beforeAll(async () => {
  db = await freshDatabase();
  team = await seedTeam(db, 'Roles', { lead: 'lead', agent: 'agent' });
  srv = await startServer(db);
  lead = new Device(srv.url, 'lead');
  agent = new Device(srv.url, 'agent');
  await lead.login(team.members.lead!.email);
  await agent.login(team.members.agent!.email);
  await agent.push([mutation('debtor.create', { debtor: debtor('d1') }), mutation('plan.propose', { plan: plan('plan-1') })]);
});
afterAll(async () => {
  await srv?.close();
  await db?.drop();
});

describe('lead-only changes', () => {
  it('refuses an agent publishing a script, deciding a plan, assigning, setting a promise status or team settings', async () => {
    const attempts: Mutation[] = [
      mutation('script.publish', { version: script() }),
      mutation('plan.decide', { id: 'plan-1', decision: 'approved' }),
      mutation('debtor.assign', { id: 'd1', base: { assignee: null }, set: { assignee: team.members.agent!.id } }),
      mutation('teamSetting.set', { setting: { key: 'company', value: 'Agent Co' } }),
    ];
    const reply = await agent.push(attempts);
    expect(reply.body.results.map((r) => [r.status, r.code])).toEqual(Array(4).fill(['rejected', 'forbidden']));
    const rows = (await db.owner.query("SELECT kind, data FROM records WHERE kind IN ('scriptVersion', 'teamSetting', 'plan', 'debtor')")).rows;
    expect(rows.filter((r) => r.kind === 'scriptVersion' || r.kind === 'teamSetting')).toEqual([]);
    expect(rows.find((r) => r.kind === 'plan').data.status).toBe('proposed');
    expect(rows.find((r) => r.kind === 'debtor').data.assignee).toBeUndefined();
    // Refusals are audited, with who tried.
    const audit = (await db.owner.query("SELECT name, status, user_id FROM audit WHERE status = 'rejected' ORDER BY id")).rows;
    expect(audit.map((r) => r.name)).toEqual(['script.publish', 'plan.decide', 'debtor.assign', 'teamSetting.set']);
    expect(audit.every((r) => r.user_id === team.members.agent!.id)).toBe(true);
  });

  it('lets a lead do the same, and the agent pulls the published script version', async () => {
    const reply = await lead.push([
      mutation('script.publish', { version: script() }),
      mutation('plan.decide', { id: 'plan-1', decision: 'approved', note: 'ok for me' }),
      mutation('debtor.assign', { id: 'd1', base: { assignee: null }, set: { assignee: team.members.agent!.id } }),
      mutation('teamSetting.set', { setting: { key: 'studio', value: { ...DEFAULT_STUDIO_SETTINGS, sayWordBudget: 30 } } }),
    ]);
    expect(reply.body.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
    const { records } = await agent.pullAll();
    const published = records.find((r) => r.kind === 'scriptVersion');
    expect(published?.id).toBe(`${script().scriptId}@7`);
    expect(published?.data).toMatchObject({ scriptId: script().scriptId, version: 7, note: 'shorter opening' });
    expect(published?.createdBy).toBe(team.members.lead!.id);
    expect(records.find((r) => r.kind === 'plan')?.data).toMatchObject({ status: 'approved', decidedBy: team.members.lead!.displayName, note: 'offer\nok for me' });
    expect(records.find((r) => r.kind === 'debtor')?.data).toMatchObject({ assignee: team.members.agent!.id });
    expect(records.find((r) => r.kind === 'teamSetting' && r.id === 'studio')?.data).toMatchObject({ value: { sayWordBudget: 30 } });
  });

  it('is enforced by the database too: an agent transaction cannot write a script row', async () => {
    const client = new pg.Client({ connectionString: db.appUrl });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query("SELECT set_config('app.user_id', $1, true), set_config('app.team_id', $2, true)", [team.members.agent!.id, team.id]);
      await expect(
        client.query(
          `INSERT INTO records (team_id, kind, id, data, version, created_by, created_device, updated_by, updated_device)
           VALUES ($1, 'scriptVersion', 'sneaky@1', '{}'::jsonb, 99, $2, gen_random_uuid(), $2, gen_random_uuid())`,
          [team.id, team.members.agent!.id],
        ),
      ).rejects.toThrow(/only a team lead/);
    } finally {
      await client.query('ROLLBACK');
      await client.end();
    }
  });
});

describe('hostile input', () => {
  it('treats SQL in values as text, and refuses it where the shape forbids it', async () => {
    const before = await counts();
    const injected = "Robert'); DROP TABLE records; --";
    expect((await new Device(srv.url).login("x'OR'1'='1@x.test", "' OR 1=1 --")).status).toBe(401);
    expect((await new Device(srv.url).login("admin'--", 'x')).status).toBe(400);
    const reply = await agent.push([mutation('debtor.create', { debtor: debtor('d-sql', { name: injected, notes: "'; DELETE FROM audit; --" }) })]);
    expect(reply.body.results[0]!.status).toBe('applied');
    const stored = (await db.owner.query("SELECT data->>'name' AS name FROM records WHERE id = 'd-sql'")).rows[0];
    expect(stored.name).toBe(injected);
    expect((await agent.get("/admin/audit?afterId=0;DROP%20TABLE%20audit")).status).toBe(403);
    const admin = await seedTeam(db, 'Roles2', { admin: 'admin' });
    const adminDevice = new Device(srv.url);
    await adminDevice.login(admin.members.admin!.email);
    expect((await adminDevice.get("/admin/audit?afterId=0;DROP%20TABLE%20audit")).status).toBe(400);
    expect((await adminDevice.get("/admin/audit?limit=1%20OR%201=1")).status).toBe(400);
    const pull = await agent.pull({ version: 0, kind: "debtor' OR '1'='1" as 'debtor', id: 'x' });
    expect(pull.status).toBe(400);
    const after = await counts();
    expect(after.records).toBe(before.records + 1);
    expect(after.audit).toBe(before.audit + 1);
  });

  it('answers 413 to an oversized push and 400 to too many mutations or unknown fields, changing nothing', async () => {
    const before = await counts();
    const huge = 'x'.repeat(3 * 1024 * 1024);
    const big = await agent.push([mutation('debtor.create', { debtor: debtor('d-huge', { notes: huge }) })]);
    expect(big.status).toBe(413);
    expect((await agent.post('/auth/login', { email: 'a@b.c', password: 'x'.repeat(100_000) })).status).toBe(413);
    const many = Array.from({ length: 1001 }, (_, i) => mutation('debtor.create', { debtor: debtor(`d-many-${i}`) }));
    expect((await agent.push(many)).status).toBe(400);
    const bad = await agent.push([{ ...mutation('debtor.create', { debtor: debtor('d-bad') }), name: 'debtor.drop' } as unknown as Mutation]);
    expect(bad.status).toBe(400);
    const extra = await agent.push([{ ...mutation('debtor.create', { debtor: debtor('d-extra') }), teamId: team.id } as unknown as Mutation]);
    expect(extra.status).toBe(400);
    const notJson = await agent.post('/sync/push', undefined, { raw: '{"protocol":1,' });
    expect(notJson.status).toBe(400);
    expect(await counts()).toEqual(before);
  });
});
