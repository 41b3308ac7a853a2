import { describe, expect, it } from 'vitest';
import { openItemsOf } from '../domain/summary';
import { readFileSync } from 'node:fs';
import { createDbFromFixture, FIXTURES } from '../../tests/fixtures/db/load';
import type { Invoice, PaymentPromise } from '../domain/entities';
import { planImport, type ExistingPortfolio } from '../domain/import/plan';
import { planRecords } from '../domain/import/plan-records';
import { readImportFile } from '../domain/import/read-file';
import { DB_VERSION, openCadenceDb, type CadenceDatabase } from './db';
import { idbRecords } from './idb-records';
import { commitImport, importBatches, listImports } from './import-commit';
import { recomputeSummary, SUMMARY_SOURCES } from './summaries';
import { countStore, readRecord, readStore } from '../../tests/fixtures/db/read';

let n = 0;
const freshName = () => `import-commit-${++n}-${Date.now()}`;
const newId = (kind: string) => `${kind}-${n}-${Math.random().toString(36).slice(2)}`;
const NOW = '2026-12-03T08:00:00.000Z';
const TODAY = '2026-12-03';

async function recordsFor(db: CadenceDatabase, file: string) {
  const reading = readImportFile(new Uint8Array(readFileSync(new URL(`../../tests/fixtures/imports/${file}`, import.meta.url))));
  if (reading.outcome.kind !== 'portfolio') throw new Error('portfolio expected');
  const invoices = (await readStore(db, 'invoices')) as Invoice[];
  const existing: ExistingPortfolio = { debtors: await db.getAll('debtors'), invoices };
  const result = planImport(reading.outcome.portfolio, existing, { importDate: TODAY, newId });
  if (!result.ok) throw new Error('refused');
  return planRecords(result.plan, {
    storedInvoices: new Map(invoices.map((i) => [i.id, i])),
    now: NOW,
    agent: 'Camille Martin',
    newId,
    paymentSummary: (_d, cents) => `Réglé d’après l’import : ${cents}`,
  });
}

const journal = (id: string, fileName: string) => ({ id, kind: 'aged_balance' as const, fileName, createdAt: NOW });

async function importFile(db: CadenceDatabase, file: string, id: string) {
  await commitImport(idbRecords(db), journal(id, file), await recordsFor(db, file), TODAY, NOW, { batch: 2 });
}

async function snapshot(db: CadenceDatabase) {
  const out: Record<string, unknown[]> = {};
  for (const store of ['debtors', 'contacts', 'invoices', 'activities', 'promises', 'summaries'] as const) out[store] = await readStore(db, store);
  return out;
}

describe('import commit: one transaction', () => {
  it('writes the records and summaries, and a second import of the same file changes nothing', async () => {
    const db = await openCadenceDb(freshName());
    await importFile(db, 'aged-balance-1252.csv', 'imp-1');
    expect(await db.count('debtors')).toBe(3);
    expect(await countStore(db, 'invoices')).toBe(4);
    const summaries = await db.getAll('summaries');
    expect(summaries.map((s) => openItemsOf(s).reduce((t, i) => t + i.outstandingCents, 0)).reduce((a, b) => a + b, 0)).toBe(737050);
    expect(await db.count('importStaging')).toBe(0);
    expect((await listImports(idbRecords(db))).map((j) => [j.id, j.status])).toEqual([['imp-1', 'committed']]);
    const before = await snapshot(db);
    await importFile(db, 'aged-balance-1252.csv', 'imp-2');
    expect(await snapshot(db)).toEqual(before);
    db.close();
  });

  it('closes the invoices a newer file no longer lists and keeps the promise made on one of them', async () => {
    const db = await openCadenceDb(freshName());
    await importFile(db, 'aged-balance-v1.csv', 'imp-1');
    const a1 = ((await readStore(db, 'invoices')) as Invoice[]).find((i) => i.number === 'A-1') as Invoice;
    const promise: PaymentPromise = {
      schemaVersion: 1,
      id: 'promise-a1',
      debtorId: a1.debtorId,
      createdAt: '2026-12-01T10:00:00.000Z',
      amountCents: 100000,
      dueDate: '2026-12-02',
      means: 'transfer',
      invoiceIds: [a1.id],
      status: 'pending',
      paidCents: 0,
    };
    await db.put('promises', promise);
    await db.put('activities', { schemaVersion: 1, id: 'note-1', debtorId: a1.debtorId, type: 'note', at: NOW, summary: 'Rappeler le comptable', agent: 'Camille Martin' });
    await importFile(db, 'aged-balance-v2-newer.csv', 'imp-2');
    expect(await readRecord(db, 'invoices', a1.id)).toMatchObject({ status: 'paid', amountPaidCents: 100000 });
    expect(await db.get('promises', 'promise-a1')).toMatchObject({ status: 'kept', paidCents: 100000 });
    expect(await db.get('activities', 'note-1')).toMatchObject({ summary: 'Rappeler le comptable' });
    db.close();
  });

  it('writes batches of a few records, and the summaries and KPI digests built from them equal the ones read back', async () => {
    const db = await openCadenceDb(freshName());
    const v1 = await recordsFor(db, 'aged-balance-v1.csv');
    const batches = [...importBatches(v1, 2)];
    expect(batches.every((b) => b.values.length <= 2)).toBe(true);
    expect(batches[0]?.store).toBe('debtors');
    expect(batches.at(-1)?.store).toBe('kpiDigests');
    expect(batches.filter((b) => b.store === 'invoices').flatMap((b) => b.values)).toEqual(v1.invoices.map((i) => expect.objectContaining({ ...i, numberKey: expect.any(String) })));
    const progress: number[] = [];
    await commitImport(idbRecords(db), journal('imp-1', 'v1'), v1, TODAY, NOW, { batch: 2, onProgress: (written) => progress.push(written) });
    expect(progress.length).toBeGreaterThan(batches.length);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    const built = await db.getAll('summaries');
    const digests = await db.getAll('kpiDigests');
    expect(built).toHaveLength(v1.debtors.length);
    expect(digests).toHaveLength(v1.debtors.length);
    await idbRecords(db).write(SUMMARY_SOURCES, async (tx) => {
      for (const d of v1.debtors) await recomputeSummary(tx, d.id);
    });
    expect(await db.getAll('summaries')).toEqual(built);
    expect(await db.getAll('kpiDigests')).toEqual(digests);
    db.close();
  });

  it('leaves the previous data intact when the import fails after many writes (one transaction)', async () => {
    const db = await openCadenceDb(freshName());
    await importFile(db, 'aged-balance-v1.csv', 'imp-1');
    const before = await snapshot(db);
    const records = await recordsFor(db, 'aged-balance-v2-newer.csv');
    // A debtor the import touches disappears: it is met after every batch was put, all of which must go.
    const gone = { ...records, touchedDebtorIds: [...records.touchedDebtorIds, 'deb-gone'] };
    await expect(commitImport(idbRecords(db), journal('imp-2', 'v2'), gone, TODAY, NOW, { batch: 1 })).rejects.toMatchObject({ kind: 'not_found', key: 'deb-gone' });
    expect(await snapshot(db)).toEqual(before);
    expect(await db.get('imports', 'imp-2')).toBeUndefined();
    db.close();
  });

  it('a cancel aborts the transaction: the previous data stays, no journal entry', async () => {
    const db = await openCadenceDb(freshName());
    await importFile(db, 'aged-balance-v1.csv', 'imp-1');
    const before = await snapshot(db);
    const records = await recordsFor(db, 'aged-balance-v2-newer.csv');
    let asked = 0;
    await expect(commitImport(idbRecords(db), journal('imp-2', 'v2'), records, TODAY, NOW, { batch: 1, cancelled: () => ++asked > 3 })).rejects.toMatchObject({ name: 'AbortError' });
    expect(await snapshot(db)).toEqual(before);
    expect((await listImports(idbRecords(db))).map((j) => j.id)).toEqual(['imp-1']);
    db.close();
  });
});

describe('database v8', () => {
  it('upgrades a v7 database: every record kept, the import stores empty', async () => {
    const name = freshName();
    await createDbFromFixture(name, FIXTURES.v7);
    const db = await openCadenceDb(name);
    expect(db.version).toBe(DB_VERSION);
    for (const store of Object.keys(FIXTURES.v7.stores)) {
      expect((await readStore(db, store as 'debtors')).length, store).toBe(FIXTURES.v7.stores[store]!.length);
    }
    expect(await db.count('imports')).toBe(0);
    expect(await db.count('importStaging')).toBe(0);
    db.close();
  });

  it('reads the v8 fixture: a debtor with a customer code and no SIREN, and its committed import', async () => {
    const name = freshName();
    await createDbFromFixture(name, FIXTURES.v8);
    const db = await openCadenceDb(name);
    expect(await db.get('debtors', 'deb-import-c101')).toMatchObject({ customerCode: 'C101', siren: '' });
    expect((await listImports(idbRecords(db))).map((j) => j.fileName)).toEqual(['balance-agee.csv']);
    // An import over it matches the debtor by its customer code and finds nothing to change.
    const records = await recordsFor(db, 'aged-balance-1252.csv');
    expect(records.debtors.map((d) => d.customerCode)).toEqual(['C102', 'C103']);
    db.close();
  });
});
