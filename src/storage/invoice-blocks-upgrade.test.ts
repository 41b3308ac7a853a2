/**
 * Database v11 (invoiceBlocks): a v10 database upgrades with every invoice moved into its debtor's block as it
 * was stored, the `invoices` store gone; a record failing its schema still moves (the reads report it, as
 * before), one without an id or a debtor is reported and dropped; the v11 fixture is what v11 writes.
 */
import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { createDbFromFixture, FIXTURES } from '../../tests/fixtures/db/load';
import { readRecord, readStore } from '../../tests/fixtures/db/read';
import { DB_VERSION, openCadenceDb } from './db';
import { createCadenceStore } from './store';

let n = 0;
const freshName = (): string => `invoice-blocks-upgrade-${++n}-${Date.now()}`;
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);

describe('database v11', () => {
  it('upgrades a v10 database: every invoice in its debtor’s block, as the v11 fixture holds them; nothing else changed', async () => {
    const name = freshName();
    await createDbFromFixture(name, FIXTURES.v10);
    const db = await openCadenceDb(name);
    expect(db.version).toBe(DB_VERSION);
    expect(db.objectStoreNames.contains('invoices')).toBe(false);
    // v12 replaced the `numberKeys` index by the invoiceNumbers store (./invoice-numbers-upgrade.test.ts).
    expect([...db.transaction('invoiceBlocks').store.indexNames]).toEqual(['invoiceIds']);
    expect(await db.getAll('invoiceBlocks')).toEqual(FIXTURES.v11.stores.invoiceBlocks);
    for (const [store, values] of Object.entries(FIXTURES.v10.stores)) {
      const after = await readStore(db, store);
      expect(after.length, store).toBe(values.length);
      if (store === 'invoices') expect(after).toEqual([...(values as { id: string }[])].sort(byId));
    }
    const store = createCadenceStore(db);
    expect(await store.counts()).toEqual({ debtors: FIXTURES.v10.stores.debtors!.length, invoices: FIXTURES.v10.stores.invoices!.length });
    expect(await store.findDebtorIdsByInvoiceNumber('FA-2026-02', 5)).toEqual(['deb-hotel-oeillet']);
    store.close();
  });

  it('a corrupt invoice does not wedge the upgrade: one failing its schema moves as it is, one without a debtor is reported and dropped', async () => {
    const fx = FIXTURES.v10;
    const invoice = fx.stores.invoices![0] as { id: string; debtorId: string };
    const broken = { ...invoice, id: 'inv-broken', amountInclVatCents: 'beaucoup' };
    const orphan = { ...invoice, id: 'inv-orphan', debtorId: 42 };
    const name = freshName();
    await createDbFromFixture(name, { ...fx, stores: { ...fx.stores, invoices: [...fx.stores.invoices!, broken, orphan] } });
    const onCorrupt = vi.fn();
    const db = await openCadenceDb(name, { onCorrupt });
    expect(onCorrupt).toHaveBeenCalledTimes(1);
    expect(onCorrupt).toHaveBeenCalledWith({ store: 'invoices', key: 'inv-orphan', issues: [{ path: 'debtorId', message: 'missing' }] });
    expect(await readRecord(db, 'invoices', 'inv-broken')).toEqual(broken);
    expect(await readRecord(db, 'invoices', 'inv-orphan')).toBeUndefined();
    // The dossier still opens, the broken invoice reported and left out as before v11.
    const seen = vi.fn();
    const store = createCadenceStore(db, { onCorrupt: seen });
    const dossier = await store.getDossier(invoice.debtorId);
    expect(dossier?.invoices.map((i) => i.id)).not.toContain('inv-broken');
    expect(seen).toHaveBeenCalledWith(expect.objectContaining({ store: 'invoices', key: 'inv-broken' }));
    store.close();
  });

  it('opens the v11 fixture as it is', async () => {
    const name = freshName();
    await createDbFromFixture(name, FIXTURES.v11);
    const raw = await openDB(name);
    expect(raw.version).toBe(11);
    raw.close();
    const db = await openCadenceDb(name);
    const store = createCadenceStore(db);
    const blocks = FIXTURES.v11.stores.invoiceBlocks as { debtorId: string; invoices: { id: string }[] }[];
    for (const block of blocks) expect((await store.getDossier(block.debtorId))?.invoices.map((i) => i.id).sort()).toEqual(block.invoices.map((i) => i.id));
    store.close();
  });
});
