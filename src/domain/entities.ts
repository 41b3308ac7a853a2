/**
 * One zod schema per entity. Storage, imports and editors all validate through these,
 * so a record that passes here is a record every layer can trust.
 * zod/mini keeps the first-load bundle small (see ../shared/TOOLCHAIN.md).
 */
import { z } from 'zod/mini';
import { isEmailAddress, isPhoneNumber } from './input/contact-format';
import { HISTORY_SEGMENTS } from './segmentation/history-segment';
import { ACTIVITY_TYPES, PROMISE_STATUSES, SEGMENTS, TASK_KINDS } from './vocabulary';
import { Currency, Id, IsoDate, IsoDateTime, NonNegCents } from './primitives';
// The agent's settings live apart (./settings.ts) so the first screen reads them without every schema here.
import { Language } from './settings';

export { DEFAULT_SETTINGS, Language, ROLES, Settings, SETTINGS_SCHEMA_VERSION } from './settings';
export { ACTIVITY_TYPES, PROMISE_STATUSES, SEGMENTS, TASK_KINDS } from './vocabulary';
export { Cents, Currency, Id, IsoDate, IsoDateTime, NonNegCents } from './primitives';


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

/** How the debtor has paid over 12 months (./segmentation/history-segment.ts), as a team lead decided it. */
export const HistorySegmentSchema = z.enum(HISTORY_SEGMENTS);
export const SegmentOverride = z.object({
  segment: HistorySegmentSchema,
  /** The team lead who decided, by name, and when. */
  by: z.string().check(z.minLength(1), z.maxLength(200)),
  at: IsoDateTime,
  /** Why the computed segment does not fit this debtor: required, so the next reader knows. */
  reason: z.string().check(z.minLength(1), z.maxLength(500)),
});
export type SegmentOverride = z.infer<typeof SegmentOverride>;

export const DEBTOR_SCHEMA_VERSION = 1;
export const Debtor = z.object({
  schemaVersion: z.literal(DEBTOR_SCHEMA_VERSION),
  id: Id,
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  /** French company id: 9 digits; empty when an imported file did not give it. */
  siren: z.string().check(z.regex(/^(\d{9})?$/)),
  /** The debtor's code in the creditor's accounts (ERP, FEC auxiliary account): imports match on it first. */
  customerCode: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  address: Address,
  language: Language,
  segment: Segment,
  /** A team lead's override of the history segment; absent: the computed one applies (older records too). */
  segmentOverride: z.optional(SegmentOverride),
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
/**
 * A contact as it may be written: a phone and an e-mail, when given, pass the strict checks, because the
 * dossier builds `tel:` and `mailto:` links from them. Reads stay on `Contact`, so a record stored before
 * this rule still shows (as plain text, never as a link) instead of vanishing as corrupt.
 */
export const ContactForWrite = Contact.check(
  z.refine((c) => c.phone.trim() === '' || isPhoneNumber(c.phone), { message: 'Not a phone number', path: ['phone'] }),
  z.refine((c) => c.email.trim() === '' || isEmailAddress(c.email), { message: 'Not an e-mail address', path: ['email'] }),
);

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

export const PLAN_STATUSES = ['proposed', 'approved', 'rejected'] as const;
export const PlanStatus = z.enum(PLAN_STATUSES);
export type PlanStatus = z.infer<typeof PlanStatus>;
/** Late-payment penalties are either part of what the plan settles, or waived in exchange for the schedule. */
export const PlanPenalties = z.enum(['included', 'waived']);
export const PLAN_SCHEMA_VERSION = 1;
export const PaymentPlan = z.object({
  schemaVersion: z.literal(PLAN_SCHEMA_VERSION),
  id: Id,
  debtorId: Id,
  createdAt: IsoDateTime,
  /** Agent who took the debtor's offer. */
  proposedBy: z.string(),
  contactId: z.optional(Id),
  invoiceIds: z.array(Id),
  instalments: z.array(z.object({ dueDate: IsoDate, amountCents: z.int().check(z.positive()) })).check(z.minLength(1)),
  /** Open balance incl. VAT when proposed, and the penalties accrued that day. */
  balanceCents: NonNegCents,
  penaltiesCents: NonNegCents,
  penalties: PlanPenalties,
  /** Balance, plus penalties when included: what the instalments add up to. */
  totalCents: z.int().check(z.positive()),
  means: PaymentMeans,
  status: PlanStatus,
  decidedBy: z.optional(z.string()),
  decidedAt: z.optional(IsoDateTime),
  /** The agent's note on the offer; the lead's reason is appended when deciding. */
  note: z.string(),
});
export type PaymentPlan = z.infer<typeof PaymentPlan>;

/** One row of a dated rate table: the rate in basis points in force from `from` (1 January or 1 July). */
export const DatedRate = z.object({ from: IsoDate, bp: z.int().check(z.minimum(0)) });
export const RATE_SETTINGS_SCHEMA_VERSION = 1;
/** Late-payment rate tables, kept beside Settings (key `rates` of the settings store). */
export const RateSettings = z.object({
  schemaVersion: z.literal(RATE_SETTINGS_SCHEMA_VERSION),
  /** ECB main refinancing rate of each semester (L441-10 adds 10 points). */
  ecb: z.array(DatedRate),
  /** Legal interest rate of each semester: the floor of a contractual rate is 3 × this. */
  legal: z.array(DatedRate),
  /** Contractual penalty rate per debtor id, in bp, when their terms set one. */
  contractual: z.record(Id, z.int().check(z.minimum(0))),
});
export type RateSettings = z.infer<typeof RateSettings>;

export const CREDITOR_SCHEMA_VERSION = 1;
/** The creditor as its letters present it (key `creditor` of the settings store); its name is Settings.company. */
export const CreditorProfile = z.object({
  schemaVersion: z.literal(CREDITOR_SCHEMA_VERSION),
  address: Address,
  email: z.string(),
  phone: z.string(),
  siren: z.string().check(z.regex(/^(\d{9})?$/)),
  iban: z.string(),
  bic: z.string(),
  /** Named in a business's formal notice, which then announces the report to it; empty: never mentioned. */
  creditInsurer: z.string(),
  /** Days the formal notice gives to pay (8 or 15), moved to the next business day; absent in older records: 8. */
  formalNoticeDays: z.optional(z.union([z.literal(8), z.literal(15)])),
});
export type CreditorProfile = z.infer<typeof CreditorProfile>;
