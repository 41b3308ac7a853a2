/**
 * Contract of the logical `invoices` store of Records on every backend: on IndexedDB the invoices live in one
 * block per debtor (../invoice-blocks.ts), in memory one record each, and callers must not tell them apart —
 * writes to one debtor in one transaction all persist, an invoice moved to another debtor is held once, reads
 * see the transaction's own writes, key order and ranges are those of a store keyed by invoice id. And the
 * invoice-number scan gives the same entries in the same order on both stores.
 */
import { describe, expect, it } from 'vitest';
import { makeBundle, makeDebtor, makeInvoice } from '../../../tests/fixtures/db/builders';
import type { Invoice } from '../../domain/entities';
import { toStoredInvoice } from '../bundles';
import { entryOf } from '../number-pages';
import type { Records } from '../records';
import type { MakeStore } from './harness';
import type { MakeRecords } from './import-commit.contract';

const inv = (id: string, debtorId: string, over: Partial<Invoice> = {}) => toStoredInvoice(makeInvoice({ id, debtorId, number: `FA-${id}`, ...over }));
const ids = (values: unknown[]): string[] => values.map((v) => (v as { id: string }).id);

async function stored(records: Records) {
  return records.read(['invoices'], async (tx) => ({
    all: ids(await tx.getAll('invoices')),
    count: await tx.count('invoices'),
    d1: ids(await tx.byDebtor('invoices', 'd1')),
    d2: ids(await tx.byDebtor('invoices', 'd2')),
  }));
}

export function invoiceRecordsContract(makeRecords: MakeRecords): void {
  it('several writes to one debtor in one transaction all persist: awaited one by one, issued at once, bulk', async () => {
    const records = await makeRecords();
    await records.write(['invoices'], async (tx) => {
      await tx.put('invoices', inv('a', 'd1'));
      await tx.put('invoices', inv('b', 'd1'));
      await Promise.all([tx.put('invoices', inv('c', 'd1')), tx.put('invoices', inv('d', 'd1')), tx.putMany('invoices', [inv('e', 'd1'), inv('f', 'd2')])]);
      await tx.put('invoices', inv('a', 'd1', { amountPaidCents: 500 }));
    });
    expect(await stored(records)).toEqual({ all: ['a', 'b', 'c', 'd', 'e', 'f'], count: 6, d1: ['a', 'b', 'c', 'd', 'e'], d2: ['f'] });
    expect(await records.read(['invoices'], (tx) => tx.get('invoices', 'a'))).toMatchObject({ amountPaidCents: 500, numberKey: 'fa-a' });
    // Two later transactions on the same debtor keep each other's writes.
    await records.write(['invoices'], (tx) => tx.put('invoices', inv('g', 'd1')));
    await records.write(['invoices'], (tx) => tx.delete('invoices', 'b'));
    expect((await stored(records)).d1).toEqual(['a', 'c', 'd', 'e', 'g']);
  });

  it('a transaction reads its own writes; an invoice moved to another debtor is held once; a delete of the last one empties the debtor', async () => {
    const records = await makeRecords();
    await records.write(['invoices'], (tx) => tx.putMany('invoices', [inv('a', 'd1'), inv('b', 'd1')]));
    await records.write(['invoices'], async (tx) => {
      await tx.put('invoices', inv('a', 'd2'));
      expect(ids(await tx.byDebtor('invoices', 'd1'))).toEqual(['b']);
      expect(await tx.get('invoices', 'a')).toMatchObject({ debtorId: 'd2' });
      await tx.delete('invoices', 'b');
      expect(await tx.has('invoices', 'b')).toBe(false);
      expect(await tx.count('invoices')).toBe(1);
      await tx.delete('invoices', 'missing');
    });
    expect(await stored(records)).toEqual({ all: ['a'], count: 1, d1: [], d2: ['a'] });
    expect(await records.read(['invoices'], (tx) => tx.byDebtorRange('invoices', 'd1', 'd9'))).toEqual([expect.objectContaining({ id: 'a', debtorId: 'd2' })]);
  });

  it('a failed transaction leaves every debtor’s invoices as they were', async () => {
    const records = await makeRecords();
    await records.write(['invoices'], (tx) => tx.put('invoices', inv('a', 'd1')));
    const failing = records.write(['invoices'], async (tx) => {
      await tx.put('invoices', inv('b', 'd1'));
      await tx.delete('invoices', 'a');
      throw new Error('half-way');
    });
    await expect(failing).rejects.toThrow('half-way');
    expect(await stored(records)).toEqual({ all: ['a'], count: 1, d1: ['a'], d2: [] });
  });

  it('orders by invoice id across debtors, with ranges and limits; byDebtorRange by debtor then id', async () => {
    const records = await makeRecords();
    await records.write(['invoices'], (tx) => tx.putMany('invoices', [inv('i5', 'd1'), inv('i1', 'd2'), inv('i3', 'd1'), inv('i2', 'd3'), inv('i4', 'd2')]));
    await records.read(['invoices'], async (tx) => {
      expect(ids(await tx.getAll('invoices'))).toEqual(['i1', 'i2', 'i3', 'i4', 'i5']);
      expect(ids(await tx.getAll('invoices', { after: 'i1', limit: 2 }))).toEqual(['i2', 'i3']);
      expect(ids(await tx.getAll('invoices', { from: 'i2', upTo: 'i4' }))).toEqual(['i2', 'i3', 'i4']);
      expect(await tx.getAllKeys('invoices', { upTo: 'i2' })).toEqual(['i1', 'i2']);
      expect(ids(await tx.byDebtorRange('invoices', 'd1', 'd2'))).toEqual(['i3', 'i5', 'i1', 'i4']);
    });
  });

  it('writes new debtors’ invoices whole, readable in the same transaction and after; a clear empties them', async () => {
    const records = await makeRecords();
    await records.write(['invoices'], async (tx) => {
      await tx.putInvoicesOfNewDebtors([inv('a', 'n1'), inv('b', 'n2'), inv('c', 'n1')]);
      expect(ids(await tx.byDebtor('invoices', 'n1'))).toEqual(['a', 'c']);
      await tx.put('invoices', inv('d', 'n1'));
    });
    expect(await records.read(['invoices'], async (tx) => [ids(await tx.byDebtor('invoices', 'n1')), await tx.count('invoices')])).toEqual([['a', 'c', 'd'], 4]);
    await records.write(['invoices'], async (tx) => {
      await tx.clear('invoices');
      await tx.put('invoices', inv('e', 'n1'));
      expect(await tx.get('invoices', 'a')).toBeUndefined();
    });
    expect(await stored(records)).toMatchObject({ all: ['e'], count: 1 });
  });
}

/** The invoice-number scan, on stores: one entry per debtor and number key, by number key then debtor id. */
export function invoiceScanContract(makeStore: MakeStore): void {
  it('pages number keys in key order: by number key, then debtor id; one entry per debtor and number key', async () => {
    const store = await makeStore();
    const bundle = (debtorId: string, invoices: [string, string][]) =>
      makeBundle({ debtor: makeDebtor({ id: debtorId }), invoices: invoices.map(([id, number]) => makeInvoice({ id, debtorId, number })) });
    await store.putBundles([
      bundle('d2', [['x1', 'FA-10'], ['x2', 'FA-10'], ['x3', 'FA-30']]),
      bundle('d1', [['y1', 'FA-20'], ['y2', 'fa-10']]),
      bundle('d3', [['z1', 'AV-10']]),
    ]);
    // Key order: fa-10 (d1, then d2), fa-20 (d1), fa-30 (d2); av-10 (d3) before them.
    const read = await store.readNumberPages(['fa'], 1);
    expect(read.directory[0]).toBe('');
    expect(read.pages.flatMap((p) => p.entries)).toEqual([
      entryOf('av-10', 'd3'),
      entryOf('fa-10', 'd1'),
      entryOf('fa-10', 'd2'),
      entryOf('fa-20', 'd1'),
      entryOf('fa-30', 'd2'),
    ]);
    expect(await store.findDebtorIdsByInvoiceNumber('fa-3', 10)).toEqual(['d2']);
    expect(await store.findDebtorIdsByInvoiceNumber('Ç', 10)).toEqual([]);
    expect(await store.findDebtorIdsByInvoiceNumber('', 10)).toEqual([]);
    // Each debtor where its first number is.
    expect(await store.findDebtorIdsByInvoiceNumber('fa-', 1)).toEqual(['d1']);
    expect(await store.findDebtorIdsByInvoiceNumber('fa-', 5)).toEqual(['d1', 'd2']);
    expect(await store.findDebtorIdsByInvoiceNumber('fa-2', 5)).toEqual(['d1']);
    expect(await store.counts()).toEqual({ debtors: 3, invoices: 6 });
  });

  it('reads on past a debtor with many numbers under the prefix until it finds the debtors asked for', async () => {
    const store = await makeStore();
    const many = Array.from({ length: 14 }, (_, i) => makeInvoice({ id: `m${i}`, debtorId: 'd1', number: `FA-${String(i).padStart(2, '0')}` }));
    await store.putBundles([
      makeBundle({ debtor: makeDebtor({ id: 'd1' }), invoices: many }),
      makeBundle({ debtor: makeDebtor({ id: 'd2' }), invoices: [makeInvoice({ id: 'n1', debtorId: 'd2', number: 'FA-99' })] }),
    ]);
    // Two debtors at five entries each is a first read of ten, all d1's: the search reads on to find d2.
    expect(await store.findDebtorIdsByInvoiceNumber('fa', 2)).toEqual(['d1', 'd2']);
    expect(await store.findDebtorIdsByInvoiceNumber('FA-9', 5)).toEqual(['d2']);
  });
}

export function runInvoiceRecordsContract(name: string, makeRecords: MakeRecords, makeStore: MakeStore): void {
  describe(`Invoices contract: ${name}`, () => {
    invoiceRecordsContract(makeRecords);
    invoiceScanContract(makeStore);
  });
}
