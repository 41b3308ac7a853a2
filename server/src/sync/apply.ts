/**
 * Applies one validated mutation inside the push transaction, already scoped to the user's team by RLS.
 * Append-only records are inserted once under their client-made id; field edits are compared field by field
 * with what the device saw (see src/sync/protocol.ts), and what could not be applied comes back as lost edits.
 * A refusal throws `Rejection`; the caller rolls back to its savepoint and still records the refusal.
 */
import { LEAD_ONLY, type LostEdit, type Mutation, type RecordKind } from '../../../src/sync/protocol';
import type { SessionUser } from '../auth/session';
import type { Tx } from '../db/database';
import { sameJson } from './same-json';

export type RejectCode = 'forbidden' | 'not_found' | 'exists' | 'invalid';

export class Rejection extends Error {
  constructor(
    readonly code: RejectCode,
    message: string,
  ) {
    super(message);
  }
}

export interface ApplyContext {
  tx: Tx;
  user: SessionUser;
  clientId: string;
  mutationId: string;
  version: number;
}

export interface Outcome {
  kind: RecordKind;
  recordId: string;
  /** For mutable fields: the values before and after, only for the fields that changed. */
  before: Record<string, unknown> | null;
  after: unknown;
  lost: LostEdit[];
}

type Data = Record<string, unknown>;
/** Optional fields that a null in `set` removes (JSON has no undefined). */
const NULL_REMOVES = new Set(['disputeReason']);

async function insertRecord(ctx: ApplyContext, kind: RecordKind, id: string, data: unknown): Promise<Outcome> {
  const { rowCount } = await ctx.tx.query(
    `INSERT INTO records (team_id, kind, id, data, version, created_by, created_device, updated_by, updated_device)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $6, $7) ON CONFLICT DO NOTHING`,
    [ctx.user.teamId, kind, id, JSON.stringify(data), ctx.version, ctx.user.userId, ctx.clientId],
  );
  if (rowCount === 0) throw new Rejection('exists', `${kind} ${id} already exists`);
  return { kind, recordId: id, before: null, after: data, lost: [] };
}

async function loadLive(ctx: ApplyContext, kind: RecordKind, id: string): Promise<Data> {
  const { rows } = await ctx.tx.query('SELECT data FROM records WHERE team_id = $1 AND kind = $2 AND id = $3 AND NOT deleted FOR UPDATE', [
    ctx.user.teamId,
    kind,
    id,
  ]);
  if (!rows[0]) throw new Rejection('not_found', `no ${kind} ${id} in this team`);
  return rows[0].data as Data;
}

async function writeData(ctx: ApplyContext, kind: RecordKind, id: string, data: Data | null): Promise<void> {
  await ctx.tx.query(
    `UPDATE records SET data = $4, deleted = $5, version = $6, updated_by = $7, updated_device = $8, updated_at = now()
     WHERE team_id = $1 AND kind = $2 AND id = $3`,
    [ctx.user.teamId, kind, id, data === null ? null : JSON.stringify(data), data === null, ctx.version, ctx.user.userId, ctx.clientId],
  );
}

/** A debtor-owned record must point at a live debtor of the same team (RLS hides the others). */
async function requireDebtor(ctx: ApplyContext, debtorId: string): Promise<void> {
  const { rowCount } = await ctx.tx.query("SELECT 1 FROM records WHERE team_id = $1 AND kind = 'debtor' AND id = $2 AND NOT deleted", [
    ctx.user.teamId,
    debtorId,
  ]);
  if (rowCount === 0) throw new Rejection('not_found', `no debtor ${debtorId} in this team`);
}

/**
 * The field-by-field rule: a field whose current value still equals the device's base takes the new value;
 * one already holding the new value is left alone; any other was changed by someone first and is lost here.
 */
async function editFields(ctx: ApplyContext, kind: RecordKind, edit: { id: string; base: Data; set: Data }, extra: Data = {}): Promise<Outcome> {
  const current = await loadLive(ctx, kind, edit.id);
  const before: Data = {};
  const after: Data = {};
  const lost: LostEdit[] = [];
  for (const [field, value] of Object.entries(edit.set)) {
    const now = current[field] ?? null;
    if (sameJson(now, value ?? null)) continue;
    if (sameJson(now, edit.base[field] ?? null)) {
      before[field] = now;
      after[field] = value ?? null;
    } else {
      lost.push({ mutationId: ctx.mutationId, kind, recordId: edit.id, field, lost: value ?? null, kept: now, version: ctx.version });
    }
  }
  if (Object.keys(after).length > 0) {
    const next: Data = { ...current, ...after, ...extra };
    for (const [field, value] of Object.entries(after)) if (value === null && NULL_REMOVES.has(field)) delete next[field];
    await writeData(ctx, kind, edit.id, next);
  }
  return { kind, recordId: edit.id, before, after, lost };
}

async function tombstone(ctx: ApplyContext, kind: RecordKind, id: string): Promise<Outcome> {
  const current = await loadLive(ctx, kind, id);
  await writeData(ctx, kind, id, null);
  return { kind, recordId: id, before: current, after: null, lost: [] };
}

export async function applyMutation(ctx: ApplyContext, mutation: Mutation): Promise<Outcome> {
  if (LEAD_ONLY.has(mutation.name) && ctx.user.role === 'agent') {
    throw new Rejection('forbidden', `${mutation.name} is for team leads`);
  }
  switch (mutation.name) {
    case 'debtor.create':
      return insertRecord(ctx, 'debtor', mutation.args.debtor.id, mutation.args.debtor);
    case 'debtor.update':
      return editFields(ctx, 'debtor', mutation.args);
    case 'debtor.delete':
      return tombstone(ctx, 'debtor', mutation.args.id);
    case 'debtor.assign': {
      const assignee = mutation.args.set.assignee;
      if (assignee) {
        const { rowCount } = await ctx.tx.query('SELECT 1 FROM users WHERE id = $1 AND disabled_at IS NULL', [assignee]);
        if (rowCount === 0) throw new Rejection('not_found', 'the assignee is not a member of this team');
      }
      return editFields(ctx, 'debtor', mutation.args);
    }
    case 'contact.create':
      await requireDebtor(ctx, mutation.args.contact.debtorId);
      return insertRecord(ctx, 'contact', mutation.args.contact.id, mutation.args.contact);
    case 'contact.update':
      return editFields(ctx, 'contact', mutation.args);
    case 'contact.delete':
      return tombstone(ctx, 'contact', mutation.args.id);
    case 'invoice.create':
      await requireDebtor(ctx, mutation.args.invoice.debtorId);
      return insertRecord(ctx, 'invoice', mutation.args.invoice.id, mutation.args.invoice);
    case 'invoice.update':
      return editFields(ctx, 'invoice', mutation.args);
    case 'activity.add':
      await requireDebtor(ctx, mutation.args.activity.debtorId);
      return insertRecord(ctx, 'activity', mutation.args.activity.id, mutation.args.activity);
    case 'promise.add':
      await requireDebtor(ctx, mutation.args.promise.debtorId);
      return insertRecord(ctx, 'promise', mutation.args.promise.id, mutation.args.promise);
    case 'promise.setStatus':
      return editFields(ctx, 'promise', mutation.args);
    case 'plan.propose':
      if (mutation.args.plan.status !== 'proposed') throw new Rejection('invalid', 'a new plan is proposed; a lead decides it');
      await requireDebtor(ctx, mutation.args.plan.debtorId);
      return insertRecord(ctx, 'plan', mutation.args.plan.id, mutation.args.plan);
    case 'plan.decide': {
      // Deciding is an edit of `status` from `proposed`: a second lead deciding the same plan loses, visibly.
      const current = await loadLive(ctx, 'plan', mutation.args.id);
      const note = mutation.args.note ? `${String(current.note ?? '')}\n${mutation.args.note}`.trim() : current.note;
      return editFields(
        ctx,
        'plan',
        { id: mutation.args.id, base: { status: 'proposed' }, set: { status: mutation.args.decision } },
        { decidedBy: ctx.user.displayName, decidedAt: mutation.clientTime, note },
      );
    }
    case 'script.publish': {
      // Each published version is its own record: a call in progress keeps the version it started with.
      const script = mutation.args.script;
      return insertRecord(ctx, 'script', `${script.id}@${script.version}`, { ...script, publishedAt: mutation.clientTime, publishedBy: ctx.user.displayName });
    }
    case 'teamSetting.set': {
      const { key, value } = mutation.args.setting;
      const { rows } = await ctx.tx.query("SELECT data, deleted FROM records WHERE team_id = $1 AND kind = 'teamSetting' AND id = $2 FOR UPDATE", [
        ctx.user.teamId,
        key,
      ]);
      if (!rows[0]) return insertRecord(ctx, 'teamSetting', key, { value });
      await writeData(ctx, 'teamSetting', key, { value });
      return { kind: 'teamSetting', recordId: key, before: rows[0].data, after: { value }, lost: [] };
    }
    case 'training.score':
      return insertRecord(ctx, 'trainingScore', mutation.args.score.id, mutation.args.score);
  }
}
