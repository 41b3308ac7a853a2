/**
 * Contract: recording a payment — allocation oldest due first, promises recomputed, all or nothing.
 */
import { describe, expect, it } from 'vitest';
import { makeBundle, makeInvoice, makePromise } from '../../../tests/fixtures/db/builders';
import { summarizeDebtor } from '../../domain/summarize';
import { buildWorklist } from '../../domain/worklist';
import type { PaymentEntry } from '../payments';
import { summaryOf, type MakeStore } from './harness';

const entry = (over: Partial<PaymentEntry> = {}): PaymentEntry => ({
  id: 'pay-1',
  debtorId: 'd1',
  amountCents: 150_000,
  date: '2026-11-17',
  means: 'transfer',
  invoiceIds: ['i2', 'i1'],
  at: '2026-11-17T14:00:00.000Z',
  agent: 'Camille Martin',
  summary: 'Virement reçu',
  ...over,
});

export function paymentsContract(makeStore: MakeStore): void {
  async function setup() {
    const store = await makeStore();
    // i1 due 1 Oct (120 000), i2 due 1 Nov (60 000); a promise of 120 000 for 16 Nov on i1.
    await store.putBundles([
      makeBundle({
        invoices: [makeInvoice(), makeInvoice({ id: 'i2', number: 'FA-2026-0002', dueDate: '2026-11-01', amountInclVatCents: 60_000, amountExclVatCents: 50_000 })],
        promises: [makePromise({ dueDate: '2026-11-16' })],
      }),
    ]);
    return store;
  }

  describe('recordPayment', () => {
    it('settles invoices oldest first, keeps the promise, writes the activity and the summary together', async () => {
      const store = await setup();
      const result = await store.recordPayment(entry(), '2026-11-17');
      expect(result.allocations).toEqual([
        { invoiceId: 'i1', cents: 120_000 },
        { invoiceId: 'i2', cents: 30_000 },
      ]);
      expect(result.promises).toEqual([{ id: 'p1', status: 'kept', paidCents: 120_000 }]);

      const dossier = await store.getDossier('d1');
      if (!dossier) throw new Error('dossier missing');
      expect(dossier.invoices.map((i) => [i.id, i.status, i.amountPaidCents])).toEqual([
        ['i1', 'paid', 120_000],
        ['i2', 'open', 30_000],
      ]);
      expect(dossier.promises[0]).toMatchObject({ status: 'kept', paidCents: 120_000 });
      const activity = dossier.activities.find((a) => a.id === 'pay-1');
      expect(activity).toMatchObject({ type: 'payment', outcome: 'received', details: { amountCents: 150_000, invoiceIds: ['i2', 'i1'], means: 'transfer', date: '2026-11-17' } });
      expect(await summaryOf(store, 'd1')).toEqual(summarizeDebtor(dossier));
    });

    it('a payment after the deadline (16 Nov + 2 business days = 18 Nov) does not keep the promise', async () => {
      const store = await setup();
      const result = await store.recordPayment(entry({ date: '2026-11-19', at: '2026-11-19T09:00:00.000Z' }), '2026-11-19');
      expect(result.promises).toEqual([{ id: 'p1', status: 'broken', paidCents: 0 }]);
      // The worklist reads the stored status: the debtor now has a broken promise to chase.
      const rows = buildWorklist(await store.listSummaries(), '2026-11-19');
      expect(rows[0]).toMatchObject({ debtorId: 'd1', brokenPromises: 1 });
    });

    it('a partial payment in time leaves the promise pending until its deadline', async () => {
      const store = await setup();
      const result = await store.recordPayment(entry({ amountCents: 20_000, invoiceIds: ['i1'] }), '2026-11-17');
      expect(result.promises).toEqual([{ id: 'p1', status: 'pending', paidCents: 20_000 }]);
    });

    it('is all or nothing: an amount above what the invoices owe writes nothing', async () => {
      const store = await setup();
      const before = await store.getDossier('d1');
      const summaryBefore = await summaryOf(store, 'd1');
      await expect(store.recordPayment(entry({ amountCents: 180_001 }), '2026-11-17')).rejects.toMatchObject({
        kind: 'invalid',
        issues: [expect.objectContaining({ path: 'amountCents' })],
      });
      expect(await store.getDossier('d1')).toEqual(before);
      expect(await summaryOf(store, 'd1')).toEqual(summaryBefore);
    });

    it('refuses an unknown invoice, a future date, an already paid invoice and a second write of the same payment', async () => {
      const store = await setup();
      await expect(store.recordPayment(entry({ invoiceIds: ['nope'] }), '2026-11-17')).rejects.toMatchObject({ kind: 'not_found' });
      await expect(store.recordPayment(entry({ date: '2026-11-18' }), '2026-11-17')).rejects.toMatchObject({ kind: 'invalid' });
      await store.recordPayment(entry({ amountCents: 120_000, invoiceIds: ['i1'] }), '2026-11-17');
      await expect(store.recordPayment(entry({ id: 'pay-2', amountCents: 1, invoiceIds: ['i1'] }), '2026-11-17')).rejects.toMatchObject({ kind: 'invalid' });
      await expect(store.recordPayment(entry({ amountCents: 1, invoiceIds: ['i2'] }), '2026-11-17')).rejects.toMatchObject({ kind: 'invalid' });
      const dossier = await store.getDossier('d1');
      expect(dossier?.activities.filter((a) => a.type === 'payment')).toHaveLength(1);
      expect(dossier?.invoices.find((i) => i.id === 'i2')?.amountPaidCents).toBe(0);
    });

    it('refuses a payment on another debtor’s invoice', async () => {
      const store = await setup();
      await store.putBundles([makeBundle({ debtor: { ...makeBundle().debtor, id: 'd2' }, invoices: [makeInvoice({ id: 'x1', debtorId: 'd2' })] })]);
      await expect(store.recordPayment(entry({ invoiceIds: ['x1'], amountCents: 10 }), '2026-11-17')).rejects.toMatchObject({ kind: 'invalid' });
    });

    it('recordPayments writes several payments in one go, skips ids already recorded, and keeps the promise', async () => {
      const store = await setup();
      const first = await store.recordPayments([entry({ id: 'pay-a', amountCents: 100_000, invoiceIds: ['i1'] }), entry({ id: 'pay-b', amountCents: 20_000, invoiceIds: ['i1'] })], '2026-11-17');
      expect(first).toEqual({ recorded: ['pay-a', 'pay-b'], alreadyRecorded: [] });
      const dossier = await store.getDossier('d1');
      expect(dossier?.invoices.find((i) => i.id === 'i1')).toMatchObject({ status: 'paid', amountPaidCents: 120_000 });
      expect(dossier?.promises[0]).toMatchObject({ status: 'kept', paidCents: 120_000 });
      if (dossier) expect(await summaryOf(store, 'd1')).toEqual(summarizeDebtor(dossier));
      // The same payments again: nothing new, nothing refused.
      const again = await store.recordPayments([entry({ id: 'pay-a', amountCents: 100_000, invoiceIds: ['i1'] })], '2026-11-17');
      expect(again).toEqual({ recorded: [], alreadyRecorded: ['pay-a'] });
      expect((await store.getDossier('d1'))?.activities.filter((a) => a.type === 'payment')).toHaveLength(2);
    });

    it('recordPayments is all or nothing: one refused payment writes none of them', async () => {
      const store = await setup();
      const before = await store.getDossier('d1');
      await expect(
        store.recordPayments([entry({ id: 'pay-a', amountCents: 60_000, invoiceIds: ['i2'] }), entry({ id: 'pay-b', amountCents: 1, invoiceIds: ['i2'] })], '2026-11-17'),
      ).rejects.toMatchObject({ kind: 'invalid' });
      expect(await store.getDossier('d1')).toEqual(before);
    });
  });
}
