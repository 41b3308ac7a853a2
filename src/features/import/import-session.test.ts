import { describe, expect, it, vi } from 'vitest';
import { openCadenceDb } from '../../storage/db';
import { AMOUNT_MARK, INVOICES_MARK, type ImportRequest } from './import-protocol';
import { ImportSession, inThreadWorker, type WorkerLike } from './import-session';
import { paymentSummary } from './import-worker-core';
import { countStore } from '../../../tests/fixtures/db/read';

let n = 0;
const freshDb = () => `import-session-${++n}-${Date.now()}`;
const source = (dbName = freshDb()) => ({ dbName, fileName: 'big.csv', preset: 'auto' as const });

function bigFile(rows: number, debtors = 500): ArrayBuffer {
  const lines = ['Client;Facture;Échéance;Montant'];
  for (let i = 0; i < rows; i++) lines.push(`Client ${i % debtors};F${i};15/01/2026;${i + 1},50`);
  return new TextEncoder().encode(lines.join('\n')).buffer as ArrayBuffer;
}

/** The real core on this thread, counting what it was asked and whether it was ended. */
function spyWorker() {
  const inner = inThreadWorker();
  const spy = {
    requests: [] as ImportRequest['type'][],
    terminated: false,
    get onmessage() {
      return inner.onmessage;
    },
    set onmessage(h: WorkerLike['onmessage']) {
      inner.onmessage = h;
    },
    onerror: null as WorkerLike['onerror'],
    postMessage(request: ImportRequest) {
      spy.requests.push(request.type);
      inner.postMessage(request);
    },
    terminate() {
      spy.terminated = true;
      inner.terminate();
    },
  };
  return spy;
}

const commitRequest = (dbName: string) => ({
  dbName,
  fileName: 'big.csv',
  now: '2026-12-03T08:00:00.000Z',
  today: '2026-12-03',
  agent: 'Camille Martin',
  paymentText: { template: `Réglé : ${AMOUNT_MARK} sur ${INVOICES_MARK}`, locale: 'fr-FR' },
});

describe('ImportSession', () => {
  it('reads in the worker with progress, and hands the page a view without the rows', async () => {
    const worker = spyWorker();
    const session = new ImportSession(() => worker);
    const progress: number[] = [];
    const reading = await session.read(bigFile(12_000), {}, source(), { onProgress: (rows) => progress.push(rows) });
    expect(progress).toEqual([5_000, 10_000]);
    expect(reading.outcome.kind).toBe('portfolio');
    if (reading.outcome.kind !== 'portfolio') return;
    expect(reading.outcome.portfolio).toMatchObject({ rowCount: 12_000, debtors: 500, invoices: 12_000, errorCount: 0 });
    expect(JSON.stringify(reading).length).toBeLessThan(20_000);
    session.dispose();
    expect(worker.terminated).toBe(true);
  });

  it('plans against the database and commits the plan in the worker; the same file again changes nothing', async () => {
    const dbName = freshDb();
    (await openCadenceDb(dbName)).close();
    const session = new ImportSession(inThreadWorker);
    await session.read(bigFile(3_000), {}, source(dbName));
    const first = await session.plan({ dbName, importDate: '2026-12-03', decisions: {}, validRowsOnly: false });
    expect(first.plan?.counts.invoices.new).toBe(3_000);
    expect(first.plan).not.toHaveProperty('invoices');
    const phases: boolean[] = [];
    expect(await session.commit(first.seq, commitRequest(dbName), (_w, _t, switching) => phases.push(switching))).toBe('committed');
    expect(phases[0]).toBe(false);
    expect(phases.at(-1)).toBe(true);
    const db = await openCadenceDb(dbName);
    expect([await db.count('debtors'), await countStore(db, 'invoices'), await db.count('summaries'), await db.count('importStaging')]).toEqual([500, 3_000, 500, 0]);
    db.close();
    await session.read(bigFile(3_000), {}, source(dbName));
    const again = await session.plan({ dbName, importDate: '2026-12-03', decisions: {}, validRowsOnly: false });
    expect(again.plan?.counts).toEqual({ debtors: { new: 0, updated: 0, unchanged: 500 }, invoices: { new: 0, updated: 0, closed: 0, unchanged: 3_000 } });
    session.dispose();
  });

  it('refuses to commit a plan other than the last one shown', async () => {
    const dbName = freshDb();
    const session = new ImportSession(inThreadWorker);
    await session.read(bigFile(10), {}, source(dbName));
    const old = await session.plan({ dbName, importDate: '2026-12-03', decisions: {}, validRowsOnly: false });
    await session.plan({ dbName, importDate: '2026-12-03', decisions: {}, validRowsOnly: true });
    await expect(session.commit(old.seq, commitRequest(dbName))).rejects.toThrow(/No ready plan/);
    session.dispose();
  });

  it('cancels a commit while it writes: its one transaction aborted, nothing stored', async () => {
    const dbName = freshDb();
    const session = new ImportSession(inThreadWorker);
    // Enough records for many batches.
    await session.read(bigFile(40_000, 8_000), {}, source(dbName));
    const { seq } = await session.plan({ dbName, importDate: '2026-12-03', decisions: {}, validRowsOnly: false });
    let asked = false;
    const outcome = await session.commit(seq, commitRequest(dbName), () => {
      if (!asked) session.cancelCommit();
      asked = true;
    });
    expect(outcome).toBe('cancelled');
    const db = await openCadenceDb(dbName);
    expect([await db.count('debtors'), await countStore(db, 'invoices'), await db.count('importStaging'), await db.count('imports')]).toEqual([0, 0, 0, 0]);
    db.close();
    session.dispose();
  }, 60_000);

  it('lets a commit under way finish when the page goes away, then ends the worker', async () => {
    const dbName = freshDb();
    const worker = spyWorker();
    const session = new ImportSession(() => worker);
    await session.read(bigFile(2_000), {}, source(dbName));
    const { seq } = await session.plan({ dbName, importDate: '2026-12-03', decisions: {}, validRowsOnly: false });
    const committing = session.commit(seq, commitRequest(dbName));
    session.dispose();
    expect(worker.terminated).toBe(false);
    expect(await committing).toBe('committed');
    expect(worker.terminated).toBe(true);
    const db = await openCadenceDb(dbName);
    expect(await countStore(db, 'invoices')).toBe(2_000);
    db.close();
  });

  it('cancels a read by ending the worker', async () => {
    const worker = spyWorker();
    const session = new ImportSession(() => worker);
    const controller = new AbortController();
    const read = session.read(bigFile(10), {}, source(), { signal: controller.signal });
    controller.abort();
    await expect(read).rejects.toMatchObject({ name: 'AbortError' });
    expect(worker.terminated).toBe(true);
  });

  it('rejects when the worker cannot start', async () => {
    const failing: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage() {
        setTimeout(() => this.onerror?.({ message: 'boom' } as ErrorEvent), 0);
      },
      terminate: vi.fn(),
    };
    await expect(new ImportSession(() => failing).read(bigFile(1), {}, source())).rejects.toThrow('boom');
  });

  it('fills the translated payment text in the worker', () => {
    const text = paymentSummary({ template: `Réglé : ${AMOUNT_MARK} sur ${INVOICES_MARK}.`, locale: 'fr-FR' })('deb-1', 123456, ['F1', 'F2']);
    expect(text).toMatch(/^Réglé : 1\s234,56\s€ sur F1, F2\.$/);
  });

  it('saves the mapping the agent set for a source and applies it to its next file, until reset', async () => {
    const dbName = freshDb();
    const session = new ImportSession(inThreadWorker);
    const file = (order: 'abcd' | 'dcba') => {
      const cols = ['Société', 'Réf', 'Quand', 'Combien'];
      const row = ['Dupont', 'F1', '15/01/2026', '100,00'];
      const pick = (xs: string[]) => (order === 'abcd' ? xs : [...xs].reverse());
      return new TextEncoder().encode(`${pick(cols).join(';')}\r\n${pick(row).join(';')}\r\n`).buffer as ArrayBuffer;
    };
    const at = (name: string) => ({ dbName, fileName: name, preset: 'auto' as const });
    const first = await session.read(file('abcd'), {}, at('janvier.csv'));
    expect(first.outcome.kind).toBe('file_error');
    expect(first.preset).toBeUndefined();
    const mapping = { customerName: 0, invoiceNumber: 1, dueDate: 2, openAmount: 3 };
    const saved = await session.read(file('abcd'), { mapping }, { ...at('janvier.csv'), preset: 'save' });
    expect(saved.preset).toBe('saved');
    expect(saved.outcome.kind).toBe('portfolio');
    // Next month's export, columns in another order: the same source, mapped by name.
    const next = await session.read(file('dcba'), {}, at('fevrier.csv'));
    expect(next.preset).toBe('applied');
    expect(next.mapping).toEqual({ customerName: 3, invoiceNumber: 2, dueDate: 1, openAmount: 0 });
    expect(next.outcome.kind).toBe('portfolio');
    const reset = await session.read(file('dcba'), {}, { ...at('fevrier.csv'), preset: 'reset' });
    expect(reset.preset).toBeUndefined();
    expect(reset.outcome.kind).toBe('file_error');
    expect((await session.read(file('abcd'), {}, at('mars.csv'))).preset).toBeUndefined();
    session.dispose();
  });
});
