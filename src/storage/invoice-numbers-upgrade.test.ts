/**
 * Database v12 (invoiceNumberPages): a v11 database upgrades with every debtor's distinct number keys of its
 * blocks in pages, the blocks' `numberKeys` index gone and the blocks untouched; the v12 fixture is what v12
 * writes.
 */
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { createDbFromFixture, FIXTURES } from '../../tests/fixtures/db/load';
import { DB_VERSION, openCadenceDb } from './db';
import { INVOICE_NUMBER_PAGES } from './invoice-blocks';
import { entryOf, type NumberPage } from './number-pages';
import { createCadenceStore } from './store';

let n = 0;
const freshName = (): string => `invoice-numbers-upgrade-${++n}-${Date.now()}`;

describe('database v12', () => {
  it('upgrades a v11 database: the number pages as the v12 fixture holds them; the blocks as they were', async () => {
    const name = freshName();
    await createDbFromFixture(name, FIXTURES.v11);
    const db = await openCadenceDb(name);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.transaction('invoiceBlocks').store.indexNames]).toEqual(['invoiceIds']);
    expect(await db.getAll(INVOICE_NUMBER_PAGES)).toEqual(FIXTURES.v12.stores.invoiceNumberPages);
    expect(await db.getAll('invoiceBlocks')).toEqual(FIXTURES.v11.stores.invoiceBlocks);
    const store = createCadenceStore(db);
    expect(await store.findDebtorIdsByInvoiceNumber('FA-2026-02', 5)).toEqual(['deb-hotel-oeillet']);
    expect(await store.findDebtorIdsByInvoiceNumber('fa-', 10)).toEqual(['deb-import-c101', 'deb-boul-dupont', 'deb-hotel-oeillet']);
    expect(await store.findDebtorIdsByInvoiceNumber('MV/', 10)).toEqual(['deb-mairie-vichy']);
    store.close();
  });

  it('upgrades a v10 database through v11 and v12 at once: every number of its invoices is in the pages', async () => {
    const name = freshName();
    await createDbFromFixture(name, FIXTURES.v10);
    const db = await openCadenceDb(name);
    const expected = new Set((FIXTURES.v10.stores.invoices as { numberKey: string; debtorId: string }[]).map((i) => entryOf(i.numberKey, i.debtorId)));
    expect(((await db.getAll(INVOICE_NUMBER_PAGES)) as NumberPage[]).flatMap((p) => p.entries)).toEqual([...expected].sort());
    db.close();
  });

  it('opens the v12 fixture as it is, and keeps its number pages in step with a write', async () => {
    const name = freshName();
    await createDbFromFixture(name, FIXTURES.v12);
    const raw = await openDB(name);
    expect(raw.version).toBe(12);
    raw.close();
    const db = await openCadenceDb(name);
    const store = createCadenceStore(db);
    const dossier = await store.getDossier('deb-mairie-vichy');
    const invoice = dossier!.invoices[0]!;
    await store.putInvoice({ ...invoice, number: 'MV/2027/0001' });
    expect(await store.findDebtorIdsByInvoiceNumber('mv/2026', 5)).toEqual(dossier!.invoices.length > 1 ? ['deb-mairie-vichy'] : []);
    expect(await store.findDebtorIdsByInvoiceNumber('mv/2027', 5)).toEqual(['deb-mairie-vichy']);
    store.close();
  });
});
