/**
 * The contract the UI and the app shell use to reach persisted data. `src/storage/` is the only code
 * that touches IndexedDB; everything above it goes through this interface.
 */
import type { DebtorBundle } from '../domain/bundle';
import type { Activity, Contact, Invoice, PaymentPromise, Settings, Task } from '../domain/entities';
import type { DebtorSummary } from '../domain/summary';

export interface CadenceStore {
  /** True when no debtor is stored yet (first run: seed the demo portfolio). */
  isEmpty(): Promise<boolean>;
  counts(): Promise<{ debtors: number; invoices: number }>;
  /** Writes bundles whole: one transaction per call, all or nothing; summaries recomputed. */
  putBundles(bundles: DebtorBundle[]): Promise<void>;
  /** The dossier of one debtor, or undefined when it does not exist. */
  getDossier(debtorId: string): Promise<DebtorBundle | undefined>;
  /** Every worklist summary, delivered in chunks so the main thread never parses 50k records at once. */
  listSummaries(onChunk?: (chunk: DebtorSummary[]) => void): Promise<DebtorSummary[]>;
  /** Debtor ids whose invoice numbers start with `prefix` (case-insensitive), at most `limit`. */
  findDebtorIdsByInvoiceNumber(prefix: string, limit: number): Promise<string[]>;
  putContact(contact: Contact): Promise<void>;
  putInvoice(invoice: Invoice): Promise<void>;
  addActivity(activity: Activity): Promise<void>;
  putPromise(promise: PaymentPromise): Promise<void>;
  putTask(task: Task): Promise<void>;
  getSettings(): Promise<Settings>;
  putSettings(settings: Settings): Promise<void>;
  /** Deletes every record of every store (settings included). */
  clearAll(): Promise<void>;
  close(): void;
}
