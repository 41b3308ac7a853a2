/** Shapes the demo scenarios hand to the dossier builder, and the codes it writes. */
import type { z } from 'zod/mini';
import type {
  ActivityType,
  Address,
  Contact,
  ContactRole,
  Invoice,
  Language,
  PaymentMeans,
  PromiseStatus,
  Segment,
  TaskKind,
} from '../entities';
import type { InvoiceNumbering } from './invoice-numbering';

/** entities.ts exports these enums as schemas only; the demo needs their value types. */
export type ActivityTypeCode = z.infer<typeof ActivityType>;
export type ContactRoleCode = z.infer<typeof ContactRole>;
export type LanguageCode = z.infer<typeof Language>;
export type PaymentMeansCode = z.infer<typeof PaymentMeans>;
export type PromiseStatusCode = z.infer<typeof PromiseStatus>;
export type SegmentCode = z.infer<typeof Segment>;
export type TaskKindCode = z.infer<typeof TaskKind>;

/**
 * Outcome codes the demo writes into `Activity.outcome`. Calls: the ends of a call listed in DESIGN.md;
 * e-mails and letters: `sent`; payments: `received`.
 */
export type DemoOutcome =
  | 'promise'
  | 'no_answer'
  | 'voicemail'
  | 'callback_requested'
  | 'wrong_contact'
  | 'dispute'
  | 'payment_plan_requested'
  | 'approval_pending'
  | 'invoice_not_received'
  | 'refused'
  | 'sent'
  | 'received';

/** Late-payment reason codes (DESIGN.md taxonomy), stored in call details as `{ reason }`. */
export type DemoReason =
  | 'forgotten'
  | 'invoice_not_received'
  | 'dispute'
  | 'signatory_absent'
  | 'bank_details'
  | 'approval_workflow'
  | 'cash_flow'
  | 'bad_faith'
  | 'other';

export interface DemoBook {
  today: string;
  numbering: InvoiceNumbering;
}

export interface DebtorSpec {
  name: string;
  siren: string;
  address: Address;
  language?: LanguageCode;
  segment: SegmentCode;
  creditLimitCents: number;
  blockingThresholdCents: number;
  notes: string;
  /** Days since the account was opened. */
  customerSinceDays: number;
}

export interface ContactSpec {
  first: string;
  last: string;
  role: ContactRoleCode;
  phone: string;
  preferred?: boolean;
  email?: string;
}

export interface InvoiceSpec {
  /** Due date as an offset from today: negative means overdue. */
  dueIn: number;
  /** Payment terms in days between issue and due date (30 by default). */
  termsDays?: number;
  label: string;
  exclCents: number;
  disputeReason?: string;
}

export interface PromiseSpec {
  contact?: Contact;
  createdOffset: number;
  createdTime?: string;
  dueOffset: number;
  amountCents: number;
  means?: PaymentMeansCode;
  invoices: Invoice[];
  status: PromiseStatusCode;
  paidCents?: number;
}

export interface TaskSpec {
  kind: TaskKindCode;
  dueOffset: number;
  dueTime?: string;
  note: string;
  doneOffset?: number;
}
