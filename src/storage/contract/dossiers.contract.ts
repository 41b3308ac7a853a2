/**
 * Contract: whole bundles, single dossier writes keeping the summary in step, and the worklist's reads.
 */
import { describe, expect, it, vi } from 'vitest';
import { openItemsOf } from '../../domain/summary';
import { isoDayNumber } from '../../domain/worklist';

/** Outstanding balances, smallest first: the summary keeps no invoice ids, so items are told apart by amount. */
const balances = (items: readonly { outstandingCents: number }[]) => items.map((i) => i.outstandingCents).sort((a, b) => a - b);
import { makeActivity, makeBundle, makeContact, makeDebtor, makeInvoice, makePromise, makeTask } from '../../../tests/fixtures/db/builders';
import { DEFAULT_SETTINGS, type Invoice } from '../../domain/entities';
import { summarizeDebtor } from '../../domain/summarize';
import { fullBundle, summaryOf, type MakeStore } from './harness';

export function dossiersContract(setup: MakeStore): void {
  describe('empty store', () => {
    it('is empty, counts zero, and returns default settings', async () => {
      const store = await setup();
      expect(await store.isEmpty()).toBe(true);
      expect(await store.counts()).toEqual({ debtors: 0, invoices: 0 });
      expect(await store.getSettings()).toEqual(DEFAULT_SETTINGS);
      expect(await store.listSummaries()).toEqual([]);
      expect(await store.getDossier('nobody')).toBeUndefined();
    });
  });

  describe('putBundles', () => {
    const bundle = fullBundle();

    it('round-trips a dossier and writes its summary', async () => {
      const store = await setup();
      await store.putBundles([bundle, makeBundle({ debtor: makeDebtor({ id: 'd2', name: 'Garage Ébène' }) })]);
      expect(await store.isEmpty()).toBe(false);
      expect(await store.counts()).toEqual({ debtors: 2, invoices: 2 });
      expect(await store.getDossier('d1')).toEqual(bundle);
      expect(await summaryOf(store, 'd1')).toEqual(summarizeDebtor(bundle));
      expect((await summaryOf(store, 'd2'))?.searchKey).toBe('garage ebene');
    });

    it('writes nothing when one record of one bundle is invalid', async () => {
      const store = await setup();
      const bad = makeBundle({ debtor: makeDebtor({ id: 'd2' }), invoices: [makeInvoice({ id: 'bad', debtorId: 'd2', amountInclVatCents: -5 })] });
      await expect(store.putBundles([bundle, bad])).rejects.toMatchObject({
        kind: 'invalid',
        store: 'invoices',
        key: 'bad',
        issues: [expect.objectContaining({ path: 'amountInclVatCents' })],
      });
      expect(await store.counts()).toEqual({ debtors: 0, invoices: 0 });
      expect(await store.listSummaries()).toEqual([]);
    });

    it('refuses a record that belongs to another debtor than its bundle', async () => {
      const store = await setup();
      await expect(store.putBundles([makeBundle({ tasks: [makeTask({ debtorId: 'other' })] })])).rejects.toMatchObject({ kind: 'invalid', store: 'tasks' });
      expect(await store.isEmpty()).toBe(true);
    });

    it('merges into a debtor already stored and summarises everything it owns', async () => {
      const store = await setup();
      await store.putBundles([bundle]);
      const extra = makeInvoice({ id: 'i3', number: 'FA-2026-0003', amountInclVatCents: 7_000 });
      await store.putBundles([makeBundle({ invoices: [extra] })]);
      const dossier = await store.getDossier('d1');
      expect(dossier?.activities).toHaveLength(1);
      expect(dossier?.invoices.map((i) => i.id).sort()).toEqual(['i1', 'i2', 'i3']);
      expect(balances(openItemsOf((await summaryOf(store, 'd1'))!))).toEqual(balances(dossier!.invoices.map((i) => ({ outstandingCents: i.amountInclVatCents - i.amountPaidCents }))));
      expect(openItemsOf((await summaryOf(store, 'd1'))!)).toHaveLength(3);
    });
  });

  describe('single writes keep the summary in step', () => {
    async function seeded() {
      const store = await setup();
      await store.putBundles([makeBundle(), makeBundle({ debtor: makeDebtor({ id: 'd2', name: 'Atelier Zoé' }) })]);
      return store;
    }

    it('putInvoice adds an open item; paying it removes it', async () => {
      const store = await seeded();
      await store.putInvoice(makeInvoice({ amountInclVatCents: 9_000 }));
      expect(openItemsOf((await summaryOf(store, 'd1'))!)).toEqual([{ dueDay: isoDayNumber(makeInvoice().dueDate), outstandingCents: 9_000, disputed: false }]);
      await store.putInvoice(makeInvoice({ amountInclVatCents: 9_000, amountPaidCents: 9_000, status: 'paid' }));
      expect((await summaryOf(store, 'd1'))?.openItems).toEqual([]);
    });

    it('putInvoice indexes the number for prefix search', async () => {
      const store = await seeded();
      await store.putInvoice(makeInvoice({ id: 'av', debtorId: 'd2', number: 'AV-2026-77' }));
      expect(await store.findDebtorIdsByInvoiceNumber('av-2026', 5)).toEqual(['d2']);
    });

    it('an invoice moved to another debtor leaves the first summary too', async () => {
      const store = await seeded();
      await store.putInvoice(makeInvoice());
      await store.putInvoice(makeInvoice({ debtorId: 'd2' }));
      expect((await summaryOf(store, 'd1'))?.openItems).toEqual([]);
      expect(openItemsOf((await summaryOf(store, 'd2'))!).map((i) => i.outstandingCents)).toEqual([makeInvoice().amountInclVatCents]);
    });

    it('addActivity updates the last action', async () => {
      const store = await seeded();
      await store.addActivity(makeActivity({ id: 'a9', type: 'email', at: '2026-11-22T08:00:00.000Z', outcome: 'sent' }));
      expect((await summaryOf(store, 'd1'))?.lastAction).toEqual({ at: '2026-11-22T08:00:00.000Z', type: 'email', outcome: 'sent' });
    });

    it('scriptCallDetails hands back the details of a script’s calls only, across chunks', async () => {
      const store = await setup({ summaryChunkSize: 2, yieldBetweenChunks: async () => undefined });
      await store.putBundles([fullBundle()]);
      const call = (id: string, scriptId: string, version: number) =>
        makeActivity({ id, type: 'call', at: '2026-11-22T08:00:00.000Z', outcome: 'completed', details: { scriptId, scriptVersion: version } });
      for (const a of [call('c1', 'team.a', 1), call('c2', 'team.b', 1), call('c3', 'team.a', 2), makeActivity({ id: 'c4', type: 'email', details: { scriptId: 'team.a' } }), call('c5', 'team.a', 2)]) {
        await store.addActivity(a);
      }
      const details = (await store.scriptCallDetails('team.a')) as { scriptVersion: number }[];
      expect(details.map((d) => d.scriptVersion)).toEqual([1, 2, 2]);
      expect(await store.scriptCallDetails('team.none')).toEqual([]);
    });

    it('putPromise and putTask show up, a done task drops out', async () => {
      const store = await seeded();
      await store.putPromise(makePromise({ status: 'broken' }));
      await store.putTask(makeTask());
      let s = await summaryOf(store, 'd1');
      expect(s?.promises?.map((p) => p.status)).toEqual(['broken']);
      expect(s?.openTasks?.map((t) => t.id)).toEqual(['t1']);
      await store.putTask(makeTask({ done: true, doneAt: '2026-11-20T09:00:00.000Z' }));
      s = await summaryOf(store, 'd1');
      expect(s?.openTasks).toBeUndefined();
    });

    it('refuses records of an unknown debtor and invalid records, writing nothing', async () => {
      const store = await seeded();
      await expect(store.putInvoice(makeInvoice({ debtorId: 'ghost' }))).rejects.toMatchObject({ kind: 'not_found', key: 'ghost' });
      await expect(store.putContact(makeContact({ debtorId: 'ghost' }))).rejects.toMatchObject({ kind: 'not_found' });
      await expect(store.putTask({ ...makeTask(), dueDate: '20/11/2026' })).rejects.toMatchObject({ kind: 'invalid', store: 'tasks' });
      expect(await store.counts()).toEqual({ debtors: 2, invoices: 0 });
      expect((await store.getDossier('d1'))?.tasks).toEqual([]);
    });

    it('putContact stores a contact of a known debtor', async () => {
      const store = await seeded();
      await store.putContact(makeContact({ id: 'c2', name: 'Léa Roux' }));
      expect((await store.getDossier('d1'))?.contacts.map((c) => c.name)).toEqual(['Léa Roux']);
    });
  });

  describe('reads', () => {
    it('finds debtors by invoice-number prefix, case-insensitively, unique, up to the limit', async () => {
      const store = await setup();
      const inv = (id: string, debtorId: string, number: string): Invoice => makeInvoice({ id, debtorId, number });
      await store.putBundles([
        makeBundle({ invoices: [inv('a', 'd1', 'FA-2026-0101'), inv('b', 'd1', 'FA-2026-0102')] }),
        makeBundle({ debtor: makeDebtor({ id: 'd2' }), invoices: [inv('c', 'd2', 'fa-2026-0110')] }),
        makeBundle({ debtor: makeDebtor({ id: 'd3' }), invoices: [inv('d', 'd3', 'FA-2026-0200'), inv('e', 'd3', 'AV-0101')] }),
      ]);
      expect(await store.findDebtorIdsByInvoiceNumber('fa-2026-01', 10)).toEqual(['d1', 'd2']);
      expect(await store.findDebtorIdsByInvoiceNumber('FA-2026', 10)).toEqual(['d1', 'd2', 'd3']);
      expect(await store.findDebtorIdsByInvoiceNumber('FA-2026', 2)).toEqual(['d1', 'd2']);
      expect(await store.findDebtorIdsByInvoiceNumber('0101', 10)).toEqual([]);
      expect(await store.findDebtorIdsByInvoiceNumber('  ', 10)).toEqual([]);
    });

    it('finds debtors beyond the first read when one debtor holds many matching invoices', async () => {
      const store = await setup();
      // Limit 2 reads 10 invoices at once; d1 owns the first 12, so d2 is only found by reading on.
      const many = Array.from({ length: 12 }, (_, i) => makeInvoice({ id: `a${i}`, debtorId: 'd1', number: `FA-1-${String(i).padStart(2, '0')}` }));
      await store.putBundles([
        makeBundle({ invoices: many }),
        makeBundle({ debtor: makeDebtor({ id: 'd2' }), invoices: [makeInvoice({ id: 'b', debtorId: 'd2', number: 'FA-2-00' })] }),
        makeBundle({ debtor: makeDebtor({ id: 'd3' }), invoices: [makeInvoice({ id: 'c', debtorId: 'd3', number: 'FA-3-00' })] }),
      ]);
      expect(await store.findDebtorIdsByInvoiceNumber('fa-', 2)).toEqual(['d1', 'd2']);
      expect(await store.findDebtorIdsByInvoiceNumber('fa-', 10)).toEqual(['d1', 'd2', 'd3']);
      expect(await store.findDebtorIdsByInvoiceNumber('fa-1-1', 1)).toEqual(['d1']);
    });

    it('lists summaries in chunks, yielding between them', async () => {
      const pause = vi.fn(async () => undefined);
      const store = await setup({ summaryChunkSize: 2, yieldBetweenChunks: pause });
      await store.putBundles(['a', 'b', 'c', 'd', 'e'].map((id) => makeBundle({ debtor: makeDebtor({ id }) })));
      const sizes: number[] = [];
      const all = await store.listSummaries((chunk) => sizes.push(chunk.length));
      expect(sizes).toEqual([2, 2, 1]);
      expect(pause).toHaveBeenCalledTimes(2);
      expect(all.map((s) => s.debtorId)).toEqual(['a', 'b', 'c', 'd', 'e']);
      // Not kept: the same chunks, an empty list at the end.
      const handed: string[] = [];
      expect(await store.listSummaries((chunk) => handed.push(...chunk.map((s) => s.debtorId)), { keep: false })).toEqual([]);
      expect(handed).toEqual(['a', 'b', 'c', 'd', 'e']);
    });

    it('reads one debtor’s summary, or none for a debtor not stored', async () => {
      const store = await setup();
      await store.putBundles([makeBundle({ debtor: makeDebtor({ id: 'a', name: 'Société Alpha' }) }), makeBundle({ debtor: makeDebtor({ id: 'b' }) })]);
      const summary = await store.getSummary('a');
      expect(summary?.debtorId).toBe('a');
      expect(summary?.name).toBe('Société Alpha');
      expect(summary).toEqual((await store.listSummaries()).find((s) => s.debtorId === 'a'));
      expect(await store.getSummary('nobody')).toBeUndefined();
    });

    it('orders the timeline by instant, whatever the offsets', async () => {
      const store = await setup();
      await store.putBundles([
        makeBundle({
          activities: [
            makeActivity({ id: 'late', at: '2026-11-20T10:00:00.000Z' }),
            makeActivity({ id: 'early', at: '2026-11-20T10:30:00+01:00' }),
          ],
        }),
      ]);
      expect((await store.getDossier('d1'))?.activities.map((a) => a.id)).toEqual(['early', 'late']);
    });
  });
}
