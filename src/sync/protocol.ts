/**
 * The team-server sync protocol, shared by the app (outbox, pull loop) and the server (push, pull, audit):
 * one schema, validated on both sides, so a mutation the app accepts is a mutation the server can apply.
 *
 * Shape (after Replicache's push/pull): a device (a "client", one id per install) records every local change
 * as a typed mutation with a UUIDv7 id, generated monotonically so ids sort in the order they were made. Push
 * sends them in that order; the server applies each one in its own transaction, remembers the last id it
 * applied per client, and a replay (an id at or below it) is a no-op. Every applied change bumps the team's
 * version; pull returns the rows changed since the client's cookie, tombstones included.
 *
 * Conflicts: append-only records (activities — calls and their outcomes, notes, emails, letters, payments —
 * promises, plan proposals, training scores) are created once under a client-made id and never conflict.
 * Mutable fields (debtor and contact fields, invoice fields, assignment, a promise status set by a lead) are
 * edited with the value the device last saw (`base`) beside the new one (`set`): the server applies each field
 * whose current value still equals its base, and keeps the current value of every other field, reporting the
 * lost edit back (push result and pull `conflicts`) so the app can show it. The first edit to reach the server
 * wins, field by field; the outcome is the same on every device.
 *
 * Device settings (language, notices) are never synced; team settings (rate tables, creditor letterhead,
 * company name, script assignment) are records of kind `teamSetting`, written by leads only; published script
 * versions are `scriptVersion` records.
 * zod/mini, as everywhere in the app (first-load size).
 */
import { z } from 'zod/mini';
import {
  Activity,
  Contact,
  CreditorProfile,
  Debtor,
  Id,
  Invoice,
  IsoDateTime,
  PaymentPlan,
  PaymentPromise,
  PromiseStatus,
  RateSettings,
  SegmentOverride,
} from '../domain/entities';
import { PaymentDetails } from '../domain/payments/allocation';
import { ScriptVersionRecord, StudioSettings } from '../scripts/library';

export const PROTOCOL_VERSION = 1;
/** What one push may carry: the outbox is sent in batches of at most this many mutations. */
export const MAX_MUTATIONS_PER_PUSH = 1000;
/** Rows per pull page: a new device pulls a big team in pages of this size. */
export const MAX_PULL_LIMIT = 5000;

export const ClientId = z.uuid();
export const MutationId = z.uuidv7();
export const UserId = z.uuid();

export const RECORD_KINDS = ['debtor', 'contact', 'invoice', 'activity', 'promise', 'plan', 'scriptVersion', 'teamSetting', 'trainingScore'] as const;
export const RecordKind = z.enum(RECORD_KINDS);
export type RecordKind = z.infer<typeof RecordKind>;

/** A field edit: every field in `set` must come with the value the device saw before editing it. */
function fieldEdit<S extends z.ZodMiniObject>(fields: S) {
  const partial = z.partial(fields);
  return z
    .strictObject({ id: Id, base: partial, set: partial })
    .check(
      z.refine((edit) => Object.keys(edit.set).length > 0, { message: 'set names no field', path: ['set'] }),
      z.refine((edit) => Object.keys(edit.set).every((key) => key in edit.base), {
        message: 'every field in set needs its base value',
        path: ['base'],
      }),
    );
}

export const DebtorFields = z.pick(Debtor, {
  name: true,
  siren: true,
  address: true,
  language: true,
  segment: true,
  kind: true,
  creditLimitCents: true,
  blockingThresholdCents: true,
  notes: true,
});
export const ContactFields = z.pick(Contact, { name: true, role: true, phone: true, email: true, preferred: true });
export const InvoiceFields = z.object({
  label: z.string(),
  dueDate: Invoice.shape.dueDate,
  status: Invoice.shape.status,
  /** null removes it (JSON has no undefined). */
  disputeReason: z.nullable(z.string().check(z.maxLength(2000))),
});
/** Who a debtor is assigned to (a user id of the team), or nobody. */
export const AssigneeFields = z.object({ assignee: z.nullable(UserId) });
export const PromiseStatusFields = z.object({ status: PromiseStatus });
/**
 * A lead's override of a debtor's payment-history segment (who, when, why), or null to remove it: a mutable
 * field of the debtor, server-ordered like the others, so two leads deciding at once end the same everywhere.
 */
export const SegmentOverrideFields = z.object({ segmentOverride: z.nullable(SegmentOverride) });

/**
 * A payment is an activity of type `payment` whose details say how much and against which invoices (their
 * allocations are what every device adds to the invoices' paid amounts). A payment recorded before payments
 * carried details (databases up to v7) travels without them: a history line that moves no paid amount on any
 * device, its effect being already in the invoice's paid amount the device uploads. Details that are there must
 * be whole.
 */
export const SyncedActivity = Activity.check(
  z.refine((a) => a.type !== 'payment' || a.details === undefined || PaymentDetails.safeParse(a.details).success, {
    message: 'payment details need amountCents and invoiceIds',
    path: ['details'],
  }),
);

export const TEAM_SETTING_KEYS = ['rates', 'creditor', 'company', 'studio'] as const;
export const TeamSetting = z.discriminatedUnion('key', [
  z.strictObject({ key: z.literal('rates'), value: RateSettings }),
  z.strictObject({ key: z.literal('creditor'), value: CreditorProfile }),
  z.strictObject({ key: z.literal('company'), value: z.string().check(z.minLength(1), z.maxLength(200)) }),
  /** Which published script serves which language × segment, and the studio's checks (src/scripts/library). */
  z.strictObject({ key: z.literal('studio'), value: StudioSettings }),
]);
export type TeamSetting = z.infer<typeof TeamSetting>;

export const TrainingScore = z.strictObject({
  id: Id,
  scriptId: z.string().check(z.maxLength(64)),
  scenario: z.string().check(z.maxLength(200)),
  score: z.int().check(z.minimum(0), z.maximum(100)),
  at: IsoDateTime,
});
export type TrainingScore = z.infer<typeof TrainingScore>;

/** A trainee's score as a lead reads it from the server (`GET /team/training-scores`): who, as the server knows them. */
export const TeamTrainingScore = z.object({
  id: Id,
  userId: UserId,
  trainee: z.string(),
  scriptId: z.string(),
  scenario: z.string(),
  score: z.int().check(z.minimum(0), z.maximum(100)),
  at: IsoDateTime,
});
export type TeamTrainingScore = z.infer<typeof TeamTrainingScore>;
export const TeamTrainingScoresResponse = z.object({ scores: z.array(TeamTrainingScore) });

const envelope = { id: MutationId, clientTime: IsoDateTime };
const m = <N extends string, A extends z.ZodMiniType>(name: N, args: A) =>
  z.strictObject({ ...envelope, name: z.literal(name), args });

export const Mutation = z.discriminatedUnion('name', [
  m('debtor.create', z.strictObject({ debtor: Debtor })),
  m('debtor.update', fieldEdit(DebtorFields)),
  m('debtor.delete', z.strictObject({ id: Id })),
  m('debtor.assign', fieldEdit(AssigneeFields)),
  m('debtor.setSegmentOverride', fieldEdit(SegmentOverrideFields)),
  m('contact.create', z.strictObject({ contact: Contact })),
  m('contact.update', fieldEdit(ContactFields)),
  m('contact.delete', z.strictObject({ id: Id })),
  m('invoice.create', z.strictObject({ invoice: Invoice })),
  m('invoice.update', fieldEdit(InvoiceFields)),
  m('activity.add', z.strictObject({ activity: SyncedActivity })),
  m('promise.add', z.strictObject({ promise: PaymentPromise })),
  m('promise.setStatus', fieldEdit(PromiseStatusFields)),
  m('plan.propose', z.strictObject({ plan: PaymentPlan })),
  m('plan.decide', z.strictObject({ id: Id, decision: z.enum(['approved', 'rejected']), note: z.optional(z.string().check(z.maxLength(2000))) })),
  /** A published version as the studio stores it: immutable, so a call in progress keeps its version. */
  m('script.publish', z.strictObject({ version: ScriptVersionRecord })),
  m('teamSetting.set', z.strictObject({ setting: TeamSetting })),
  m('training.score', z.strictObject({ score: TrainingScore })),
]);
export type Mutation = z.infer<typeof Mutation>;
export type MutationName = Mutation['name'];

/** Mutations only a team lead (or an admin) may apply; the server refuses them from an agent. */
export const LEAD_ONLY: ReadonlySet<MutationName> = new Set(['debtor.assign', 'debtor.setSegmentOverride', 'promise.setStatus', 'plan.decide', 'script.publish', 'teamSetting.set']);

export const PushRequest = z.strictObject({
  protocol: z.literal(PROTOCOL_VERSION),
  clientId: ClientId,
  /** A label the user recognises ("Camille's laptop"), stored with the client and the audit rows. */
  deviceName: z.string().check(z.maxLength(100)),
  mutations: z.array(Mutation).check(z.maxLength(MAX_MUTATIONS_PER_PUSH)),
});
export type PushRequest = z.infer<typeof PushRequest>;

/** A local edit the server did not apply because another edit reached it first. */
export const LostEdit = z.object({
  mutationId: MutationId,
  kind: RecordKind,
  recordId: Id,
  field: z.string(),
  lost: z.unknown(),
  kept: z.unknown(),
  /** The display name of the teammate whose change was kept (absent from servers before it was sent). */
  keptBy: z.optional(z.string().check(z.maxLength(200))),
  /** The team version at which the server decided. */
  version: z.int(),
});
export type LostEdit = z.infer<typeof LostEdit>;

export const REJECT_CODES = ['forbidden', 'not_found', 'exists', 'invalid'] as const;
export const PushResult = z.object({
  id: MutationId,
  status: z.enum(['applied', 'replayed', 'rejected']),
  version: z.optional(z.int()),
  code: z.optional(z.enum(REJECT_CODES)),
  lost: z.optional(z.array(LostEdit)),
});
export type PushResult = z.infer<typeof PushResult>;
export const PushResponse = z.object({ lastMutationId: z.nullable(MutationId), results: z.array(PushResult) });
export type PushResponse = z.infer<typeof PushResponse>;

/** Where a pull resumes: the team version, and within it the last row sent when a page stopped mid-version. */
export const PullCookie = z.strictObject({
  version: z.int().check(z.minimum(0)),
  kind: z.optional(RecordKind),
  id: z.optional(Id),
});
export type PullCookie = z.infer<typeof PullCookie>;

export const PullRequest = z.strictObject({
  protocol: z.literal(PROTOCOL_VERSION),
  clientId: ClientId,
  cookie: z.nullable(PullCookie),
  limit: z.optional(z.int().check(z.minimum(1), z.maximum(MAX_PULL_LIMIT))),
});
export type PullRequest = z.infer<typeof PullRequest>;

export const SyncedRecord = z.object({
  kind: RecordKind,
  id: Id,
  version: z.int(),
  deleted: z.boolean(),
  /** null for a tombstone. */
  data: z.nullable(z.unknown()),
  createdBy: UserId,
  createdDevice: ClientId,
  updatedBy: UserId,
  updatedDevice: ClientId,
  updatedAt: IsoDateTime,
});
export type SyncedRecord = z.infer<typeof SyncedRecord>;

export const PullResponse = z.object({
  cookie: PullCookie,
  /** True when more rows are waiting: pull again with the returned cookie. */
  more: z.boolean(),
  lastMutationId: z.nullable(MutationId),
  records: z.array(SyncedRecord),
  /** This user's lost edits decided since the cookie (also sent in the push result). */
  conflicts: z.array(LostEdit),
});
export type PullResponse = z.infer<typeof PullResponse>;

/** Server-sent events on /sync/events: `poke` says "pull, something changed"; `locks` that call locks moved. */
export const Poke = z.object({ version: z.int() });

export const CallLock = z.object({
  debtorId: Id,
  userId: UserId,
  displayName: z.string(),
  clientId: ClientId,
  expiresAt: IsoDateTime,
});
export type CallLock = z.infer<typeof CallLock>;
export const LockRequest = z.strictObject({
  debtorId: Id,
  clientId: ClientId,
  /** How long the lock holds without a renewal; a call renews it while it lasts. */
  ttlSeconds: z.optional(z.int().check(z.minimum(10), z.maximum(3600))),
});
export const UnlockRequest = z.strictObject({ debtorId: Id, clientId: ClientId });

export const ROLES = ['agent', 'lead', 'admin'] as const;
export const TeamRole = z.enum(ROLES);
export type TeamRole = z.infer<typeof TeamRole>;
