/**
 * The outbox: every local change to a record the team shares becomes a typed mutation of the sync protocol
 * (src/sync/protocol.ts), written into the `outbox` store in the same IndexedDB transaction as the change, so
 * a change and its mutation are kept or lost together (a killed tab never leaves one without the other).
 *
 * The store's operations are not rewritten for this: ./outbox-capture.ts watches what a write transaction puts
 * and deletes, and this file turns those changes (before → after, per record) into mutations:
 *   debtors, contacts   created → `*.create`; fields changed → `*.update` (base = before, set = after); deleted → `*.delete`
 *                       a debtor's history-segment override set or removed by a lead → `debtor.setSegmentOverride`
 *   invoices            created → `invoice.create`; label, due date, status, dispute → `invoice.update`
 *                       (a status change that comes with a paid amount change is derived from a payment: not sent)
 *   activities          created → `activity.add` (calls and their outcomes, notes, emails, letters, payments)
 *   promises            created → `promise.add` (status and paid amount are derived from payments on each device)
 *   plans               created → `plan.propose`; proposed → approved/rejected → `plan.decide`
 *   settings            rate tables, letterhead, studio settings, company name → `teamSetting.set`
 *   script versions     published (./script-library.ts) → `script.publish`
 * Tasks, calls in progress, drafts, summaries, KPI digests and device settings stay on the device.
 * Nothing is written unless the device has joined a team (a `team` row in `syncState`): alone, the app is as before.
 */
import { Mutation as MutationSchema, type Mutation, type MutationName } from '../sync/protocol';
import { StorageError } from './errors';
import type { MutationClock, OutboxEntry } from './outbox-types';
import { nextMutationId } from './outbox-ids';
import type { CadenceStoreName } from './schema';
import { CREDITOR_KEY, RATES_KEY, SETTINGS_KEY, STUDIO_KEY } from './schema';

/** A mutation before it gets its id and time. */
export type MutationDraft = { [N in MutationName]: { name: N; args: Extract<Mutation, { name: N }>['args'] } }[MutationName];

/** One record's change in a transaction: its value before (undefined: created) and after (undefined: deleted). */
export interface RecordChange {
  store: CadenceStoreName;
  key: string;
  before: unknown;
  after: unknown;
}

/** Mutations of one transaction are sent in this order, so a debtor exists on the server before its records. */
const ORDER: Record<string, number> = { debtors: 0, contacts: 1, invoices: 2, plans: 3, activities: 4, promises: 5, settings: 6 };

type Data = Record<string, unknown>;
const asData = (v: unknown): Data | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Data) : undefined);
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

const DEBTOR_FIELDS = ['name', 'siren', 'address', 'language', 'segment', 'kind', 'creditLimitCents', 'blockingThresholdCents', 'notes'] as const;
const CONTACT_FIELDS = ['name', 'role', 'phone', 'email', 'preferred'] as const;
const INVOICE_FIELDS = ['label', 'dueDate', 'status', 'disputeReason'] as const;

/** The fields in `fields` that differ, as a protocol field edit; undefined when none does. */
function fieldEdit(id: string, before: Data, after: Data, fields: readonly string[], nullable: readonly string[] = []) {
  const base: Data = {};
  const set: Data = {};
  for (const f of fields) {
    if (same(before[f], after[f])) continue;
    // JSON has no undefined: an optional field removed travels as null (the protocol allows it where it says so).
    base[f] = before[f] === undefined && nullable.includes(f) ? null : before[f];
    set[f] = after[f] === undefined && nullable.includes(f) ? null : after[f];
  }
  return Object.keys(set).length > 0 ? { id, base, set } : undefined;
}

/** An invoice as the protocol carries it: without the search key the store derives. */
export function plainInvoice(value: Data): Data {
  const { numberKey: _derived, ...invoice } = value;
  return invoice;
}

function invoiceUpdate(id: string, before: Data, after: Data): MutationDraft | undefined {
  const fields = before.amountPaidCents !== after.amountPaidCents ? INVOICE_FIELDS.filter((f) => f !== 'status') : INVOICE_FIELDS;
  const edit = fieldEdit(id, before, after, fields, ['disputeReason']);
  return edit ? ({ name: 'invoice.update', args: edit } as MutationDraft) : undefined;
}

function planDecision(id: string, before: Data, after: Data): MutationDraft | undefined {
  if (before.status !== 'proposed' || (after.status !== 'approved' && after.status !== 'rejected')) return undefined;
  const was = String(before.note ?? '');
  const now = String(after.note ?? '');
  const added = now.startsWith(was) ? now.slice(was.length).trim() : '';
  return { name: 'plan.decide', args: { id, decision: after.status, ...(added ? { note: added } : {}) } };
}

function settingMutation(key: string, before: Data | undefined, after: Data): MutationDraft | undefined {
  const setting = (s: unknown) => ({ name: 'teamSetting.set', args: { setting: s } }) as MutationDraft;
  if (key === RATES_KEY) return setting({ key: 'rates', value: after });
  if (key === CREDITOR_KEY) return setting({ key: 'creditor', value: after });
  if (key === STUDIO_KEY) return setting({ key: 'studio', value: after });
  if (key === SETTINGS_KEY && typeof after.company === 'string' && after.company !== before?.company && after.company.trim() !== '') {
    return setting({ key: 'company', value: after.company });
  }
  return undefined;
}

/** The mutation one record change makes, if any. */
export function mutationFor(change: RecordChange): MutationDraft | undefined {
  const before = asData(change.before);
  const after = asData(change.after);
  const id = change.key;
  switch (change.store) {
    case 'debtors':
      if (!after) return before ? { name: 'debtor.delete', args: { id } } : undefined;
      if (!before) return { name: 'debtor.create', args: { debtor: after } } as MutationDraft;
      return ((e) => (e ? { name: 'debtor.update', args: e } : undefined))(fieldEdit(id, before, after, DEBTOR_FIELDS)) as MutationDraft | undefined;
    case 'contacts':
      if (!after) return before ? { name: 'contact.delete', args: { id } } : undefined;
      if (!before) return { name: 'contact.create', args: { contact: after } } as MutationDraft;
      return ((e) => (e ? { name: 'contact.update', args: e } : undefined))(fieldEdit(id, before, after, CONTACT_FIELDS)) as MutationDraft | undefined;
    case 'invoices':
      if (!after) return undefined;
      if (!before) return { name: 'invoice.create', args: { invoice: plainInvoice(after) } } as MutationDraft;
      return invoiceUpdate(id, before, after);
    case 'activities':
      return after && !before ? ({ name: 'activity.add', args: { activity: after } } as MutationDraft) : undefined;
    case 'promises':
      return after && !before ? ({ name: 'promise.add', args: { promise: after } } as MutationDraft) : undefined;
    case 'plans':
      if (!after) return undefined;
      if (!before) return { name: 'plan.propose', args: { plan: after } } as MutationDraft;
      return planDecision(id, before, after);
    case 'settings':
      return after ? settingMutation(id, before, after) : undefined;
    default:
      return undefined;
  }
}

/**
 * A lead's change of a debtor's segment override travels apart from the debtor's other fields: only leads may
 * send it, so an agent's edit of the same debtor never carries it (nor gets refused because of it).
 */
function segmentOverrideEdit(change: RecordChange): MutationDraft | undefined {
  const before = asData(change.before);
  const after = asData(change.after);
  if (change.store !== 'debtors' || !before || !after) return undefined;
  const edit = fieldEdit(change.key, before, after, ['segmentOverride'], ['segmentOverride']);
  return edit ? ({ name: 'debtor.setSegmentOverride', args: edit } as MutationDraft) : undefined;
}

/** The mutations of one transaction's changes, debtors first, each store in the order its records were written. */
export function mutationsFor(changes: readonly RecordChange[]): MutationDraft[] {
  const ordered = changes
    .map((change, i) => ({ change, i }))
    .sort((a, b) => (ORDER[a.change.store] ?? 9) - (ORDER[b.change.store] ?? 9) || a.i - b.i);
  // A debtor deleted in the same transaction as records of it is deleted last.
  const out: MutationDraft[] = [];
  const deletes: MutationDraft[] = [];
  for (const { change } of ordered) {
    const m = mutationFor(change);
    if (m) (m.name === 'debtor.delete' ? deletes : out).push(m);
    const override = segmentOverrideEdit(change);
    if (override) out.push(override);
  }
  return [...out, ...deletes];
}

/** What appending needs of a transaction: the outbox and sync-state stores, read and written. */
export interface OutboxTx {
  get(store: 'syncState', key: string): Promise<unknown>;
  put(store: 'outbox', value: OutboxEntry): Promise<void>;
  put(store: 'syncState', value: MutationClock): Promise<void>;
}

/** True when this database has joined a team (its `team` row exists). */
export async function isJoined(tx: Pick<OutboxTx, 'get'>): Promise<boolean> {
  return (await tx.get('syncState', 'team')) !== undefined;
}

/**
 * Gives each draft its id (above the last id this database issued) and time, checks it against the protocol's
 * schema, and writes it to the outbox. A change the protocol cannot carry fails the whole transaction: better
 * a refused edit the agent sees than a change that silently never reaches the team.
 */
export async function appendMutations(tx: OutboxTx, drafts: readonly MutationDraft[], at: string, options: { skipInvalid?: boolean } = {}): Promise<Mutation[]> {
  if (drafts.length === 0) return [];
  const clock = (await tx.get('syncState', 'clock')) as MutationClock | undefined;
  let last = clock?.lastId;
  const written: Mutation[] = [];
  for (const draft of drafts) {
    const id = nextMutationId(last);
    const parsed = MutationSchema.safeParse({ id, clientTime: at, ...draft });
    // A first upload skips the odd old record the protocol refuses rather than refusing the whole upload.
    if (!parsed.success && options.skipInvalid) continue;
    last = id;
    if (!parsed.success) {
      throw new StorageError('invalid', `Change cannot be synced as ${draft.name}`, {
        store: 'outbox',
        key: id,
        issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      });
    }
    await tx.put('outbox', { id, mutation: parsed.data, at });
    written.push(parsed.data);
  }
  if (last !== undefined) await tx.put('syncState', { key: 'clock', lastId: last });
  return written;
}
