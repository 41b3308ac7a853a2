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
import { StorageError } from './errors';
import { refreshPromises } from './payments';
import type { Records, RecordTx } from './records';
import type { ImportJournal, StagedWrite } from './schema';
import { recomputeSummary, SUMMARY_SOURCES } from './summaries';

export const STAGING_CHUNK = 2_000;

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Staging keys sort in staging order: the import's id, then the row number padded to a fixed width. */
const stagingKey = (importId: string, seq: number) => `${importId}#${String(seq).padStart(10, '0')}`;

/** The staged rows of `records`, validated now so the switch never meets an invalid record. */
export function stagedWrites(importId: string, records: ImportRecords): StagedWrite[] {
  const rows: StagedWrite[] = [];
  const at = () => ({ key: stagingKey(importId, rows.length), importId, seq: rows.length });
  const put = (store: 'debtors' | 'contacts' | 'invoices' | 'activities', value: unknown) => rows.push({ ...at(), op: 'put', store, value });
  for (const d of records.debtors) put('debtors', validateForWrite(DebtorSchema, 'debtors', d));
  for (const p of records.debtorPatches) rows.push({ ...at(), op: 'patch_debtor', id: p.id, set: { ...p.set } as Record<string, string> });
  for (const c of records.contacts) put('contacts', validateForWrite(ContactSchema, 'contacts', c));
  for (const i of records.invoices) put('invoices', toStoredInvoice(validateForWrite(InvoiceSchema, 'invoices', i)));
  for (const a of records.activities) put('activities', validateForWrite(ActivitySchema, 'activities', a));
  for (const debtorId of records.touchedDebtorIds) rows.push({ ...at(), op: 'touch', debtorId });
  return rows;
}

export interface StageOptions {
  chunkSize?: number;
  onProgress?: (written: number, total: number) => void;
  /** Between two staging transactions; a test passes one that throws to play a killed tab. */
  between?: () => Promise<void>;
}

export async function stageImport(records: Records, journal: Omit<ImportJournal, 'status' | 'rows'>, content: ImportRecords, options: StageOptions = {}): Promise<ImportJournal> {
  const rows = stagedWrites(journal.id, content);
  const entry: ImportJournal = { ...journal, status: 'staging', rows: rows.length };
  await records.write(['imports'], (tx) => tx.put('imports', entry));
  const size = options.chunkSize ?? STAGING_CHUNK;
  for (let i = 0; i < rows.length; i += size) {
    await records.write(['importStaging'], async (tx) => {
      for (const row of rows.slice(i, i + size)) await tx.put('importStaging', row);
    });
    options.onProgress?.(Math.min(rows.length, i + size), rows.length);
    await (options.between ?? yieldToPage)();
  }
  return entry;
}

async function stagedRows(tx: RecordTx, importId: string): Promise<StagedWrite[]> {
  const after = `${importId}#`;
  const rows = (await tx.getAll('importStaging', { after })) as StagedWrite[];
  return rows.filter((r) => r.importId === importId);
}

/** The switch: every staged record in, in one transaction. Refused (`not_found`) unless the import is fully staged. */
export async function switchImport(records: Records, importId: string, today: string, now: string, onCorrupt?: CorruptHandler): Promise<void> {
  const stores = [...SUMMARY_SOURCES, 'contacts', 'imports', 'importStaging'] as const;
  await records.write(
    [...stores],
    async (tx) => {
      const journal = (await tx.get('imports', importId)) as ImportJournal | undefined;
      if (!journal || journal.status !== 'staging') throw new StorageError('not_found', `No staged import ${importId}`, { store: 'imports', key: importId });
      const rows = await stagedRows(tx, importId);
      if (rows.length !== journal.rows) throw new StorageError('not_found', `Import ${importId} was not fully staged`, { store: 'importStaging', key: importId });
      const touched: string[] = [];
      for (const row of rows) {
        if (row.op === 'put') await tx.put(row.store, row.value as never);
        else if (row.op === 'touch') touched.push(row.debtorId);
      }
      for (const row of rows) {
        if (row.op !== 'patch_debtor') continue;
        const raw = await tx.get('debtors', row.id);
        if (raw === undefined) throw new StorageError('not_found', `Unknown debtor ${row.id}`, { store: 'debtors', key: row.id });
        const debtor = readRequired<Debtor>(DebtorSchema, 'debtors', raw);
        await tx.put('debtors', validateForWrite(DebtorSchema, 'debtors', { ...debtor, ...row.set, updatedAt: now }));
      }
      for (const debtorId of touched) {
        await refreshPromises(tx, debtorId, today, onCorrupt);
        await recomputeSummary(tx, debtorId, onCorrupt);
      }
      for (const row of rows) await tx.delete('importStaging', row.key);
      await tx.put('imports', { ...journal, status: 'committed', committedAt: now });
    },
    { durable: true },
  );
}

/** Drops the staging of imports that never switched (a killed tab, a cancelled import). */
export async function discardUnfinishedImports(records: Records): Promise<number> {
  return records.write(['imports', 'importStaging'], async (tx) => {
    const journals = (await tx.getAll('imports')) as ImportJournal[];
    const unfinished = journals.filter((j) => j.status === 'staging');
    for (const j of unfinished) {
      for (const row of await stagedRows(tx, j.id)) await tx.delete('importStaging', row.key);
      await tx.delete('imports', j.id);
    }
    return unfinished.length;
  });
}

export async function listImports(records: Records): Promise<ImportJournal[]> {
  const all = (await records.read(['imports'], (tx) => tx.getAll('imports'))) as ImportJournal[];
  return all.filter((j) => j.status === 'committed').sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
}
