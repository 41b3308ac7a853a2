/**
 * What the import worker does, apart from `self` so a test (and engines without module workers) can drive
 * it: read the file, plan it against the database, write it in one transaction. The file as read, the stored records
 * and the plan stay here; the page receives views of them (./import-protocol.ts).
 */
import { formatMoney } from '../../domain/format';
import { closuresOf, type PlanResult } from '../../domain/import/plan';
import { readImportFile, type FileReading } from '../../domain/import/read-file';
import { applyPreset, headerSignature, IMPORT_FIELDS, presetFromMapping, type ColumnMapping } from '../../domain/import/fields';
import { openCadenceDb } from '../../storage/db';
import { deleteImportPreset, getImportPreset, saveImportPreset } from '../../storage/import-presets';
import { toStorageError } from '../../storage/errors';
import { idbRecords } from '../../storage/idb-records';
import type { Records } from '../../storage/records';
import { commitPlan, planAgainst, planPaymentsAgainst, readStored, type Stored } from './import-flow';
import { withImportLock } from './import-lock';
import { AMOUNT_MARK, ERRORS_SHOWN, INVOICES_MARK, isBlob, type ImportMessage, type ImportRequest, type PaymentText, type PlanView, type ReadingView } from './import-protocol';

export function readingView(reading: FileReading): ReadingView {
  const { outcome, ...rest } = reading;
  if (outcome.kind === 'file_error') return { ...rest, outcome };
  if (outcome.kind === 'payments') {
    const { payments, errors, ignored } = outcome.payments;
    return { ...rest, outcome: { kind: 'payments', payments: { payments: payments.length, errors: errors.slice(0, ERRORS_SHOWN), errorCount: errors.length, ignored } } };
  }
  const p = outcome.portfolio;
  return {
    ...rest,
    outcome: {
      kind: 'portfolio',
      portfolio: {
        rowCount: p.rowCount,
        debtors: p.debtors.length,
        invoices: p.invoices.length,
        skipped: p.skipped,
        ...(p.terms ? { terms: p.terms } : {}),
        errors: p.errors.slice(0, ERRORS_SHOWN),
        errorCount: p.errors.length,
        refusedCount: p.refused.length,
        preview: p.preview,
      },
    },
  };
}

export function planView(result: PlanResult): PlanView | undefined {
  if (!result.ok) return undefined;
  const { debtors: _debtors, invoices: _invoices, ...view } = result.plan;
  return { ...view, closures: closuresOf(result.plan) };
}

export function paymentSummary(text: PaymentText) {
  return (_debtorId: string, cents: number, numbers: string[]) => text.template.replace(AMOUNT_MARK, formatMoney(cents, text.locale)).replace(INVOICES_MARK, numbers.join(', '));
}

/**
 * Reads the file, then applies, saves or forgets the source's mapping preset (storage/import-presets.ts).
 * Applying one reads the file again with it: it happens only when the saved mapping differs from the
 * automatic one, i.e. for a source the agent had to map by hand.
 */
export async function readWithPreset(
  request: Extract<ImportRequest, { type: 'read' }>,
  onProgress: (rows: number) => void,
): Promise<{ reading: FileReading; preset?: 'applied' | 'saved' }> {
  const bytes = new Uint8Array(isBlob(request.bytes) ? await request.bytes.arrayBuffer() : request.bytes);
  const first = readImportFile(bytes, request.options, onProgress);
  if (first.kind === 'fec' || first.headers.length === 0) return { reading: first };
  const signature = headerSignature(first.headers);
  if (request.preset === 'reset') {
    await withDb(request.dbName, (db) => deleteImportPreset(db, signature));
    return { reading: first };
  }
  if (request.preset === 'save') {
    const preset = presetFromMapping(`preset-${signature}`, request.fileName.slice(0, 200), first.kind, first.headers, first.mapping);
    await withDb(request.dbName, (db) => saveImportPreset(db, signature, preset, new Date().toISOString()));
    return { reading: first, preset: 'saved' };
  }
  if (request.options.mapping) return { reading: first };
  const preset = await withDb(request.dbName, (db) => getImportPreset(db, signature));
  if (!preset || preset.kind !== first.kind) return { reading: first };
  const mapping = applyPreset(preset, first.headers);
  if (sameMapping(mapping, first.mapping)) return { reading: first, preset: 'applied' };
  return { reading: readImportFile(bytes, { ...request.options, mapping }, onProgress), preset: 'applied' };
}

const sameMapping = (a: ColumnMapping, b: ColumnMapping) => IMPORT_FIELDS.every((f) => a[f] === b[f]);

export interface ImportCore {
  handle(request: ImportRequest): void;
}

/** Opens a connection of the worker's own for one step, closed after it. */
async function withDb<T>(name: string, work: (records: Records) => Promise<T>): Promise<T> {
  const db = await openCadenceDb(name);
  try {
    return await work(idbRecords(db));
  } finally {
    db.close();
  }
}

export function createImportCore(post: (message: ImportMessage) => void): ImportCore {
  let reading: FileReading | undefined;
  let stored: Stored | undefined;
  let planned: { seq: number; result: PlanResult } | undefined;
  let cancelled = false;
  // Requests run one after the other (a plan waits for the read before it); a cancel does not wait.
  let queue: Promise<void> = Promise.resolve();

  const fail = (error: unknown) => {
    // Ours only when the page asked: a transaction IndexedDB aborted on its own (quota…) is a failure.
    if (cancelled && error instanceof DOMException && error.name === 'AbortError') return post({ kind: 'cancelled' });
    const storage = toStorageError(error);
    post({ kind: 'failed', message: storage.message, storageKind: storage.kind });
  };

  const run = async (request: Exclude<ImportRequest, { type: 'cancel' }>) => {
    if (request.type === 'read') {
      const read = await readWithPreset(request, (rows) => post({ kind: 'progress', rows }));
      reading = read.reading;
      // The database may have changed since the last file: the next plan reads it again.
      stored = undefined;
      planned = undefined;
      post({ kind: 'read', reading: { ...readingView(reading), ...(read.preset ? { preset: read.preset } : {}) } });
    } else if (request.type === 'planPayments') {
      if (reading?.outcome.kind !== 'payments') throw new Error('No payments file read to match');
      const { payments } = reading.outcome.payments;
      const at = reading.mapping.paymentDate;
      const dateColumn = at === undefined ? undefined : { index: at + 1, header: reading.headers[at] ?? '' };
      // Read afresh each time: what an earlier commit recorded must show as recorded.
      const plan = await withDb(request.dbName, (db) => planPaymentsAgainst(db, payments, request.today, dateColumn));
      post({ kind: 'paymentsPlanned', plan });
    } else if (request.type === 'plan') {
      if (reading?.outcome.kind !== 'portfolio') throw new Error('No portfolio read to plan');
      stored ??= await withDb(request.dbName, readStored);
      const result = planAgainst(stored, reading.outcome.portfolio, {
        importDate: request.importDate,
        decisions: request.decisions,
        validRowsOnly: request.validRowsOnly,
        ...(request.absentDebtors ? { absentDebtors: request.absentDebtors } : {}),
      });
      planned = { seq: request.seq, result };
      const view = planView(result);
      post({ kind: 'planned', seq: request.seq, ...(view ? { plan: view } : {}) });
    } else {
      const current = planned;
      if (!current || current.seq !== request.seq || !current.result.ok || !current.result.plan.ready || !reading || !stored) {
        throw new Error(`No ready plan ${request.seq} to commit`);
      }
      const plan = current.result.plan;
      const from = stored;
      cancelled = false;
      await withImportLock(() =>
        withDb(request.dbName, (db) =>
          commitPlan(db, {
            plan,
            stored: from,
            kind: reading?.kind ?? 'aged_balance',
            fileName: request.fileName,
            now: request.now,
            today: request.today,
            agent: request.agent,
            paymentSummary: paymentSummary(request.paymentText),
            onProgress: (written, total, switching) => post({ kind: 'committing', written, total, switching }),
            cancelled: () => cancelled,
          }),
        ),
      );
      // What is stored has changed: a further import plans against it afresh.
      stored = undefined;
      planned = undefined;
      post({ kind: 'committed' });
    }
  };

  return {
    handle(request) {
      if (request.type === 'cancel') {
        cancelled = true;
        return;
      }
      queue = queue.then(() => run(request)).catch(fail);
    },
  };
}
