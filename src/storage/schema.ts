/**
 * The IndexedDB layout at the current database version (see ./upgrades.ts for how each version got here).
 * Values are typed as what we write; every read still goes through zod (./codec.ts) because the disk may hold
 * records from older code or damaged data.
 */
import type { DBSchema } from 'idb';
import type { Activity, Contact, Debtor, Invoice, PaymentPromise, Settings, Task } from '../domain/entities';
import type { DebtorSummary } from '../domain/summary';

/** Invoices carry a derived, normalised copy of their number so a prefix search can use an index. */
export type StoredInvoice = Invoice & { numberKey: string };

export const SETTINGS_KEY = 'settings';

export interface CadenceDB extends DBSchema {
  debtors: { key: string; value: Debtor; indexes: { name: string } };
  contacts: { key: string; value: Contact; indexes: { debtorId: string } };
  invoices: { key: string; value: StoredInvoice; indexes: { debtorId: string; numberKey: string; status: Invoice['status'] } };
  /** `debtorId_at` gives a debtor's timeline in one range read. */
  activities: { key: string; value: Activity; indexes: { debtorId: string; debtorId_at: [string, string] } };
  promises: { key: string; value: PaymentPromise; indexes: { debtorId: string; status: PaymentPromise['status']; dueDate: string } };
  /**
   * Tasks are indexed by due date only: IndexedDB keys cannot be booleans, so a `[done, dueDate]` index would
   * silently hold no record at all.
   */
  tasks: { key: string; value: Task; indexes: { debtorId: string; dueDate: string } };
  /** One record under SETTINGS_KEY (out-of-line key). */
  settings: { key: string; value: Settings };
  /** One worklist digest per debtor, keyed by debtorId. */
  summaries: { key: string; value: DebtorSummary };
}

export type CadenceStoreName = 'debtors' | 'contacts' | 'invoices' | 'activities' | 'promises' | 'tasks' | 'settings' | 'summaries';

export const ALL_STORES: readonly CadenceStoreName[] = [
  'debtors',
  'contacts',
  'invoices',
  'activities',
  'promises',
  'tasks',
  'settings',
  'summaries',
];
