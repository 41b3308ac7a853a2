/**
 * An import is written whole or not at all, even when the tab is killed in the middle.
 *
 * 1. Staging: the records (domain/import/plan-records.ts) are written to `importStaging` in small
 *    transactions, with yields between them, so the page stays responsive; the journal entry says `staging`
 *    and how many rows to expect. A kill here leaves only staging rows, which no screen reads.
 * 2. The switch: one read-write transaction puts every staged record into its store, applies the debtor
 *    patches, recomputes the promises and summary of every debtor touched, marks the journal `committed`
 *    and deletes the staging rows. IndexedDB commits a transaction entirely or not at all, so a kill during
 *    the switch leaves the previous data exactly as it was.
 * Leftover staging (a kill during step 1, or before step 2) is discarded by `discardUnfinishedImports`, which
 * the app runs before a new import.
 */
import { Activity as ActivitySchema, Contact as ContactSchema, Debtor as DebtorSchema, Invoice as InvoiceSchema, type Debtor } from '../domain/entities';
import type { ImportRecords } from '../domain/import/plan-records';
import { toStoredInvoice } from './bundles';
import { readRequired, validateForWrite, type CorruptHandler } from './codec';
import type { CadenceDatabase } from './db';
import { StorageError } from './errors';
import { refreshPromises } from './payments';
import type { ImportJournal, StagedWrite } from './schema';
import { recomputeSummary, SUMMARY_SOURCES } from './summaries';
import { commitOrAbort } from './tx';

const DURABLE = { durability: 'strict' } as const;
export const STAGING_CHUNK = 2_000;

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The staged rows of `records`, validated now so the switch never meets an invalid record. */
export function stagedWrites(importId: string, records: ImportRecords): StagedWrite[] {
  const rows: StagedWrite[] = [];
  const put = (store: 'debtors' | 'contacts' | 'invoices' | 'activities', value: unknown) => rows.push({ importId, seq: rows.length, op: 'put', store, value });
  for (const d of records.debtors) put('debtors', validateForWrite(DebtorSchema, 'debtors', d));
  for (const p of records.debtorPatches) rows.push({ importId, seq: rows.length, op: 'patch_debtor', id: p.id, set: { ...p.set } as Record<string, string> });
  for (const c of records.contacts) put('contacts', validateForWrite(ContactSchema, 'contacts', c));
  for (const i of records.invoices) put('invoices', toStoredInvoice(validateForWrite(InvoiceSchema, 'invoices', i)));
  for (const a of records.activities) put('activities', validateForWrite(ActivitySchema, 'activities', a));
  for (const debtorId of records.touchedDebtorIds) rows.push({ importId, seq: rows.length, op: 'touch', debtorId });
  return rows;
}

export interface StageOptions {
  chunkSize?: number;
  onProgress?: (written: number, total: number) => void;
  /** Between two staging transactions; a test passes one that throws to play a killed tab. */
  between?: () => Promise<void>;
}

export async function stageImport(db: CadenceDatabase, journal: Omit<ImportJournal, 'status' | 'rows'>, records: ImportRecords, options: StageOptions = {}): Promise<ImportJournal> {
  const rows = stagedWrites(journal.id, records);
  const entry: ImportJournal = { ...journal, status: 'staging', rows: rows.length };
  await db.put('imports', entry);
  const size = options.chunkSize ?? STAGING_CHUNK;
  for (let i = 0; i < rows.length; i += size) {
    const tx = db.transaction('importStaging', 'readwrite');
    await Promise.all([...rows.slice(i, i + size).map((r) => tx.store.put(r)), tx.done]);
    options.onProgress?.(Math.min(rows.length, i + size), rows.length);
    await (options.between ?? yieldToPage)();
  }
  return entry;
}

const stagingRange = (importId: string) => IDBKeyRange.bound([importId, 0], [importId, Number.MAX_SAFE_INTEGER]);

/** The switch: every staged record in, in one transaction. Refused (`not_found`) unless the import is fully staged. */
export async function switchImport(db: CadenceDatabase, importId: string, today: string, now: string, onCorrupt?: CorruptHandler): Promise<void> {
  const stores = [...SUMMARY_SOURCES, 'contacts', 'imports', 'importStaging'] as const;
  await commitOrAbort(db.transaction([...stores], 'readwrite', DURABLE), async (tx) => {
    const journal = await tx.objectStore('imports').get(importId);
    if (!journal || journal.status !== 'staging') throw new StorageError('not_found', `No staged import ${importId}`, { store: 'imports', key: importId });
    const rows = (await tx.objectStore('importStaging').getAll(stagingRange(importId))) as StagedWrite[];
    if (rows.length !== journal.rows) throw new StorageError('not_found', `Import ${importId} was not fully staged`, { store: 'importStaging', key: importId });
    const touched: string[] = [];
    const writes: Promise<unknown>[] = [];
    for (const row of rows) {
      if (row.op === 'put') writes.push(tx.objectStore(row.store).put(row.value as never));
      else if (row.op === 'touch') touched.push(row.debtorId);
    }
    await Promise.all(writes);
    for (const row of rows) {
      if (row.op !== 'patch_debtor') continue;
      const raw = await tx.objectStore('debtors').get(row.id);
      if (raw === undefined) throw new StorageError('not_found', `Unknown debtor ${row.id}`, { store: 'debtors', key: row.id });
      const debtor = readRequired<Debtor>(DebtorSchema, 'debtors', raw);
      await tx.objectStore('debtors').put(validateForWrite(DebtorSchema, 'debtors', { ...debtor, ...row.set, updatedAt: now }));
    }
    for (const debtorId of touched) {
      await refreshPromises(tx, debtorId, today, onCorrupt);
      await recomputeSummary(tx, debtorId, onCorrupt);
    }
    await tx.objectStore('importStaging').delete(stagingRange(importId));
    await tx.objectStore('imports').put({ ...journal, status: 'committed', committedAt: now });
  });
}

/** Drops the staging of imports that never switched (a killed tab, a cancelled import). */
export async function discardUnfinishedImports(db: CadenceDatabase): Promise<number> {
  const tx = db.transaction(['imports', 'importStaging'], 'readwrite');
  const journals = await tx.objectStore('imports').getAll();
  const unfinished = journals.filter((j) => j.status === 'staging');
  await Promise.all([...unfinished.flatMap((j) => [tx.objectStore('importStaging').delete(stagingRange(j.id)), tx.objectStore('imports').delete(j.id)]), tx.done]);
  return unfinished.length;
}

export async function listImports(db: CadenceDatabase): Promise<ImportJournal[]> {
  const all = await db.getAll('imports');
  return all.filter((j) => j.status === 'committed').sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
}
