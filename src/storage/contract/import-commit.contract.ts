/**
 * Contract of the import commit (./../import-commit.ts) on every Records backend: written whole in one
 * transaction, with progress as the batches complete; an invalid record, a stale plan (it patches a debtor
 * deleted since it was made) or a cancel refused with every store as it was; what older code left staged
 * discarded.
 */
import { describe, expect, it } from 'vitest';
import { makeDebtor, makeInvoice } from '../../../tests/fixtures/db/builders';
import type { ImportRecords } from '../../domain/import/plan-records';
import type { DebtorSummary } from '../../domain/summary';
import { commitImport, discardUnfinishedImports, importSize, listImports } from '../import-commit';
import type { Records } from '../records';
import type { CadenceStoreName } from '../schema';

export type MakeRecords = () => Promise<Records>;

const NOW = '2026-12-03T08:00:00.000Z';
const TODAY = '2026-12-03';
const STORES: CadenceStoreName[] = ['debtors', 'contacts', 'invoices', 'activities', 'promises', 'summaries', 'kpiDigests', 'imports', 'importStaging'];
const journal = (id: string) => ({ id, kind: 'aged_balance' as const, fileName: 'balance.csv', createdAt: NOW });

/** Two new debtors with an invoice each, and a name change on a stored one. */
function plan(over: Partial<ImportRecords> = {}): ImportRecords {
  return {
    debtors: [makeDebtor({ id: 'n1', name: 'Nouvelle Menuiserie', customerCode: 'N1' }), makeDebtor({ id: 'n2', name: 'Café du Port', customerCode: 'N2' })],
    debtorPatches: [{ id: 'old', set: { name: 'Ancienne Maison SA' } }],
    contacts: [],
    invoices: [makeInvoice({ id: 'ni1', debtorId: 'n1', number: 'N-1' }), makeInvoice({ id: 'ni2', debtorId: 'n2', number: 'N-2' })],
    activities: [],
    touchedDebtorIds: ['n1', 'n2', 'old'],
    ...over,
  };
}

async function everything(records: Records): Promise<Record<string, unknown[]>> {
  return records.read(STORES, async (tx) => Object.fromEntries(await Promise.all(STORES.map(async (s) => [s, await tx.getAll(s)] as const))));
}

async function withStoredDebtor(makeRecords: MakeRecords): Promise<Records> {
  const records = await makeRecords();
  await records.write(['debtors'], (tx) => tx.put('debtors', makeDebtor({ id: 'old', name: 'Ancienne Maison' })));
  return records;
}

export function importCommitContract(makeRecords: MakeRecords): void {
  describe('import commit', () => {
    it('writes everything in one transaction with summaries, progress moving as batches complete', async () => {
      const records = await withStoredDebtor(makeRecords);
      const progress: [number, number, boolean][] = [];
      const entry = await commitImport(records, journal('imp-1'), plan(), TODAY, NOW, { batch: 1, onProgress: (...p) => progress.push(p) });
      const after = await everything(records);
      expect((after.debtors as { id: string; name: string }[]).map((d) => [d.id, d.name]).sort()).toEqual([
        ['n1', 'Nouvelle Menuiserie'],
        ['n2', 'Café du Port'],
        ['old', 'Ancienne Maison SA'],
      ]);
      expect(after.invoices).toHaveLength(2);
      expect((after.summaries as DebtorSummary[]).map((s) => s.debtorId).sort()).toEqual(['n1', 'n2', 'old']);
      expect(after.importStaging).toEqual([]);
      expect(entry).toMatchObject({ id: 'imp-1', status: 'committed', committedAt: NOW, rows: 0 });
      expect((await listImports(records)).map((j) => [j.id, j.status])).toEqual([['imp-1', 'committed']]);
      // 2 debtors, 2 invoices, 2 summaries, 2 KPI digests, 1 patch, 1 existing debtor recomputed.
      const total = importSize(plan());
      expect(total).toBe(10);
      expect(progress.every(([, t]) => t === total)).toBe(true);
      expect(progress.length).toBeGreaterThan(4);
      expect(progress.map(([w]) => w)).toEqual([...progress.map(([w]) => w)].sort((a, b) => a - b));
      expect(progress.at(-1)).toEqual([total, total, true]);
      expect(progress.slice(0, -1).every(([, , finishing]) => !finishing)).toBe(true);
    });

    it('refuses an invalid record whole, even one met after other batches were written', async () => {
      const records = await withStoredDebtor(makeRecords);
      const before = await everything(records);
      const bad = plan({ invoices: [makeInvoice({ id: 'ni1', debtorId: 'n1', number: 'N-1' }), makeInvoice({ id: 'ni2', debtorId: 'n2', number: 'N-2', amountInclVatCents: -1 })] });
      await expect(commitImport(records, journal('imp-bad'), bad, TODAY, NOW, { batch: 1 })).rejects.toMatchObject({ kind: 'invalid', store: 'invoices' });
      expect(await everything(records)).toEqual(before);
    });

    it('refuses a stale plan, leaving every store as it was', async () => {
      const records = await withStoredDebtor(makeRecords);
      // Between the plan and its commit, the debtor it patches went away.
      await records.write(['debtors'], (tx) => tx.delete('debtors', 'old'));
      const before = await everything(records);
      await expect(commitImport(records, journal('imp-stale'), plan(), TODAY, NOW)).rejects.toMatchObject({ kind: 'not_found', key: 'old' });
      expect(await everything(records)).toEqual(before);
    });

    it('stops when cancelled between two batches, nothing stored', async () => {
      const records = await withStoredDebtor(makeRecords);
      const before = await everything(records);
      let batches = 0;
      const cancelled = () => ++batches >= 2;
      await expect(commitImport(records, journal('imp-cancel'), plan(), TODAY, NOW, { batch: 1, inFlight: 1, cancelled })).rejects.toMatchObject({ name: 'AbortError' });
      expect(batches).toBe(2);
      expect(await everything(records)).toEqual(before);
    });

    it('discards what older code left staged by a killed tab, and nothing else', async () => {
      const records = await withStoredDebtor(makeRecords);
      await commitImport(records, journal('imp-done'), plan({ debtorPatches: [], touchedDebtorIds: ['n1', 'n2'] }), TODAY, NOW);
      // Older code staged rows in `importStaging` under a `staging` journal before its switch.
      await records.write(['imports', 'importStaging'], async (tx) => {
        await tx.put('imports', { ...journal('imp-old'), status: 'staging', rows: 3 });
        await tx.putMany('importStaging', [
          { key: 'imp-old#0000000000', importId: 'imp-old', seq: 0, op: 'put_many', store: 'debtors', values: [makeDebtor({ id: 'x1' })] },
          { key: 'imp-old#0000000001', importId: 'imp-old', seq: 1, op: 'touch_many', debtorIds: ['x1'] },
        ]);
      });
      const before = await everything(records);
      expect(await discardUnfinishedImports(records)).toBe(1);
      const after = await everything(records);
      expect([after.importStaging, (after.imports as { id: string }[]).map((j) => j.id)]).toEqual([[], ['imp-done']]);
      expect({ ...after, imports: before.imports, importStaging: before.importStaging }).toEqual(before);
      expect(await discardUnfinishedImports(records)).toBe(0);
    });
  });
}
