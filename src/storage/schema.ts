/**
 * The IndexedDB layout at the current database version (see ./upgrades.ts for how each version got here).
 * Values are typed as what we write; every read still goes through zod (./codec.ts) because the disk may hold
 * records from older code or damaged data.
 */
import type { DBSchema } from 'idb';
import type { Activity, Contact, CreditorProfile, Debtor, Invoice, PaymentPlan, PaymentPromise, RateSettings, Settings, Task } from '../domain/entities';
import type { RecapDraft } from '../domain/drafts/recap-draft';
import type { DebtorSummary } from '../domain/summary';
import type { KpiCosts } from '../domain/kpis/kpis';
import type { KpiDigest } from '../domain/kpis/kpi-digest';
import type { ImportPresets } from './import-presets';
import type { ScriptRecord, ScriptVersionRecord, StudioSettings } from '../scripts/library';
import type { TeamDevice } from './team-device';
import type { OutboxEntry, SyncStateRecord } from './outbox-types';
import type { InvoiceBlock } from './invoice-blocks';
import type { NumberPage } from './number-pages';

/** Invoices carry a derived, normalised copy of their number so a prefix search can use an index. */
export type StoredInvoice = Invoice & { numberKey: string };

export const SETTINGS_KEY = 'settings';
/** Records kept beside Settings in its store (see ./preferences.ts). */
export const RATES_KEY = 'rates';
export const CREDITOR_KEY = 'creditor';
/** Script assignments and the studio's concision budget (v7). */
export const STUDIO_KEY = 'studio';
/** When the last backup was made, for the 7-day reminder (./backup.ts). */
export const BACKUP_KEY = 'backup';
/** Unit costs of the cost per claim KPI (domain/kpis/kpis.ts). */
export const KPI_COSTS_KEY = 'kpiCosts';
/** The import wizard's column mappings, one per source (./import-presets.ts). */
export const IMPORT_PRESETS_KEY = 'importPresets';
/** This device's team connection (./team-device.ts): server URL, client id, signed-in user. Never backed up. */
export const TEAM_KEY = 'team';

export interface CadenceDB extends DBSchema {
  debtors: { key: string; value: Debtor; indexes: { name: string } };
  contacts: { key: string; value: Contact; indexes: { debtorId: string } };
  /**
   * The object store of invoices up to v10; since v11 the logical store callers name (./records.ts), kept in
   * `invoiceBlocks`. Still typed here for the upgrade steps that made and read it.
   */
  invoices: { key: string; value: StoredInvoice; indexes: { debtorId: string; numberKey: string; status: Invoice['status'] } };
  /**
   * Each debtor's invoices in one record, keyed by debtorId (v11, ./invoice-blocks.ts), with multiEntry indexes
   * on the invoices' ids and number keys.
   */
  invoiceBlocks: { key: string; value: InvoiceBlock; indexes: { invoiceIds: string; numberKeys: string } };
  /**
   * Every debtor's distinct invoice number keys, sorted, in pages keyed by their lowest possible entry (v12,
   * ./number-pages.ts): what the invoice-number search reads. The blocks' `numberKeys` index above is v11's.
   */
  invoiceNumberPages: { key: string; value: NumberPage };
  /** `debtorId_at` gives a debtor's timeline in one range read. */
  activities: { key: string; value: Activity; indexes: { debtorId: string; debtorId_at: [string, string] } };
  promises: { key: string; value: PaymentPromise; indexes: { debtorId: string; status: PaymentPromise['status']; dueDate: string } };
  /**
   * Tasks are indexed by due date only: IndexedDB keys cannot be booleans, so a `[done, dueDate]` index would
   * silently hold no record at all.
   */
  tasks: { key: string; value: Task; indexes: { debtorId: string; dueDate: string } };
  /** Settings under SETTINGS_KEY, the rate tables under RATES_KEY, the creditor under CREDITOR_KEY (out-of-line keys). */
  settings: { key: string; value: Settings | RateSettings | CreditorProfile | StudioSettings | BackupMeta | KpiCosts | ImportPresets | TeamDevice };
  /** One worklist digest per debtor, keyed by debtorId. */
  summaries: { key: string; value: DebtorSummary };
  /**
   * Calls in progress, keyed by callId: the call machine's persisted snapshot, rewritten on every transition
   * and deleted when the call's outcome is committed (v4).
   */
  calls: { key: string; value: StoredCall; indexes: { debtorId: string } };
  /** Payment plans, proposed then approved or rejected by the team lead (v5). */
  plans: { key: string; value: PaymentPlan; indexes: { debtorId: string; status: PaymentPlan['status'] } };
  /** Recap emails as the agent edited them, keyed by the call activity's id (v6). */
  drafts: { key: string; value: RecapDraft; indexes: { debtorId: string } };
  /** The team's call scripts: draft, status and current version (v7). */
  scripts: { key: string; value: ScriptRecord };
  /** Published script versions, never rewritten, keyed by [scriptId, version] (v7). */
  scriptVersions: { key: [string, number]; value: ScriptVersionRecord; indexes: { scriptId: string } };
  /** One entry per import: staged, then committed by the switch (v8). */
  imports: { key: string; value: ImportJournal };
  /** The records of an import waiting for its switch, keyed by `importId#seq` (v8). */
  importStaging: { key: string; value: StagedWrite };
  /**
   * Local changes waiting for the team server, one typed mutation each, keyed by its UUIDv7 id (so key order is
   * the order they were made); written in the same transaction as the change itself, only once the device
   * has joined a team (v9). See ./outbox.ts.
   */
  outbox: { key: string; value: OutboxEntry };
  /** The device's sync state: team membership, client id, last mutation id issued, pull cookie, lost edits (v9). */
  syncState: { key: string; value: SyncStateRecord };
  /**
   * One KPI digest per debtor, keyed by debtorId (v10): what the KPIs read of its records, packed
   * (domain/kpis/kpi-digest.ts). Derived like `summaries`: written in the same transaction, never backed up
   * (a restore rebuilds it) nor synced.
   */
  kpiDigests: { key: string; value: KpiDigest };
}

export interface BackupMeta {
  schemaVersion: 1;
  lastBackupAt: string;
}

export interface ImportJournal {
  id: string;
  status: 'staging' | 'committed';
  kind: 'aged_balance' | 'fec' | 'payments';
  fileName: string;
  createdAt: string;
  committedAt?: string;
  /** Staged rows, so the switch can tell a complete staging from one a killed tab left half-written. */
  rows: number;
  /** What the import marked paid, told apart (aged balance and FEC imports since the absent-debtors choice). */
  closed?: ImportClosures;
}

/**
 * Invoices an import marked paid: missing for debtors the file listed, and those of debtors absent from it
 * (none when the agent said the file covered only part of the portfolio: `absentKeptOpen` stayed open).
 */
export interface ImportClosures {
  inFile: { invoices: number; cents: number };
  absent: { invoices: number; cents: number };
  absentKeptOpen: number;
}

/** The stores an import writes whole records to (summaries and KPI digests: those of the debtors it creates). */
export type StagedStore = 'debtors' | 'contacts' | 'invoices' | 'activities' | 'summaries' | 'kpiDigests';

/**
 * One staged row: a record to put, a batch of records to put (one row for thousands of records: IndexedDB's
 * cost is per request, so staging 100,000 records as 50 rows is what keeps it to a fraction of a second),
 * fields to set on a stored debtor, or debtors whose promises and summary the switch recomputes.
 */
export type StagedWrite = { key: string; importId: string; seq: number } & (
  | { op: 'put'; store: StagedStore; value: unknown }
  | { op: 'put_many'; store: StagedStore; values: unknown[] }
  | { op: 'patch_debtor'; id: string; set: Record<string, string> }
  | { op: 'touch'; debtorId: string }
  | { op: 'touch_many'; debtorIds: string[] }
);

/**
 * A call in progress as written. `envelope` is the call machine's CallPersistEnvelope; it is typed loosely
 * here because a stored one may come from an older machine version (the session migrates or recovers it).
 */
export interface StoredCall {
  callId: string;
  debtorId: string;
  /** ISO instant of the last write. */
  updatedAt: string;
  envelope: unknown;
}

export type CadenceStoreName =
  | 'debtors'
  | 'contacts'
  | 'invoices'
  | 'activities'
  | 'promises'
  | 'tasks'
  | 'settings'
  | 'summaries'
  | 'calls'
  | 'plans'
  | 'drafts'
  | 'scripts'
  | 'scriptVersions'
  | 'imports'
  | 'importStaging'
  | 'outbox'
  | 'syncState'
  | 'kpiDigests';

export const ALL_STORES: readonly CadenceStoreName[] = [
  'debtors',
  'contacts',
  'invoices',
  'activities',
  'promises',
  'tasks',
  'settings',
  'summaries',
  'calls',
  'plans',
  'drafts',
  'scripts',
  'scriptVersions',
  'imports',
  'importStaging',
  'outbox',
  'syncState',
  'kpiDigests',
];

/** Stores that hold this device's link to a team, never part of a backup nor replaced by a restore. */
export const SYNC_STORES: readonly CadenceStoreName[] = ['outbox', 'syncState'];
