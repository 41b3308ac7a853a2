/**
 * One zod schema per entity. Storage, imports and editors all validate through these,
 * so a record that passes here is a record every layer can trust.
 * zod/mini keeps the first-load bundle small (see ../shared/TOOLCHAIN.md).
 */
import { z } from 'zod/mini';

/** ISO calendar date, `YYYY-MM-DD`. Dates are strings at rest, never Date objects. */
export const IsoDate = z.iso.date();
/** ISO instant with offset, e.g. `2026-11-23T14:00:00.000Z`. */
export const IsoDateTime = z.iso.datetime({ offset: true });
/** Amounts are integer cents: no floating-point money anywhere. */
export const Cents = z.int();
export const NonNegCents = z.int().check(z.minimum(0));
export const Currency = z.enum(['EUR']);
export const Id = z.string().check(z.minLength(1), z.maxLength(64));
export const Language = z.enum(['fr', 'en']);
export type Language = z.infer<typeof Language>;

export const SEGMENTS = ['key_account', 'mid_market', 'small_business', 'public_sector'] as const;
export const Segment = z.enum(SEGMENTS);
export type Segment = z.infer<typeof Segment>;
/** Penalty rules differ: the 40 € indemnity and L441-10 interest apply to businesses only. */
export const DebtorKind = z.enum(['business', 'consumer']);
export type DebtorKind = z.infer<typeof DebtorKind>;

export const Address = z.object({
  line1: z.string(),
  line2: z.optional(z.string()),
  postalCode: z.string(),
  city: z.string(),
  country: z.string().check(z.length(2)),
});
export type Address = z.infer<typeof Address>;

export const DEBTOR_SCHEMA_VERSION = 1;
export const Debtor = z.object({
  schemaVersion: z.literal(DEBTOR_SCHEMA_VERSION),
  id: Id,
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  /** French company id: 9 digits. */
  siren: z.string().check(z.regex(/^\d{9}$/)),
  address: Address,
  language: Language,
  segment: Segment,
  kind: DebtorKind,
  creditLimitCents: NonNegCents,
  /** Outstanding above which deliveries are blocked (seed 004: e.g. 500 €). */
  blockingThresholdCents: NonNegCents,
  notes: z.string(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Debtor = z.infer<typeof Debtor>;

export const CONTACT_ROLES = ['accountant', 'manager', 'purchasing', 'accounts_payable', 'executive', 'other'] as const;
export const ContactRole = z.enum(CONTACT_ROLES);
export type ContactRole = z.infer<typeof ContactRole>;
export const CONTACT_SCHEMA_VERSION = 1;
export const Contact = z.object({
  schemaVersion: z.literal(CONTACT_SCHEMA_VERSION),
  id: Id,
  debtorId: Id,
  name: z.string().check(z.minLength(1)),
  role: ContactRole,
  phone: z.string(),
  email: z.string(),
  preferred: z.boolean(),
});
export type Contact = z.infer<typeof Contact>;

export const INVOICE_STATUSES = ['open', 'paid', 'disputed'] as const;
export const InvoiceStatus = z.enum(INVOICE_STATUSES);
export type InvoiceStatus = z.infer<typeof InvoiceStatus>;
export const INVOICE_SCHEMA_VERSION = 1;
export const Invoice = z.object({
  schemaVersion: z.literal(INVOICE_SCHEMA_VERSION),
  id: Id,
  debtorId: Id,
  number: z.string().check(z.minLength(1)),
  issueDate: IsoDate,
  dueDate: IsoDate,
  label: z.string(),
  amountExclVatCents: NonNegCents,
  amountInclVatCents: NonNegCents,
  currency: Currency,
  status: InvoiceStatus,
  amountPaidCents: NonNegCents,
  /** Why the debtor disputes it, when status is `disputed`. */
  disputeReason: z.optional(z.string()),
});
export type Invoice = z.infer<typeof Invoice>;

export const ACTIVITY_TYPES = ['call', 'email', 'letter', 'note', 'payment'] as const;
export const ActivityType = z.enum(ACTIVITY_TYPES);
export type ActivityType = z.infer<typeof ActivityType>;
export const ACTIVITY_SCHEMA_VERSION = 1;
export const Activity = z.object({
  schemaVersion: z.literal(ACTIVITY_SCHEMA_VERSION),
  id: Id,
  debtorId: Id,
  type: ActivityType,
  at: IsoDateTime,
  /** Short machine-readable outcome, e.g. `promise`, `no_answer`, `voicemail`, `sent`. */
  outcome: z.optional(z.string()),
  /** What the agent wrote or what the app recorded, shown verbatim in the timeline. */
  summary: z.string(),
  agent: z.string(),
  /** Structured details (call captures, email id…), validated by the feature that writes them. */
  details: z.optional(z.record(z.string(), z.unknown())),
});
export type Activity = z.infer<typeof Activity>;

export const PAYMENT_MEANS = ['transfer', 'cheque', 'card', 'direct_debit', 'other'] as const;
export const PaymentMeans = z.enum(PAYMENT_MEANS);
export type PaymentMeans = z.infer<typeof PaymentMeans>;
export const PROMISE_STATUSES = ['pending', 'kept', 'partial', 'broken'] as const;
export const PromiseStatus = z.enum(PROMISE_STATUSES);
export type PromiseStatus = z.infer<typeof PromiseStatus>;
export const PROMISE_SCHEMA_VERSION = 1;
export const PaymentPromise = z.object({
  schemaVersion: z.literal(PROMISE_SCHEMA_VERSION),
  id: Id,
  debtorId: Id,
  contactId: z.optional(Id),
  createdAt: IsoDateTime,
  amountCents: z.int().check(z.positive()),
  dueDate: IsoDate,
  means: PaymentMeans,
  invoiceIds: z.array(Id),
  status: PromiseStatus,
  /** Cents actually received against this promise; drives kept / partial / broken. */
  paidCents: NonNegCents,
});
export type PaymentPromise = z.infer<typeof PaymentPromise>;

export const TASK_KINDS = ['call_back', 'check_promise', 'send_recap', 'retry_call', 'reminder'] as const;
export const TaskKind = z.enum(TASK_KINDS);
export type TaskKind = z.infer<typeof TaskKind>;
export const TASK_SCHEMA_VERSION = 1;
export const Task = z.object({
  schemaVersion: z.literal(TASK_SCHEMA_VERSION),
  id: Id,
  debtorId: Id,
  kind: TaskKind,
  /** Day the task is due (and optionally the time, for call-backs at an agreed hour). */
  dueDate: IsoDate,
  dueTime: z.optional(z.string().check(z.regex(/^\d{2}:\d{2}$/))),
  note: z.string(),
  done: z.boolean(),
  doneAt: z.optional(IsoDateTime),
});
export type Task = z.infer<typeof Task>;

export const ROLES = ['agent', 'lead', 'trainee'] as const;
export const SETTINGS_SCHEMA_VERSION = 1;
export const Settings = z.object({
  schemaVersion: z.literal(SETTINGS_SCHEMA_VERSION),
  agentName: z.string(),
  company: z.string(),
  signature: z.string(),
  language: Language,
  role: z.enum(ROLES),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  schemaVersion: SETTINGS_SCHEMA_VERSION,
  agentName: 'Camille Martin',
  company: 'Atelier Lumière SAS',
  signature: 'Camille Martin\nChargée de recouvrement\nAtelier Lumière SAS — 01 84 60 12 34',
  language: 'fr',
  role: 'agent',
};
