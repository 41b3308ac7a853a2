import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createDbFromFixture, FIXTURES } from '../../tests/fixtures/db/load';
import type { Invoice, PaymentPromise } from '../domain/entities';
import { planImport, type ExistingPortfolio } from '../domain/import/plan';
import { planRecords } from '../domain/import/plan-records';
import { readImportFile } from '../domain/import/read-file';
import { DB_VERSION, openCadenceDb, type CadenceDatabase } from './db';
import { idbRecords } from './idb-records';
import { discardUnfinishedImports, listImports, stagedWrites, stageImport, switchImport } from './import-commit';
import { recomputeSummary, SUMMARY_SOURCES } from './summaries';

let n = 0;
const freshName = () => `import-commit-${++n}-${Date.now()}`;
const newId = (kind: string) => `${kind}-${n}-${Math.random().toString(36).slice(2)}`;
const NOW = '2026-12-03T08:00:00.000Z';
const TODAY = '2026-12-03';

async function recordsFor(db: CadenceDatabase, file: string) {
  const reading = readImportFile(new Uint8Array(readFileSync(new URL(`../../tests/fixtures/imports/${file}`, import.meta.url))));
  if (reading.outcome.kind !== 'portfolio') throw new Error('portfolio expected');
  const invoices = (await db.getAll('invoices')) as Invoice[];
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

async function importFile(db: CadenceDatabase, file: string, id: string) {
  const records = await recordsFor(db, file);
  await stageImport(idbRecords(db), { id, kind: 'aged_balance', fileName: file, createdAt: NOW }, records, { chunkSize: 3, between: async () => undefined });
  await switchImport(idbRecords(db), id, TODAY, NOW);
}

async function snapshot(db: CadenceDatabase) {
  const out: Record<string, unknown[]> = {};
  for (const store of ['debtors', 'contacts', 'invoices', 'activities', 'promises', 'summaries'] as const) out[store] = await db.getAll(store);
  return out;
}

describe('import commit: staging, then one switch', () => {
  it('writes the records and summaries, and a second import of the same file changes nothing', async () => {
    const db = await openCadenceDb(freshName());
    await importFile(db, 'aged-balance-1252.csv', 'imp-1');
    expect(await db.count('debtors')).toBe(3);
    expect(await db.count('invoices')).toBe(4);
    const summaries = await db.getAll('summaries');
    expect(summaries.map((s) => s.openItems.reduce((t, i) => t + i.outstandingCents, 0)).reduce((a, b) => a + b, 0)).toBe(737050);
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
    const a1 = ((await db.getAll('invoices')) as Invoice[]).find((i) => i.number === 'A-1') as Invoice;
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
    expect(await db.get('invoices', a1.id)).toMatchObject({ status: 'paid', amountPaidCents: 100000 });
    expect(await db.get('promises', 'promise-a1')).toMatchObject({ status: 'kept', paidCents: 100000 });
    expect(await db.get('activities', 'note-1')).toMatchObject({ summary: 'Rappeler le comptable' });
    db.close();
  });

  it('stages thousands of records per row, and the summaries and KPI digests built from them equal the ones read back', async () => {
    const db = await openCadenceDb(freshName());
    const v1 = await recordsFor(db, 'aged-balance-v1.csv');
    const rows = stagedWrites('imp-x', v1, 2);
    expect(rows.filter((r) => r.op === 'put_many').every((r) => r.op === 'put_many' && r.values.length <= 2)).toBe(true);
    expect(rows.some((r) => r.op === 'put_many' && r.store === 'summaries')).toBe(true);
    const progress: number[] = [];
    await stageImport(idbRecords(db), { id: 'imp-1', kind: 'aged_balance', fileName: 'v1', createdAt: NOW }, v1, { batch: 2, between: async () => undefined });
    await switchImport(idbRecords(db), 'imp-1', TODAY, NOW, { onProgress: (written) => progress.push(written) });
    expect(progress.at(-1)).toBeGreaterThan(0);
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

  it('leaves the previous data intact when the tab dies during staging, and discards the leftovers', async () => {
    const db = await openCadenceDb(freshName());
    await importFile(db, 'aged-balance-v1.csv', 'imp-1');
    const before = await snapshot(db);
    const records = await recordsFor(db, 'aged-balance-v2-newer.csv');
    let chunks = 0;
    const killed = stageImport(idbRecords(db), { id: 'imp-2', kind: 'aged_balance', fileName: 'v2', createdAt: NOW }, records, {
      chunkSize: 2,
      batch: 1,
      between: async () => {
        if (++chunks === 2) throw new Error('tab killed');
      },
    });
    await expect(killed).rejects.toThrow('tab killed');
    expect(await snapshot(db)).toEqual(before);
    await expect(switchImport(idbRecords(db), 'imp-2', TODAY, NOW)).rejects.toMatchObject({ kind: 'not_found' });
    expect(await snapshot(db)).toEqual(before);
    expect(await discardUnfinishedImports(idbRecords(db))).toBe(1);
    expect(await db.count('importStaging')).toBe(0);
    db.close();
  });

  it('leaves the previous data intact when the switch fails half-way (one transaction)', async () => {
    const db = await openCadenceDb(freshName());
    await importFile(db, 'aged-balance-v1.csv', 'imp-1');
    const before = await snapshot(db);
    const records = await recordsFor(db, 'aged-balance-v2-newer.csv');
    await stageImport(idbRecords(db), { id: 'imp-2', kind: 'aged_balance', fileName: 'v2', createdAt: NOW }, records, { between: async () => undefined });
    // A debtor the staging patches disappears: the switch meets it after many puts and must undo them all.
    const [first] = records.debtorPatches.length ? records.debtorPatches : [{ id: records.touchedDebtorIds[0] as string }];
    const tx = db.transaction('importStaging', 'readwrite');
    await tx.store.put({ key: 'imp-2#9999999999', importId: 'imp-2', seq: 9_999_999_999, op: 'patch_debtor', id: `${first?.id}-gone`, set: {} });
    await tx.done;
    const journal = await db.get('imports', 'imp-2');
    await db.put('imports', { ...journal!, rows: journal!.rows + 1 });
    await expect(switchImport(idbRecords(db), 'imp-2', TODAY, NOW)).rejects.toMatchObject({ kind: 'not_found' });
    expect(await snapshot(db)).toEqual(before);
    expect((await db.get('imports', 'imp-2'))?.status).toBe('staging');
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
      expect((await db.getAll(store as 'debtors')).length, store).toBe(FIXTURES.v7.stores[store]!.length);
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
