/**
 * An import is written whole or not at all, even when the tab is killed in the middle: every record goes in
 * ONE read-write transaction, and IndexedDB commits a transaction entirely or not at all.
 *
 * The import's module worker (features/import/import.worker.ts) already holds every record the plan writes
 * (domain/import/plan-records.ts), so it writes them straight into that transaction: the records are put by
 * batches of a few thousand, a few batches in flight at a time, and each completed batch reports progress
 * and lets the next one be validated and issued. IndexedDB is writing one batch while the worker validates and
 * clones the next, the worker's thread stays free for a cancel message, and a cancel (or an invalid record)
 * aborts the transaction: nothing stored. Then the debtor patches, the promises and summary of every existing
 * debtor touched (read back, as they hold what agents wrote; ./debtor-recompute.ts), and the journal entry
 * (`imports`), written `committed` in the same transaction, which commits with strict durability.
 *
 * Older code staged the records first (`importStaging`, then a switch reading them back): half the commit's
 * cost for a guarantee the one transaction already gives. A database may still hold what a killed tab of that
 * code left staged; `discardUnfinishedImports` drops it (the app runs it at start and before each import).
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
import type { CadenceStoreName, ImportJournal } from './schema';
import { SUMMARY_SOURCES } from './summaries';

/** Records per batch: one progress step, and what a completed batch lets the worker issue next. */
export const WRITE_BATCH = 2_000;
/** Batches in flight: IndexedDB always has the next ones queued while the worker prepares another. */
export const IN_FLIGHT = 4;

/** The stores an import writes whole records to (summaries: those of the debtors it creates). */
type ImportStore = 'debtors' | 'contacts' | 'invoices' | 'activities' | 'summaries' | 'kpiDigests';

interface Batch {
  store: ImportStore;
  values: unknown[];
  /** Invoices of debtors the import creates, every one of a debtor in the same batch: whole blocks, nothing read. */
  newDebtors?: true;
}

/** The groups' items cut where a batch reaches `size`, never inside a group: a debtor's invoices go in one batch. */
function* wholeGroups<T>(groups: Iterable<readonly T[]>, size: number): Generator<T[]> {
  let batch: T[] = [];
  for (const group of groups) {
    batch.push(...group);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
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
 * The batches of `records`, each validated only when it is asked for (so validating overlaps IndexedDB's
 * writing of the batches before it), debtors first. Last come the summaries and KPI digests of the debtors the
 * import creates, built from the validated records: a new debtor has nothing else (no promise, task or older
 * record). Existing debtors are left to `recomputeDebtors`, which reads what agents added to them.
 */
export function* importBatches(records: ImportRecords, batch = WRITE_BATCH): Generator<Batch> {
  const debtors: Debtor[] = [];
  const invoices: Invoice[] = [];
  const activities: Activity[] = [];
  function* batches<T>(store: ImportStore, values: readonly T[], prepare: (value: T) => unknown): Generator<Batch> {
    for (let i = 0; i < values.length; i += batch) yield { store, values: values.slice(i, i + batch).map(prepare) };
  }
  yield* batches('debtors', records.debtors, (d) => {
    const debtor = validateForWrite(DebtorSchema, 'debtors', d);
    debtors.push(debtor);
    return debtor;
  });
  yield* batches('contacts', records.contacts, (c) => validateForWrite(ContactSchema, 'contacts', c));
  const prepareInvoice = (i: Invoice) => {
    const invoice = validateForWrite(InvoiceSchema, 'invoices', i);
    invoices.push(invoice);
    // Stored with the normalised copy of its number the search index reads.
    return toStoredInvoice(invoice);
  };
  // The invoices of the debtors the import creates are written as whole per-debtor blocks, one request per
  // debtor (RecordTx.putInvoicesOfNewDebtors); those of stored debtors join what their blocks hold.
  const created = new Set(records.debtors.map((d) => d.id));
  const ofNew = groupBy(
    records.invoices.filter((i) => created.has(i.debtorId)),
    (i) => i.debtorId,
  );
  for (const values of wholeGroups(ofNew.values(), batch)) yield { store: 'invoices', values: values.map(prepareInvoice), newDebtors: true };
  // Whole debtors per batch here too: each stored debtor's block is then read and put once, not once per
  // batch its invoices fall in (a file is seldom sorted by debtor).
  const ofStored = groupBy(
    records.invoices.filter((i) => !created.has(i.debtorId)),
    (i) => i.debtorId,
  );
  for (const values of wholeGroups(ofStored.values(), batch)) yield { store: 'invoices', values: values.map(prepareInvoice) };
  yield* batches('activities', records.activities, (a) => {
    const activity = validateForWrite(ActivitySchema, 'activities', a);
    activities.push(activity);
    return activity;
  });
  const invoicesOf = groupBy(invoices, (i) => i.debtorId);
  const activitiesOf = groupBy(activities, (a) => a.debtorId);
  const bundle = (debtor: Debtor) => ({ debtor, contacts: [], invoices: invoicesOf.get(debtor.id) ?? [], activities: activitiesOf.get(debtor.id) ?? [], promises: [], tasks: [] });
  yield* batches('summaries', debtors, (debtor) => summarizeDebtor(bundle(debtor)));
  yield* batches('kpiDigests', debtors, (debtor) => kpiDigest(bundle(debtor)));
}

/** Records `records` writes, each a progress unit: the summaries and KPI digests of new debtors and the recomputed debtors included. */
export function importSize(records: ImportRecords): number {
  const created = new Set(records.debtors.map((d) => d.id));
  const existing = new Set(records.touchedDebtorIds.filter((id) => !created.has(id)));
  return 3 * records.debtors.length + records.contacts.length + records.invoices.length + records.activities.length + records.debtorPatches.length + existing.size;
}

/**
 * Puts every batch of `batches`, at most `inFlight` at a time: each completion (inside a request's success
 * event, when the transaction still accepts requests) reports its records and issues the next batch. Rejects
 * on the first failure, including one thrown by `onBatch` or while preparing a batch; the caller's
 * transaction is then aborted.
 */
function putBatches(tx: RecordTx, batches: Iterator<Batch>, inFlight: number, onBatch: (records: number) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let pending = 0;
    let exhausted = false;
    let failed = false;
    const fail = (error: unknown) => {
      failed = true;
      reject(error);
    };
    const issue = () => {
      while (!failed && !exhausted && pending < inFlight) {
        let next: IteratorResult<Batch>;
        try {
          next = batches.next();
        } catch (error) {
          return fail(error);
        }
        if (next.done) {
          exhausted = true;
          break;
        }
        const { store, values, newDebtors } = next.value;
        pending++;
        (newDebtors ? tx.putInvoicesOfNewDebtors(values as never[]) : tx.putMany(store, values as never[])).then(() => {
          if (failed) return;
          pending--;
          try {
            onBatch(values.length);
          } catch (error) {
            return fail(error);
          }
          issue();
        }, fail);
      }
      if (!failed && exhausted && pending === 0) resolve();
    };
    issue();
  });
}

async function patchDebtor(tx: RecordTx, patch: ImportRecords['debtorPatches'][number], now: string): Promise<void> {
  const raw = await tx.get('debtors', patch.id);
  if (raw === undefined) throw new StorageError('not_found', `Unknown debtor ${patch.id}`, { store: 'debtors', key: patch.id });
  const debtor = readRequired<Debtor>(DebtorSchema, 'debtors', raw);
  await tx.put('debtors', validateForWrite(DebtorSchema, 'debtors', { ...debtor, ...patch.set, updatedAt: now }));
}

export const cancelledError = () => new DOMException('Import cancelled', 'AbortError');

export interface CommitOptions {
  onCorrupt?: CorruptHandler;
  /**
   * Records written so far, of all of them (`importSize`), inside the one transaction; `finishing` once the
   * last step has begun (the transaction is committing): a cancel can no longer stop it.
   */
  onProgress?: (written: number, total: number, finishing: boolean) => void;
  /** Asked after each batch and each group of recomputed debtors: true aborts, nothing stored (an AbortError). */
  cancelled?: () => boolean;
  batch?: number;
  inFlight?: number;
}

/** The stores the one transaction writes. */
const IMPORT_STORES: readonly CadenceStoreName[] = [...SUMMARY_SOURCES, 'contacts', 'imports'];

/**
 * Writes `content` whole, in one transaction committed with strict durability, and its journal entry
 * (`committed`). Throws with nothing stored: an invalid record (`invalid`), a patched or touched debtor gone
 * since the plan was made (`not_found`), a cancel (AbortError).
 */
export async function commitImport(
  records: Records,
  journal: Pick<ImportJournal, 'id' | 'kind' | 'fileName' | 'createdAt' | 'closed'>,
  content: ImportRecords,
  today: string,
  now: string,
  options: CommitOptions = {},
): Promise<ImportJournal> {
  const { onCorrupt, onProgress, cancelled } = options;
  const total = importSize(content);
  const entry: ImportJournal = { ...journal, status: 'committed', committedAt: now, rows: 0 };
  let written = 0;
  const step = (records: number) => {
    if (cancelled?.()) throw cancelledError();
    written += records;
    onProgress?.(written, total, false);
  };
  await records.write(
    IMPORT_STORES,
    async (tx) => {
      await putBatches(tx, importBatches(content, options.batch), options.inFlight ?? IN_FLIGHT, step);
      await Promise.all(content.debtorPatches.map((patch) => patchDebtor(tx, patch, now)));
      step(content.debtorPatches.length);
      const created = new Set(content.debtors.map((d) => d.id));
      await recomputeDebtors(
        tx,
        content.touchedDebtorIds.filter((id) => !created.has(id)),
        today,
        { ...(onCorrupt ? { onCorrupt } : {}), onGroup: step },
      );
      await tx.put('imports', entry);
      onProgress?.(total, total, true);
    },
    { durable: true },
  );
  return entry;
}

/** The keys of an import's staged rows (older code staged before switching): keys only, never the rows. */
async function stagedKeys(tx: RecordTx, importId: string): Promise<string[]> {
  const prefix = `${importId}#`;
  return (await tx.getAllKeys('importStaging', { after: prefix, upTo: `${prefix}\uffff` })) as string[];
}

/** Drops what older code staged for imports that never switched (a killed tab, a cancelled import). */
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
