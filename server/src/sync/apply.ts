/**
 * Decides what one validated mutation does, inside the push transaction (already scoped to the user's team by
 * RLS), and returns it as a write plan; push.ts writes the plan, the audit row and the new version in one
 * statement, so the team's version row is held for as short a time as possible. Append-only records are
 * inserted once under their client-made id; field edits are compared field by field with what the device saw
 * (see src/sync/protocol.ts), and what could not be applied comes back as lost edits. Reads here lock the rows
 * they decide on (FOR UPDATE). A refusal throws `Rejection` before anything is written.
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
  mutationId: string;
}

/** A lost edit before the server gave the mutation its version. */
export type Lost = Omit<LostEdit, 'version'>;

export interface Outcome {
  kind: RecordKind;
  recordId: string;
  /** `insert` a new record, `update` its data (null: a tombstone), or `none` (nothing left to apply). */
  write: 'insert' | 'update' | 'none';
  data: Record<string, unknown> | null;
  /** For mutable fields: the values before and after, only for the fields that changed. */
  before: Record<string, unknown> | null;
  after: unknown;
  lost: Lost[];
}

type Data = Record<string, unknown>;
/** Optional fields that a null in `set` removes (JSON has no undefined). */
const NULL_REMOVES = new Set(['disputeReason', 'segmentOverride']);

/**
 * A create reads nothing first: push.ts inserts with ON CONFLICT DO NOTHING and fails the statement when no row
 * went in (sync_written), then records the mutation as refused (`exists`). Creates are most of the traffic.
 */
function insertRecord(kind: RecordKind, id: string, data: Data): Outcome {
  return { kind, recordId: id, write: 'insert', data, before: null, after: data, lost: [] };
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

/** A debtor-owned record must point at a live debtor of the same team (RLS hides the others), kept live until commit. */
async function requireDebtor(ctx: ApplyContext, debtorId: string): Promise<void> {
  const { rowCount } = await ctx.tx.query("SELECT 1 FROM records WHERE team_id = $1 AND kind = 'debtor' AND id = $2 AND NOT deleted FOR SHARE", [
    ctx.user.teamId,
    debtorId,
  ]);
  if (rowCount === 0) throw new Rejection('not_found', `no debtor ${debtorId} in this team`);
}

/**
 * The teammate whose change was kept: the last one to change the record (its row is locked by loadLive, so it
 * is the change the lost edit collided with). Read only when an edit is lost, which is rare.
 */
async function lastEditorName(ctx: ApplyContext, kind: RecordKind, id: string): Promise<string | null> {
  const { rows } = await ctx.tx.query(
    'SELECT u.display_name FROM records r JOIN users u ON u.id = r.updated_by WHERE r.team_id = $1 AND r.kind = $2 AND r.id = $3',
    [ctx.user.teamId, kind, id],
  );
  return (rows[0]?.display_name as string | undefined) ?? null;
}

/**
 * The field-by-field rule: a field whose current value still equals the device's base takes the new value;
 * one already holding the new value is left alone; any other was changed by someone first and is lost here.
 */
async function editFields(ctx: ApplyContext, kind: RecordKind, edit: { id: string; base: Data; set: Data }, extra: Data = {}): Promise<Outcome> {
  const current = await loadLive(ctx, kind, edit.id);
  const before: Data = {};
  const after: Data = {};
  const lost: Lost[] = [];
  for (const [field, value] of Object.entries(edit.set)) {
    const now = current[field] ?? null;
    if (sameJson(now, value ?? null)) continue;
    if (sameJson(now, edit.base[field] ?? null)) {
      before[field] = now;
      after[field] = value ?? null;
    } else {
      lost.push({ mutationId: ctx.mutationId, kind, recordId: edit.id, field, lost: value ?? null, kept: now });
    }
  }
  if (lost.length > 0) {
    const keptBy = await lastEditorName(ctx, kind, edit.id);
    if (keptBy) for (const l of lost) l.keptBy = keptBy;
  }
  if (Object.keys(after).length === 0) return { kind, recordId: edit.id, write: 'none', data: null, before, after, lost };
  const next: Data = { ...current, ...after, ...extra };
  for (const [field, value] of Object.entries(after)) if (value === null && NULL_REMOVES.has(field)) delete next[field];
  return { kind, recordId: edit.id, write: 'update', data: next, before, after, lost };
}

async function tombstone(ctx: ApplyContext, kind: RecordKind, id: string): Promise<Outcome> {
  const current = await loadLive(ctx, kind, id);
  return { kind, recordId: id, write: 'update', data: null, before: current, after: null, lost: [] };
}

export async function applyMutation(ctx: ApplyContext, mutation: Mutation): Promise<Outcome> {
  if (LEAD_ONLY.has(mutation.name) && ctx.user.role === 'agent') {
    throw new Rejection('forbidden', `${mutation.name} is for team leads`);
  }
  switch (mutation.name) {
    case 'debtor.create': {
      // A segment override is a lead's decision: a debtor an agent's device uploads arrives without one (its
      // device's role switch was local), and the team's lead decides again. The database refuses it anyway.
      const { segmentOverride: _override, ...withoutOverride } = mutation.args.debtor;
      const debtor = ctx.user.role === 'agent' ? withoutOverride : mutation.args.debtor;
      return insertRecord('debtor', debtor.id, debtor as Data);
    }
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
    case 'debtor.setSegmentOverride':
      return editFields(ctx, 'debtor', mutation.args);
    case 'contact.create':
      await requireDebtor(ctx, mutation.args.contact.debtorId);
      return insertRecord('contact', mutation.args.contact.id, mutation.args.contact as Data);
    case 'contact.update':
      return editFields(ctx, 'contact', mutation.args);
    case 'contact.delete':
      return tombstone(ctx, 'contact', mutation.args.id);
    case 'invoice.create':
      await requireDebtor(ctx, mutation.args.invoice.debtorId);
      return insertRecord('invoice', mutation.args.invoice.id, mutation.args.invoice as Data);
    case 'invoice.update':
      return editFields(ctx, 'invoice', mutation.args);
    case 'activity.add':
      await requireDebtor(ctx, mutation.args.activity.debtorId);
      return insertRecord('activity', mutation.args.activity.id, mutation.args.activity as Data);
    case 'promise.add':
      await requireDebtor(ctx, mutation.args.promise.debtorId);
      return insertRecord('promise', mutation.args.promise.id, mutation.args.promise as Data);
    case 'promise.setStatus':
      return editFields(ctx, 'promise', mutation.args);
    case 'plan.propose':
      if (mutation.args.plan.status !== 'proposed') throw new Rejection('invalid', 'a new plan is proposed; a lead decides it');
      await requireDebtor(ctx, mutation.args.plan.debtorId);
      return insertRecord('plan', mutation.args.plan.id, mutation.args.plan as Data);
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
      // Each published version is its own record, never edited: a call in progress keeps the version it began with.
      const { version } = mutation.args;
      return insertRecord('scriptVersion', `${version.scriptId}@${version.version}`, version as Data);
    }
    case 'teamSetting.set': {
      const { key, value } = mutation.args.setting;
      const { rows } = await ctx.tx.query("SELECT data FROM records WHERE team_id = $1 AND kind = 'teamSetting' AND id = $2 FOR UPDATE", [ctx.user.teamId, key]);
      if (!rows[0]) return insertRecord('teamSetting', key, { value });
      return { kind: 'teamSetting', recordId: key, write: 'update', data: { value }, before: rows[0].data, after: { value }, lost: [] };
    }
    case 'training.score':
      return insertRecord('trainingScore', mutation.args.score.id, mutation.args.score as Data);
  }
}
