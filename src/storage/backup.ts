/**
 * Backups of the whole database and their restore, all or nothing. The file format (header, checksum,
 * compression) is domain/backup/backup-file.ts; this side reads every store and writes them back.
 *
 * - What goes in: every store but the import staging (transient by design); the out-of-line `settings` store
 *   as `[key, value]` pairs.
 * - Restore: every record is checked by its store's zod schema first (the settings by their key; calls by
 *   their frame, as on reads), and the first bad one refuses the whole file, naming the store and the
 *   record's position. Then one transaction clears every store and writes the backup: a kill or a failure
 *   leaves the data as it was. Derived data is rebuilt rather than trusted: invoice `numberKey`s and every
 *   debtor's summary.
 * - A backup from an older database version restores: stores it did not have are left empty, its records
 *   are validated by today's schemas (documents carry their own schemaVersion).
 */
import { z } from 'zod/mini';
import type { BackupError, BackupStores } from '../domain/backup/backup-file';
import { RecapDraft } from '../domain/drafts/recap-draft';
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
  RateSettings,
  Settings,
  Task,
  type Debtor as DebtorType,
} from '../domain/entities';
import { KpiCosts } from '../domain/kpis/kpis';
import { kpiDigest } from '../domain/kpis/kpi-digest';
import { summarizeDebtor } from '../domain/summarize';
import { ScriptRecord, ScriptVersionRecord, StudioSettings } from '../scripts/library';
import { toStoredInvoice } from './bundles';
import { CallRecordFrame } from './call-frame';
import type { CadenceDatabase } from './db';
import { ImportPresets } from './import-presets';
import { INVOICE_IDS_INDEX } from './invoice-blocks';
import { ALL_STORES, SYNC_STORES, BACKUP_KEY, IMPORT_PRESETS_KEY, KPI_COSTS_KEY, CREDITOR_KEY, RATES_KEY, SETTINGS_KEY, STUDIO_KEY, TEAM_KEY, type BackupMeta, type CadenceStoreName } from './schema';
import { StorageError } from './errors';
import { idbRecords, plainIdbRecords } from './idb-records';
import type { Records } from './records';

/** Stores a backup holds, in the order they are written. */
// The outbox and sync state are this device's link to a team, not data: a backup never carries them, and a
// restore leaves them as they are.
export const BACKED_UP_STORES: readonly CadenceStoreName[] = ALL_STORES.filter((s) => s !== 'importStaging' && s !== 'summaries' && s !== 'kpiDigests' && !SYNC_STORES.includes(s));

/** Every backed-up store, read in one transaction: the records as stored, settings as `[key, value]` pairs. */
export function exportRecords(records: Records): Promise<BackupStores> {
  return records.read(BACKED_UP_STORES, async (tx) => {
    const out: BackupStores = {};
    const reads = BACKED_UP_STORES.map(async (name) => {
      if (name === 'settings') {
        const [keys, values] = await Promise.all([tx.getAllKeys('settings'), tx.getAll('settings')]);
        // The team connection belongs to this device: another device restoring the file must not sign in as it.
        out.settings = keys.map((k, i) => [k, values[i]]).filter(([k]) => k !== TEAM_KEY);
      } else {
        const all = await tx.getAll(name);
        // numberKey is derived: rebuilt on restore, so not worth the bytes.
        out[name] = name === 'invoices' ? all.map((r) => omitNumberKey(r)) : all;
      }
    });
    await Promise.all(reads);
    // Stores in their declared order, whatever order the reads finished in.
    return Object.fromEntries(BACKED_UP_STORES.map((name) => [name, out[name] ?? []]));
  });
}

export const exportStores = (db: CadenceDatabase): Promise<BackupStores> => exportRecords(idbRecords(db));

function omitNumberKey(record: unknown): unknown {
  const { numberKey: _derived, ...rest } = record as Record<string, unknown>;
  return rest;
}

const SCHEMAS: Partial<Record<CadenceStoreName, z.ZodMiniType<unknown>>> = {
  debtors: Debtor,
  contacts: Contact,
  invoices: Invoice,
  activities: Activity,
  promises: PaymentPromise,
  tasks: Task,
  plans: PaymentPlan,
  drafts: RecapDraft,
  scripts: ScriptRecord,
  scriptVersions: ScriptVersionRecord,
  calls: CallRecordFrame,
};

const ImportJournalSchema = z.object({
  id: Id,
  status: z.enum(['staging', 'committed']),
  kind: z.enum(['aged_balance', 'fec', 'payments']),
  fileName: z.string(),
  createdAt: IsoDateTime,
  committedAt: z.optional(IsoDateTime),
  rows: z.int().check(z.minimum(0)),
  closed: z.optional(
    z.object({
      inFile: z.object({ invoices: z.int().check(z.minimum(0)), cents: z.int().check(z.minimum(0)) }),
      absent: z.object({ invoices: z.int().check(z.minimum(0)), cents: z.int().check(z.minimum(0)) }),
      absentKeptOpen: z.int().check(z.minimum(0)),
    }),
  ),
});

const BackupMetaSchema = z.object({ schemaVersion: z.literal(1), lastBackupAt: IsoDateTime });

const SETTINGS_SCHEMAS: Record<string, z.ZodMiniType<unknown>> = {
  [BACKUP_KEY]: BackupMetaSchema,
  [KPI_COSTS_KEY]: KpiCosts,
  [SETTINGS_KEY]: Settings,
  [RATES_KEY]: RateSettings,
  [CREDITOR_KEY]: CreditorProfile,
  [STUDIO_KEY]: StudioSettings,
  [IMPORT_PRESETS_KEY]: ImportPresets,
};

export type ValidatedBackup = { ok: true; stores: BackupStores } | { ok: false; error: BackupError };

const bad = (store: string, index: number, reason: string): ValidatedBackup => ({ ok: false, error: { kind: 'invalid_records', store, index, reason } });

function firstIssue(result: { success: boolean; error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } }): string {
  const issue = result.error?.issues[0];
  return issue ? `${issue.path.map(String).join('.') || '(record)'}: ${issue.message}` : 'invalid';
}

/**
 * Every record through its schema; unknown stores are refused (a file from elsewhere, or tampered). The
 * records returned are the parsed ones, so keys no schema knows never reach the database.
 */
export function validateBackupStores(stores: BackupStores): ValidatedBackup {
  const out: BackupStores = {};
  for (const [name, records] of Object.entries(stores)) {
    if (!(BACKED_UP_STORES as readonly string[]).includes(name)) return bad(name, 0, 'unknown store');
    const parsed: unknown[] = [];
    for (let i = 0; i < records.length; i++) {
      const record = records[i];
      if (name === 'settings') {
        if (!Array.isArray(record) || record.length !== 2 || typeof record[0] !== 'string') return bad(name, i, 'expected [key, value]');
        const schema = SETTINGS_SCHEMAS[record[0]];
        if (!schema) return bad(name, i, `unknown settings key ${record[0]}`);
        const r = schema.safeParse(record[1]);
        if (!r.success) return bad(name, i, firstIssue(r));
        parsed.push([record[0], r.data]);
      } else if (name === 'imports') {
        const r = ImportJournalSchema.safeParse(record);
        if (!r.success) return bad(name, i, firstIssue(r));
        parsed.push(r.data);
      } else {
        const schema = SCHEMAS[name as CadenceStoreName];
        if (!schema) return bad(name, i, 'unknown store');
        const r = schema.safeParse(record);
        if (!r.success) return bad(name, i, firstIssue(r));
        parsed.push(r.data);
      }
    }
    out[name] = parsed;
  }
  return { ok: true, stores: out };
}

/** Replaces the whole database with the backup's content in one transaction. Validate first. */
export async function restoreRecords(records: Records, stores: BackupStores): Promise<void> {
  await records.write(
    ALL_STORES,
    async (tx) => {
      // Every request is caught here and the first failure rethrown: once the transaction aborts, the other
      // pending requests reject too, and none of them may go unhandled.
      let failure: unknown;
      const settle = (request: Promise<unknown>) => request.catch((e: unknown) => void (failure ??= e));
      // This device's team connection is not in the file: it stays as it was, and so do the team link and its
      // outbox (sync stores); a device in a team pulls the team's data again from the start.
      const team = await tx.get('settings', TEAM_KEY);
      await Promise.all(ALL_STORES.filter((name) => !SYNC_STORES.includes(name)).map((name) => settle(tx.clear(name))));
      const writes: Promise<unknown>[] = [];
      if (team !== undefined) writes.push(settle(tx.put('settings', team as never, TEAM_KEY)));
      if (await tx.has('syncState', 'checkpoint')) writes.push(settle(tx.put('syncState', { key: 'checkpoint', cookie: null })));
      for (const name of BACKED_UP_STORES) {
        if (name === 'invoices') continue;
        for (const record of stores[name] ?? []) {
          if (name === 'settings') {
            const [key, value] = record as [string, never];
            writes.push(settle(tx.put('settings', value, key)));
          } else {
            writes.push(settle(tx.put(name, record as never)));
          }
        }
      }
      // All at once: on IndexedDB one block per debtor (./invoice-blocks.ts), not one request per invoice.
      writes.push(settle(tx.putMany('invoices', ((stores.invoices ?? []) as Invoice[]).map(toStoredInvoice))));
      await Promise.all(writes);
      if (failure !== undefined) throw failure;
      const byDebtor = <T extends { debtorId: string }>(name: string) => {
        const map = new Map<string, T[]>();
        for (const r of (stores[name] ?? []) as T[]) map.set(r.debtorId, [...(map.get(r.debtorId) ?? []), r]);
        return map;
      };
      const invoices = byDebtor<Invoice>('invoices');
      const activities = byDebtor<Activity>('activities');
      const promises = byDebtor<PaymentPromise>('promises');
      const tasks = byDebtor<Task>('tasks');
      await Promise.all(
        ((stores.debtors ?? []) as DebtorType[]).flatMap((debtor) => {
          const bundle = {
            debtor,
            contacts: [],
            invoices: invoices.get(debtor.id) ?? [],
            activities: activities.get(debtor.id) ?? [],
            promises: promises.get(debtor.id) ?? [],
            tasks: tasks.get(debtor.id) ?? [],
          };
          // Derived stores are not in the file: rebuilt here from the records restored.
          return [tx.put('summaries', summarizeDebtor(bundle)), tx.put('kpiDigests', kpiDigest(bundle))];
        }),
      );
    },
    { durable: true },
  );
}

// A restore is this device's own: written through the plain records, it sends nothing to a team.
export const restoreStores = (db: CadenceDatabase, stores: BackupStores): Promise<void> => restoreRecords(plainIdbRecords(db), stores);

/** CadenceStore.restoreBackup: every record checked first; the first bad one refuses the whole backup. */
export async function restoreCheckedRecords(records: Records, stores: BackupStores): Promise<void> {
  const valid = validateBackupStores(stores);
  if (!valid.ok) {
    const e = valid.error;
    const where = e.kind === 'invalid_records' ? { store: e.store, key: String(e.index), issues: [{ path: '', message: e.reason }] } : {};
    throw new StorageError('invalid', `Backup refused: ${e.kind}`, where);
  }
  await restoreRecords(records, valid.stores);
}

/** Record counts of the backed-up stores now, for the restore preview. */
export async function storeCounts(db: CadenceDatabase): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  // Invoices live in their debtors' blocks (v11): counted on the index of their ids.
  for (const name of BACKED_UP_STORES) out[name] = name === 'invoices' ? await db.countFromIndex('invoiceBlocks', INVOICE_IDS_INDEX) : await db.count(name);
  return out;
}

/** When the last backup was made (undefined: never, or unreadable). */
export async function lastBackupAt(db: CadenceDatabase): Promise<string | undefined> {
  const r = BackupMetaSchema.safeParse(await db.get('settings', BACKUP_KEY));
  return r.success ? r.data.lastBackupAt : undefined;
}

/**
 * The stores with `at` as the database's last-backup date (replacing any older one). A backup carries its own
 * creation date this way: the database it restores knows a backup of it exists, so the 7-day reminder does not
 * come back at once, and the restore preview shows no settings change that is only the missing date. The
 * restore stamps the file's header date again, for files made before they carried it. `at` is normalised to
 * UTC ("Z"), as the settings schema stores it.
 */
export function withBackupDate(stores: BackupStores, at: string): BackupStores {
  const meta: BackupMeta = { schemaVersion: 1, lastBackupAt: new Date(at).toISOString() };
  const others = (stores.settings ?? []).filter((entry) => !(Array.isArray(entry) && entry[0] === BACKUP_KEY));
  return { ...stores, settings: [...others, [BACKUP_KEY, meta]] };
}

export async function markBackedUp(db: CadenceDatabase, at: string): Promise<void> {
  const meta: BackupMeta = { schemaVersion: 1, lastBackupAt: at };
  await db.put('settings', meta, BACKUP_KEY);
}
