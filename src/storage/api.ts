/**
 * The contract the UI and the app shell use to reach persisted data. `src/storage/` is the only code
 * that touches IndexedDB; everything above it goes through this interface.
 */
import type { RecapDraft } from '../domain/drafts/recap-draft';
import type { DebtorBundle } from '../domain/bundle';
import type { CallOutcome } from '../domain/call/outcome';
import type { Activity, Contact, CreditorProfile, DebtorKind, Invoice, PaymentPlan, PaymentPromise, RateSettings, Settings, Task } from '../domain/entities';
import type { DebtorSummary } from '../domain/summary';
import type { BackupStores } from '../domain/backup/backup-file';
import type { CallRecordWrite } from './call-records';
import type { StoredCall } from './schema';
import type { PaymentEntry, RecordedPayment, RecordedPayments } from './payments';
import type { PlanDecision, PlanFilter } from './plans';
import type { SegmentOverrideChange } from './dossiers';
export type { SegmentOverrideChange } from './dossiers';
import type { TeamSyncStore } from './sync-local';
import type { NumberPage } from './number-pages';

/** A call in progress as read back. Its envelope is untrusted: pass it to `restoreCallSnapshot`. */
export type CallRecord = StoredCall;
/** A call in progress as written: `envelope` is the call machine's CallPersistEnvelope at today's version. */
export type CallRecordInput = CallRecordWrite;

/** What readNumberPages read, in one transaction. */
export interface NumberPagesRead {
  /** The `first` of every page, sorted: which page holds an entry (./number-pages.ts pageFor). */
  directory: string[];
  pages: NumberPage[];
}

export interface CadenceStore {
  /** True when no debtor is stored yet (first run: seed the demo portfolio). */
  isEmpty(): Promise<boolean>;
  counts(): Promise<{ debtors: number; invoices: number }>;
  /** Writes bundles whole: one transaction per call, all or nothing; summaries recomputed. */
  putBundles(bundles: DebtorBundle[]): Promise<void>;
  /** The dossier of one debtor, or undefined when it does not exist. */
  getDossier(debtorId: string): Promise<DebtorBundle | undefined>;
  /**
   * Every worklist summary, delivered in chunks so the main thread never parses 50k records at once. With
   * `{ keep: false }` the chunks only go to `onChunk` and the promise resolves to an empty list: a reader
   * that builds something smaller from them (the worklist's rows) lets 50,000 summaries die young instead of
   * holding them all until the end, which made the garbage collector copy them over and over.
   */
  listSummaries(onChunk?: (chunk: DebtorSummary[]) => void, options?: { keep?: boolean }): Promise<DebtorSummary[]>;
  /** One debtor's summary (undefined when none): light, unlike getDossier, for a debtor a page only names. */
  getSummary(debtorId: string): Promise<DebtorSummary | undefined>;
  /**
   * Rebuilds these debtors' summaries from their records, in short transactions: for summaries written by an
   * older version of the app (no payment-history digest). Unknown debtors are skipped.
   */
  refreshSummaries(debtorIds: readonly string[]): Promise<void>;
  /** The details of every call activity made with a script (any version), read in chunks; unparsed. */
  scriptCallDetails(scriptId: string): Promise<unknown[]>;
  /** Debtor ids whose invoice numbers start with `prefix` (case-insensitive), at most `limit`. */
  findDebtorIdsByInvoiceNumber(prefix: string, limit: number): Promise<string[]>;
  /**
   * The invoice numbers as their pages (./number-pages.ts): for each of `starts`, the page that holds it and
   * the `pagesEach - 1` after it, with the page directory of the same moment. For a reader that keeps pages and
   * answers many prefixes from them (the worklist's search, ./features/worklist/invoice-pages.ts). The memory
   * store pages its numbers the same way.
   */
  readNumberPages(starts: readonly string[], pagesEach: number): Promise<NumberPagesRead>;
  putContact(contact: Contact): Promise<void>;
  putInvoice(invoice: Invoice): Promise<void>;
  addActivity(activity: Activity): Promise<void>;
  putPromise(promise: PaymentPromise): Promise<void>;
  putTask(task: Task): Promise<void>;
  /**
   * A team lead sets (or, with `segment: null`, removes) a debtor's history-segment override, kept on the
   * debtor with its author, date and reason; the summary is rebuilt in the same transaction. `forbidden` for
   * any role but `lead`, `invalid` without a reason, `not_found` for an unknown debtor.
   */
  setSegmentOverride(debtorId: string, change: SegmentOverrideChange): Promise<void>;
  /** Sets a debtor's kind (business or consumer) at `at` (ISO with offset); `not_found` for an unknown debtor. */
  setDebtorKind(debtorId: string, kind: DebtorKind, at: string): Promise<void>;
  getSettings(): Promise<Settings>;
  putSettings(settings: Settings): Promise<void>;
  /** Writes the call in progress (durably: the agent is told it is saved). Its envelope is checked by zod. */
  saveCall(record: CallRecordInput): Promise<void>;
  /**
   * Puts back a call kept aside while IndexedDB refused to write it (storage/call-rescue.ts); its envelope
   * may be from an older machine version. `stale` when the store already holds a newer save of that call.
   */
  restoreCall(record: CallRecord): Promise<'restored' | 'stale'>;
  getCall(callId: string): Promise<CallRecord | undefined>;
  /** Calls in progress, newest first; only those of one debtor when `debtorId` is given. */
  activeCalls(debtorId?: string): Promise<CallRecord[]>;
  /**
   * In one transaction: the call activity, the promise, the tasks, disputed invoices, contact changes (a new
   * preferred contact clears the others' flag), the debtor's summary, and the call in progress deleted.
   * Fails with `not_found` when the call is no longer in progress (already committed elsewhere).
   */
  commitCallOutcome(callId: string, outcome: CallOutcome): Promise<void>;
  /** A call that cannot resume: its recovered activity goes to the timeline and the call in progress is deleted. */
  recoverCall(callId: string, activity: Activity): Promise<void>;
  /** Deletes a call in progress that holds nothing to keep (unreadable snapshot, nothing typed yet). */
  discardCall(callId: string): Promise<void>;
  /**
   * In one transaction: the payment activity, the named invoices settled oldest due first (paid when fully
   * paid), every promise of the debtor recomputed (status, paidCents) as of `today`, and the summary.
   * `invalid` when the amount exceeds what the invoices owe or the date is after `today`.
   */
  recordPayment(entry: PaymentEntry, today: string): Promise<RecordedPayment>;
  /**
   * Several payments in one transaction, each written as `recordPayment` writes it, all or nothing. Ids
   * already recorded are skipped and listed (`alreadyRecorded`), so a payments file imported twice records
   * its lines once.
   */
  recordPayments(entries: readonly PaymentEntry[], today: string): Promise<RecordedPayments>;
  /**
   * Stores a new payment plan (status `proposed`; instalments summing to `totalCents`), with an optional
   * timeline activity in the same transaction. A call outcome uses it for the debtor's offer.
   */
  proposePlan(plan: PaymentPlan, activity?: Activity): Promise<void>;
  /** The team lead's decision; approval creates one pending promise per instalment in the same transaction. */
  decidePlan(planId: string, decision: PlanDecision): Promise<PaymentPromise[]>;
  /** Plans, newest first, filtered by debtor and/or status. */
  listPlans(filter?: PlanFilter): Promise<PaymentPlan[]>;
  /** Late-payment rate tables (defaults: public ECB and legal rates) and contractual rates per debtor. */
  getRateSettings(): Promise<RateSettings>;
  putRateSettings(rates: RateSettings): Promise<void>;
  /** The creditor's letterhead for letters (address, contact, bank details). */
  getCreditor(): Promise<CreditorProfile>;
  putCreditor(creditor: CreditorProfile): Promise<void>;
  /** The recap email of a call (by the call activity's id) as the agent last edited it. */
  getRecapDraft(id: string): Promise<RecapDraft | undefined>;
  /** Written on every edit (checked by zod); the newest write wins. */
  putRecapDraft(draft: RecapDraft): Promise<void>;
  /** Back to the generated text. */
  deleteRecapDraft(id: string): Promise<void>;
  /**
   * Deletes every record of every store (settings included), except the team link and its outbox: a device
   * joined to a team stays joined and pulls the team's data again from the start.
   */
  clearAll(): Promise<void>;
  /** Every backed-up store as it is stored (storage/backup.ts), read in one transaction: a backup's content. */
  exportBackup(): Promise<BackupStores>;
  /**
   * Replaces everything with a backup's content in one transaction, summaries rebuilt. Every record is checked
   * first: the first invalid one refuses the whole backup (`invalid`, naming the store and the record's
   * position) and nothing changes.
   */
  restoreBackup(stores: BackupStores): Promise<void>;
  close(): void;
  /**
   * Name of the IndexedDB database behind this store, so a worker can read the same data on a connection of
   * its own (the worklist loads 50,000 summaries off the main thread). Absent for stores that are not backed
   * by IndexedDB (test doubles).
   */
  readonly databaseName?: string;
  /**
   * The device's side of team sync (outbox, checkpoint, pulled rows, lost edits, joining a team): used by
   * session/team-sync.ts only. Absent in test doubles that have no records behind them.
   */
  readonly sync?: TeamSyncStore;
}
