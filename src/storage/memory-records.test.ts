import { describe, expect, it } from 'vitest';
import { makeDebtor, makeInvoice } from '../../tests/fixtures/db/builders';
import { toStoredInvoice } from './bundles';
import { memoryRecords } from './memory-records';

describe('memory records', () => {
  it('a write whose work fails half-way leaves every store as it was, clears included', async () => {
    const records = memoryRecords();
    await records.write(['debtors'], (tx) => tx.put('debtors', makeDebtor({ id: 'keep' })));
    const failing = records.write(['debtors', 'invoices'], async (tx) => {
      await tx.clear('debtors');
      await tx.put('debtors', makeDebtor({ id: 'new' }));
      await tx.put('invoices', toStoredInvoice(makeInvoice()));
      expect(await tx.getAll('debtors')).toEqual([makeDebtor({ id: 'new' })]);
      throw new Error('half-way');
    });
    await expect(failing).rejects.toThrow('half-way');
    const after = await records.read(['debtors', 'invoices'], async (tx) => [await tx.getAll('debtors'), await tx.count('invoices')]);
    expect(after).toEqual([[makeDebtor({ id: 'keep' })], 0]);
  });

  it('gives records in key order, pages after a key, and finds a debtor’s records', async () => {
    const records = memoryRecords();
    await records.write(['invoices'], async (tx) => {
      for (const id of ['i3', 'i1', 'i2']) await tx.put('invoices', toStoredInvoice(makeInvoice({ id, debtorId: id === 'i2' ? 'd2' : 'd1' })));
    });
    const ids = (values: unknown[]): string[] => values.map((v) => (v as { id: string }).id);
    await records.read(['invoices'], async (tx) => {
      expect(ids(await tx.getAll('invoices'))).toEqual(['i1', 'i2', 'i3']);
      expect(ids(await tx.getAll('invoices', { after: 'i1', limit: 1 }))).toEqual(['i2']);
      expect(ids(await tx.byDebtor('invoices', 'd1'))).toEqual(['i1', 'i3']);
    });
  });

  it('refuses writes in a read transaction, and a record without its key', async () => {
    const records = memoryRecords();
    await expect(records.read(['debtors'], (tx) => tx.put('debtors', makeDebtor()))).rejects.toMatchObject({ name: 'ReadOnlyError' });
    await expect(records.write(['settings'], (tx) => tx.put('settings', { language: 'fr' } as never))).rejects.toMatchObject({ name: 'DataError' });
    expect(await records.read(['debtors'], (tx) => tx.count('debtors'))).toBe(0);
  });
});
