/** A team lead's override of a debtor's history segment: who may write it, what is kept, what it changes. */
import { describe, expect, it } from 'vitest';
import { makeBundle, makeDebtor, makeInvoice } from '../../../tests/fixtures/db/builders';
import { buildWorklist } from '../../domain/worklist';
import type { SegmentOverrideChange } from '../api';
import { summaryOf, type MakeStore } from './harness';

const lead = { name: 'Nadia Roche', role: 'lead' as const };
const AT = '2026-11-20T09:15:00.000Z';
const change = (over: Partial<SegmentOverrideChange> = {}): SegmentOverrideChange => ({ segment: 'bad_payer', reason: 'Relances ignorées depuis le printemps', by: lead, at: AT, ...over });

export function segmentsContract(makeStore: MakeStore): void {
  describe('setSegmentOverride', () => {
    it('keeps the author, date and reason on the debtor, and the worklist ranks by the override', async () => {
      const store = await makeStore();
      // Two debtors owing the same for as long: by name, "Atelier" would come first.
      await store.putBundles([
        makeBundle({ debtor: makeDebtor({ id: 'd1', name: 'Atelier Aubert' }), invoices: [makeInvoice({ id: 'i1', debtorId: 'd1', dueDate: '2026-10-01' })] }),
        makeBundle({ debtor: makeDebtor({ id: 'd2', name: 'Zinc Zola' }), invoices: [makeInvoice({ id: 'i2', debtorId: 'd2', dueDate: '2026-10-01' })] }),
      ]);
      expect(buildWorklist(await store.listSummaries(), '2026-11-20').map((r) => r.debtorId)).toEqual(['d1', 'd2']);

      await store.setSegmentOverride('d2', change());
      const dossier = await store.getDossier('d2');
      expect(dossier?.debtor.segmentOverride).toEqual({ segment: 'bad_payer', by: 'Nadia Roche', at: AT, reason: 'Relances ignorées depuis le printemps' });
      expect(dossier?.debtor.updatedAt).toBe(AT);
      expect((await summaryOf(store, 'd2'))?.history?.override).toBe('bad_payer');
      const rows = buildWorklist(await store.listSummaries(), '2026-11-20');
      expect(rows.map((r) => r.debtorId)).toEqual(['d2', 'd1']);
      expect(rows[0]?.history).toEqual({ segment: 'bad_payer', overridden: true });
      store.close();
    });

    it('refuses any role but lead, and a change without a reason, writing nothing', async () => {
      const store = await makeStore();
      await store.putBundles([makeBundle()]);
      await expect(store.setSegmentOverride('d1', change({ by: { name: 'Camille Martin', role: 'agent' } }))).rejects.toMatchObject({ kind: 'forbidden' });
      await expect(store.setSegmentOverride('d1', change({ by: { name: 'Léo', role: 'trainee' } }))).rejects.toMatchObject({ kind: 'forbidden' });
      await expect(store.setSegmentOverride('d1', change({ reason: '   ' }))).rejects.toMatchObject({ kind: 'invalid' });
      await expect(store.setSegmentOverride('nobody', change())).rejects.toMatchObject({ kind: 'not_found' });
      expect((await store.getDossier('d1'))?.debtor.segmentOverride).toBeUndefined();
      expect((await summaryOf(store, 'd1'))?.history?.override).toBeUndefined();
      store.close();
    });

    it('removes the override, back to the computed segment', async () => {
      const store = await makeStore();
      await store.putBundles([makeBundle()]);
      await store.setSegmentOverride('d1', change({ segment: 'reliable' }));
      await store.setSegmentOverride('d1', change({ segment: null, reason: '', at: '2026-11-21T10:00:00.000Z' }));
      const debtor = (await store.getDossier('d1'))?.debtor;
      expect(debtor?.segmentOverride).toBeUndefined();
      expect(debtor?.updatedAt).toBe('2026-11-21T10:00:00.000Z');
      expect((await summaryOf(store, 'd1'))?.history?.override).toBeUndefined();
      store.close();
    });
  });
}

export function staleSummariesContract(makeStore: MakeStore): void {
  describe('refreshSummaries', () => {
    it('rebuilds the named summaries from the records, skipping debtors that no longer exist', async () => {
      const store = await makeStore({ summaryChunkSize: 2 });
      await store.putBundles(['d1', 'd2', 'd3'].map((id) => makeBundle({ debtor: makeDebtor({ id }), invoices: [makeInvoice({ id: `i-${id}`, debtorId: id })] })));
      const fresh = await store.listSummaries();
      await store.refreshSummaries(['d3', 'gone', 'd1']);
      expect(await store.listSummaries()).toEqual(fresh);
      expect(fresh.every((s) => s.history !== undefined && s.history.invoices.length === 4)).toBe(true);
      store.close();
    });
  });
}
