/**
 * A lead's payment-history segment override travels as `debtor.setSegmentOverride`: refused to an agent (by the
 * handler and by the database), applied for a lead and pulled by the team, removed with null, server-ordered
 * when two leads decide at once, and invisible to another team even with the debtor's id.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SegmentOverride } from '../../src/domain/entities';
import { debtor, Device, freshDatabase, mutation, type RunningServer, seedTeam, startServer, type Team, type TestDb } from './harness';

let db: TestDb;
let srv: RunningServer;
let team: Team;
let other: Team;
let lead: Device;
let lead2: Device;
let agent: Device;
let outsider: Device;

const override = (segment: SegmentOverride['segment'], reason: string, by = 'Nadia Lead'): SegmentOverride => ({ segment, by, reason, at: new Date().toISOString() });
const stored = async (id: string) => (await db.owner.query("SELECT data FROM records WHERE kind = 'debtor' AND id = $1", [id])).rows.map((r) => r.data);

beforeAll(async () => {
  db = await freshDatabase();
  team = await seedTeam(db, 'Segments', { lead: 'lead', lead2: 'lead', agent: 'agent' });
  other = await seedTeam(db, 'Elsewhere', { outsider: 'lead' });
  srv = await startServer(db);
  lead = new Device(srv.url, 'lead');
  lead2 = new Device(srv.url, 'lead 2');
  agent = new Device(srv.url, 'agent');
  outsider = new Device(srv.url, 'outsider');
  await lead.login(team.members.lead!.email);
  await lead2.login(team.members.lead2!.email);
  await agent.login(team.members.agent!.email);
  await outsider.login(other.members.outsider!.email);
  await lead.push([mutation('debtor.create', { debtor: debtor('seg-1') })]);
});
afterAll(async () => {
  await srv?.close();
  await db?.drop();
});

describe('debtor.setSegmentOverride', () => {
  it('is refused to an agent, audited, and the debtor keeps no override', async () => {
    const reply = await agent.push([mutation('debtor.setSegmentOverride', { id: 'seg-1', base: { segmentOverride: null }, set: { segmentOverride: override('bad_payer', 'agent tries') } })]);
    expect(reply.status).toBe(200);
    expect(reply.body.results.map((r) => [r.status, r.code])).toEqual([['rejected', 'forbidden']]);
    expect((await stored('seg-1'))[0].segmentOverride).toBeUndefined();
    const audit = (await db.owner.query("SELECT status, user_id FROM audit WHERE name = 'debtor.setSegmentOverride'")).rows;
    expect(audit).toEqual([{ status: 'rejected', user_id: team.members.agent!.id }]);
  });

  it('is refused by the database too: an agent transaction cannot set an override, nor create a debtor with one', async () => {
    const client = new pg.Client({ connectionString: db.appUrl });
    await client.connect();
    try {
      for (const sql of [
        `UPDATE records SET data = data || '{"segmentOverride": {"segment": "reliable", "by": "x", "at": "2026-12-03T10:00:00.000Z", "reason": "x"}}'::jsonb, updated_by = $2
          WHERE team_id = $1 AND kind = 'debtor' AND id = 'seg-1'`,
        `INSERT INTO records (team_id, kind, id, data, version, created_by, created_device, updated_by, updated_device)
          VALUES ($1, 'debtor', 'seg-sneaky', '{"segmentOverride": {"segment": "reliable"}}'::jsonb, 99, $2, gen_random_uuid(), $2, gen_random_uuid())`,
      ]) {
        await client.query('BEGIN');
        await client.query("SELECT set_config('app.user_id', $1, true), set_config('app.team_id', $2, true)", [team.members.agent!.id, team.id]);
        await expect(client.query(sql, [team.id, team.members.agent!.id])).rejects.toThrow(/only a team lead/);
        await client.query('ROLLBACK');
      }
    } finally {
      await client.end();
    }
  });

  it("drops the override of a debtor an agent's device uploads, keeping the debtor", async () => {
    const reply = await agent.push([mutation('debtor.create', { debtor: debtor('seg-agent', { segmentOverride: override('reliable', 'set while the device was switched to lead') }) })]);
    expect(reply.body.results.map((r) => r.status)).toEqual(['applied']);
    const [data] = await stored('seg-agent');
    expect(data.name).toBe('Debtor seg-agent');
    expect(data.segmentOverride).toBeUndefined();
  });

  it('is applied for a lead, pulled by the agent with its author and reason, and removed with null', async () => {
    const set = override('bad_payer', 'Relances ignorées depuis le printemps');
    const reply = await lead.push([mutation('debtor.setSegmentOverride', { id: 'seg-1', base: { segmentOverride: null }, set: { segmentOverride: set } })]);
    expect(reply.body.results.map((r) => r.status)).toEqual(['applied']);
    const pulled = (await agent.pullAll()).records.find((r) => r.kind === 'debtor' && r.id === 'seg-1');
    expect(pulled?.data).toMatchObject({ segmentOverride: set, name: 'Debtor seg-1' });
    expect(pulled?.updatedBy).toBe(team.members.lead!.id);
    const audit = (await db.owner.query("SELECT before, after FROM audit WHERE name = 'debtor.setSegmentOverride' AND status = 'applied'")).rows;
    expect(audit).toEqual([{ before: { segmentOverride: null }, after: { segmentOverride: set } }]);

    // An agent's later edit of another field leaves the lead's override in place.
    const edit = await agent.push([mutation('debtor.update', { id: 'seg-1', base: { notes: '' }, set: { notes: 'rappel lundi' } })]);
    expect(edit.body.results.map((r) => r.status)).toEqual(['applied']);
    expect((await stored('seg-1'))[0]).toMatchObject({ notes: 'rappel lundi', segmentOverride: set });

    const removed = await lead.push([mutation('debtor.setSegmentOverride', { id: 'seg-1', base: { segmentOverride: set }, set: { segmentOverride: null } })]);
    expect(removed.body.results.map((r) => r.status)).toEqual(['applied']);
    expect((await stored('seg-1'))[0]).not.toHaveProperty('segmentOverride');
  });

  it('two leads deciding at once: the first to reach the server wins, the other is told', async () => {
    const first = override('reliable', 'Paie toujours, en retard de 3 jours');
    const second = override('bad_payer', 'Litiges à répétition', 'Other Lead');
    expect((await lead.push([mutation('debtor.setSegmentOverride', { id: 'seg-1', base: { segmentOverride: null }, set: { segmentOverride: first } })])).body.results[0]!.status).toBe('applied');
    const late = await lead2.push([mutation('debtor.setSegmentOverride', { id: 'seg-1', base: { segmentOverride: null }, set: { segmentOverride: second } })]);
    expect(late.body.results[0]).toMatchObject({ status: 'applied', lost: [{ field: 'segmentOverride', lost: second, kept: first }] });
    expect((await stored('seg-1'))[0].segmentOverride).toEqual(first);
  });

  it('is invisible to another team, which cannot set it either, even with the id', async () => {
    const { records } = await outsider.pullAll();
    expect(records.filter((r) => r.kind === 'debtor')).toEqual([]);
    const reply = await outsider.push([mutation('debtor.setSegmentOverride', { id: 'seg-1', base: { segmentOverride: null }, set: { segmentOverride: override('watch', 'not my team') } })]);
    expect(reply.body.results.map((r) => [r.status, r.code])).toEqual([['rejected', 'not_found']]);
    expect((await stored('seg-1'))[0].segmentOverride.segment).toBe('reliable');
  });

  it('refuses an override whose shape is wrong, with the field named', async () => {
    const bad = mutation('debtor.setSegmentOverride', { id: 'seg-1', base: { segmentOverride: null }, set: { segmentOverride: override('reliable', '') } });
    const reply = await lead.post('/sync/push', { protocol: 1, clientId: lead.clientId, deviceName: 'lead', mutations: [bad] });
    expect(reply.status).toBe(400);
    expect(JSON.stringify(reply.body)).toContain('reason');
  });
});
