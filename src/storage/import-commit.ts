/**
 * An import is written whole or not at all, even when the tab is killed in the middle.
 *
 * 1. Staging: the records (domain/import/plan-records.ts) are validated, and the summaries of the debtors the
 *    import creates are computed from them (a new debtor has nothing else: no promise, task or older record),
 *    then written to `importStaging` in batches — one staged row holds thousands of records, and a few rows go
 *    in each transaction, their requests issued together — so 100,000 rows stage in about a second. The
 *    journal entry says `staging` and how many rows to expect. A kill here leaves only staging rows, which no
 *    screen reads.
 * 2. The switch: one read-write transaction puts every staged record into its store, applies the debtor
 *    patches, recomputes the promises and summary of every existing debtor touched (read back, as they hold
 *    what agents wrote; by groups of debtors whose ids sort together, one range request per store and group:
 *    ./debtor-recompute.ts), marks the journal `committed` and
 *    deletes the staging rows. IndexedDB commits a transaction entirely or not at all, so a kill during the
 *    switch leaves the previous data exactly as it was.
 * Leftover staging (a kill during step 1, or before step 2) is discarded by `discardUnfinishedImports`, which
 * the app runs before a new import.
 *
 * Staging and switching run in the import's module worker (features/import/import.worker.ts): the page's
 * thread only hears progress.
 */
import {
  Activity as ActivitySchema,
  Contact as ContactSchema,
  Debtor as DebtorSchema,
  Invoice as InvoiceSchema,
  type Activity,
  type Debtor,
  type Invoice,
} from '../domain/entities';
import type { ImportRecords } from '../domain/import/plan-records';
import { kpiDigest } from '../domain/kpis/kpi-digest';
import { summarizeDebtor } from '../domain/summarize';
import { toStoredInvoice } from './bundles';
import { readRequired, validateForWrite, type CorruptHandler } from './codec';
import { StorageError } from './errors';
import { recomputeDebtors } from './debtor-recompute';
import type { Records, RecordTx } from './records';
import type { ImportJournal, StagedStore, StagedWrite } from './schema';
import { SUMMARY_SOURCES } from './summaries';

/** Records per staged row. */
export const STAGE_BATCH = 2_000;
/** Staged rows per staging transaction (about 16,000 records). */
export const STAGING_CHUNK = 8;

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Staging keys sort in staging order: the import's id, then the row number padded to a fixed width. */
const stagingKey = (importId: string, seq: number) => `${importId}#${String(seq).padStart(10, '0')}`;

/** Records a staged row carries (the progress unit). */
export function recordsIn(row: StagedWrite): number {
  if (row.op === 'put_many') return row.values.length;
  if (row.op === 'touch_many') return row.debtorIds.length;
  return 1;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/**
 * The summaries and KPI digests of the debtors the import creates, from the records it writes. Existing
 * debtors are left to the switch, which reads what agents added to them.
 */
function newDebtorDerived(debtors: readonly Debtor[], invoices: readonly Invoice[], activities: readonly Activity[]) {
  const invoicesOf = groupBy(invoices, (i) => i.debtorId);
  const activitiesOf = groupBy(activities, (a) => a.debtorId);
  const bundles = debtors.map((debtor) => ({ debtor, contacts: [], invoices: invoicesOf.get(debtor.id) ?? [], activities: activitiesOf.get(debtor.id) ?? [], promises: [], tasks: [] }));
  return { summaries: bundles.map((b) => summarizeDebtor(b)), digests: bundles.map((b) => kpiDigest(b)) };
}

/** The staged rows of `records`, validated now so the switch never meets an invalid record. */
export function stagedWrites(importId: string, records: ImportRecords, batch = STAGE_BATCH): StagedWrite[] {
  const rows: StagedWrite[] = [];
  const at = () => ({ key: stagingKey(importId, rows.length), importId, seq: rows.length });
  const putAll = (store: StagedStore, values: readonly unknown[]) => {
    for (let i = 0; i < values.length; i += batch) rows.push({ ...at(), op: 'put_many', store, values: values.slice(i, i + batch) });
  };
  const debtors = records.debtors.map((d) => validateForWrite(DebtorSchema, 'debtors', d));
  const invoices = records.invoices.map((i) => validateForWrite(InvoiceSchema, 'invoices', i));
  const activities = records.activities.map((a) => validateForWrite(ActivitySchema, 'activities', a));
  putAll('debtors', debtors);
  for (const p of records.debtorPatches) rows.push({ ...at(), op: 'patch_debtor', id: p.id, set: { ...p.set } as Record<string, string> });
  putAll(
    'contacts',
    records.contacts.map((c) => validateForWrite(ContactSchema, 'contacts', c)),
  );
  putAll('invoices', invoices.map(toStoredInvoice));
  putAll('activities', activities);
  const derived = newDebtorDerived(debtors, invoices, activities);
  putAll('summaries', derived.summaries);
  putAll('kpiDigests', derived.digests);
  const created = new Set(debtors.map((d) => d.id));
  const existing = records.touchedDebtorIds.filter((id) => !created.has(id));
  for (let i = 0; i < existing.length; i += batch) rows.push({ ...at(), op: 'touch_many', debtorIds: existing.slice(i, i + batch) });
  return rows;
}

export interface StageOptions {
  /** Staged rows per transaction. */
  chunkSize?: number;
  /** Records per staged row. */
  batch?: number;
  /** Records staged so far, of all of them. */
  onProgress?: (written: number, total: number) => void;
  /** Between two staging transactions; a test passes one that throws to play a killed tab. */
  between?: () => Promise<void>;
}

/** Every request of `rows` issued at once, then awaited: one round trip per transaction, not per record. */
async function putRows(tx: RecordTx, rows: readonly StagedWrite[]): Promise<void> {
  await tx.putMany('importStaging', rows);
}

export async function stageImport(records: Records, journal: Omit<ImportJournal, 'status' | 'rows'>, content: ImportRecords, options: StageOptions = {}): Promise<ImportJournal> {
  const rows = stagedWrites(journal.id, content, options.batch);
  const entry: ImportJournal = { ...journal, status: 'staging', rows: rows.length };
  await records.write(['imports'], (tx) => tx.put('imports', entry));
  const size = options.chunkSize ?? STAGING_CHUNK;
  const total = rows.reduce((n, row) => n + recordsIn(row), 0);
  let written = 0;
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size);
    // Relaxed: a staging lost with the OS is refused by the switch (its row count) and discarded; only the
    // switch, which the agent is told about, is flushed to disk.
    await records.write(['importStaging'], (tx) => putRows(tx, chunk), { relaxed: true });
    written += chunk.reduce((n, row) => n + recordsIn(row), 0);
    options.onProgress?.(written, total);
    await (options.between ?? yieldToEventLoop)();
  }
  return entry;
}

/** The keys of an import's staged rows, in staging order: keys only, the rows themselves are read when needed. */
async function stagedKeys(tx: RecordTx, importId: string): Promise<string[]> {
  const prefix = `${importId}#`;
  return (await tx.getAllKeys('importStaging', { after: prefix, upTo: `${prefix}\uffff` })) as string[];
}

export interface SwitchOptions {
  onCorrupt?: CorruptHandler;
  /** Records switched in so far, of all of them (inside the one transaction). */
  onProgress?: (written: number, total: number) => void;
}

async function patchDebtor(tx: RecordTx, row: Extract<StagedWrite, { op: 'patch_debtor' }>, now: string): Promise<void> {
  const raw = await tx.get('debtors', row.id);
  if (raw === undefined) throw new StorageError('not_found', `Unknown debtor ${row.id}`, { store: 'debtors', key: row.id });
  const debtor = readRequired<Debtor>(DebtorSchema, 'debtors', raw);
  await tx.put('debtors', validateForWrite(DebtorSchema, 'debtors', { ...debtor, ...row.set, updatedAt: now }));
}

/** The switch: every staged record in, in one transaction. Refused (`not_found`) unless the import is fully staged. */
export async function switchImport(records: Records, importId: string, today: string, now: string, options: SwitchOptions = {}): Promise<void> {
  const { onCorrupt, onProgress } = options;
  const stores = [...SUMMARY_SOURCES, 'contacts', 'imports', 'importStaging'] as const;
  await records.write(
    [...stores],
    async (tx) => {
      const journal = (await tx.get('imports', importId)) as ImportJournal | undefined;
      if (!journal || journal.status !== 'staging') throw new StorageError('not_found', `No staged import ${importId}`, { store: 'imports', key: importId });
      const keys = await stagedKeys(tx, importId);
      if (keys.length !== journal.rows) throw new StorageError('not_found', `Import ${importId} was not fully staged`, { store: 'importStaging', key: importId });
      // Every row is asked for at once and each row's records are put as soon as it arrives, every put issued
      // before any is awaited: IndexedDB writes one row's records while this thread still reads the next rows
      // and clones the records it puts (reading all rows first, or awaiting each batch, left one of the two
      // idle at a time). Requests complete in order, so every row has arrived before the first put completes.
      const reads = keys.map((key) => tx.get('importStaging', key));
      // A refusal below aborts the transaction, failing the reads not yet awaited: that is expected, not unhandled.
      for (const read of reads) read.catch(() => undefined);
      const rows: StagedWrite[] = [];
      let total = 0;
      let written = 0;
      const touched: string[] = [];
      const done = (n: number) => () => {
        written += n;
        onProgress?.(written, total);
      };
      const writes: Promise<void>[] = [];
      const issue = (write: Promise<void>) => {
        // A failed put aborts the transaction, which fails the reads still awaited too; it is awaited below.
        write.catch(() => undefined);
        writes.push(write);
      };
      for (const read of reads) {
        const row = (await read) as StagedWrite | undefined;
        if (row?.importId !== importId) throw new StorageError('not_found', `Import ${importId} was not fully staged`, { store: 'importStaging', key: importId });
        rows.push(row);
        total += recordsIn(row);
        if (row.op === 'put_many') issue(tx.putMany(row.store, row.values as never[]).then(done(row.values.length)));
        else if (row.op === 'put') issue(tx.put(row.store, row.value as never).then(done(1)));
        else if (row.op === 'touch') touched.push(row.debtorId);
        else if (row.op === 'touch_many') touched.push(...row.debtorIds);
      }
      await Promise.all(writes);
      const patches = rows.filter((row): row is Extract<StagedWrite, { op: 'patch_debtor' }> => row.op === 'patch_debtor');
      await Promise.all(patches.map((row) => patchDebtor(tx, row, now)));
      written += patches.length;
      await recomputeDebtors(tx, touched, today, {
        ...(onCorrupt ? { onCorrupt } : {}),
        onGroup: (debtors) => {
          written += debtors;
          onProgress?.(written, total);
        },
      });
      await Promise.all(keys.map((key) => tx.delete('importStaging', key)));
      await tx.put('imports', { ...journal, status: 'committed', committedAt: now });
      onProgress?.(total, total);
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
      // Keys only: a leftover row holds thousands of records, not worth reading to delete.
      const keys = await stagedKeys(tx, j.id);
      await Promise.all(keys.map((key) => tx.delete('importStaging', key)));
      await tx.delete('imports', j.id);
    }
    return unfinished.length;
  });
}

export async function listImports(records: Records): Promise<ImportJournal[]> {
  const all = (await records.read(['imports'], (tx) => tx.getAll('imports'))) as ImportJournal[];
  return all.filter((j) => j.status === 'committed').sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
}
