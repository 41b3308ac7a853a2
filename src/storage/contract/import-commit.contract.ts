/**
 * Contract of the import commit (./../import-commit.ts) on every Records backend: staged, then switched in
 * whole; an invalid plan refused before anything is staged; a stale plan (it patches a debtor deleted since it
 * was made) or an incomplete staging refused at the switch with every store as it was.
 */
import { describe, expect, it } from 'vitest';
import { makeDebtor, makeInvoice } from '../../../tests/fixtures/db/builders';
import type { ImportRecords } from '../../domain/import/plan-records';
import type { DebtorSummary } from '../../domain/summary';
import { discardUnfinishedImports, listImports, stageImport, switchImport } from '../import-commit';
import type { Records } from '../records';
import type { CadenceStoreName } from '../schema';

export type MakeRecords = () => Promise<Records>;

const NOW = '2026-12-03T08:00:00.000Z';
const TODAY = '2026-12-03';
const STORES: CadenceStoreName[] = ['debtors', 'contacts', 'invoices', 'activities', 'promises', 'summaries', 'kpiDigests', 'imports', 'importStaging'];
const journal = (id: string) => ({ id, kind: 'aged_balance' as const, fileName: 'balance.csv', createdAt: NOW });
const noPause = { chunkSize: 2, between: async () => undefined };

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
    it('stages in small transactions, then switches everything in at once with summaries', async () => {
      const records = await withStoredDebtor(makeRecords);
      const progress: number[] = [];
      await stageImport(records, journal('imp-1'), plan(), { ...noPause, onProgress: (n) => progress.push(n) });
      expect(progress.length).toBeGreaterThan(1);
      // Staged rows are invisible: nothing of the import is in the stores yet.
      expect((await everything(records)).debtors).toHaveLength(1);
      await switchImport(records, 'imp-1', TODAY, NOW);
      const after = await everything(records);
      expect((after.debtors as { id: string; name: string }[]).map((d) => [d.id, d.name]).sort()).toEqual([
        ['n1', 'Nouvelle Menuiserie'],
        ['n2', 'Café du Port'],
        ['old', 'Ancienne Maison SA'],
      ]);
      expect(after.invoices).toHaveLength(2);
      expect((after.summaries as DebtorSummary[]).map((s) => s.debtorId).sort()).toEqual(['n1', 'n2', 'old']);
      expect(after.importStaging).toEqual([]);
      expect((await listImports(records)).map((j) => [j.id, j.status])).toEqual([['imp-1', 'committed']]);
    });

    it('refuses an invalid plan whole before staging anything', async () => {
      const records = await withStoredDebtor(makeRecords);
      const before = await everything(records);
      const bad = plan({ invoices: [makeInvoice({ id: 'ni1', debtorId: 'n1', number: 'N-1' }), makeInvoice({ id: 'ni2', debtorId: 'n2', number: 'N-2', amountInclVatCents: -1 })] });
      await expect(stageImport(records, journal('imp-bad'), bad, noPause)).rejects.toMatchObject({ kind: 'invalid', store: 'invoices' });
      expect(await everything(records)).toEqual(before);
    });

    it('refuses a stale plan at the switch, leaving every store as it was', async () => {
      const records = await withStoredDebtor(makeRecords);
      await stageImport(records, journal('imp-stale'), plan(), noPause);
      // Between the plan and its switch, the debtor it patches went away.
      await records.write(['debtors'], (tx) => tx.delete('debtors', 'old'));
      const before = await everything(records);
      await expect(switchImport(records, 'imp-stale', TODAY, NOW)).rejects.toMatchObject({ kind: 'not_found', key: 'old' });
      expect(await everything(records)).toEqual(before);
      expect(await discardUnfinishedImports(records)).toBe(1);
      const cleaned = await everything(records);
      expect([cleaned.imports, cleaned.importStaging, cleaned.invoices]).toEqual([[], [], []]);
    });

    it('refuses to switch a staging a killed tab left half-written, then discards it', async () => {
      const records = await withStoredDebtor(makeRecords);
      let chunks = 0;
      const killed = stageImport(records, journal('imp-killed'), plan(), {
        chunkSize: 2,
        between: async () => {
          if (++chunks === 2) throw new Error('tab killed');
        },
      });
      await expect(killed).rejects.toThrow('tab killed');
      const before = await everything(records);
      expect(before.importStaging).toHaveLength(4);
      await expect(switchImport(records, 'imp-killed', TODAY, NOW)).rejects.toMatchObject({ kind: 'not_found' });
      expect(await everything(records)).toEqual(before);
      expect(await discardUnfinishedImports(records)).toBe(1);
      expect((await everything(records)).debtors).toHaveLength(1);
    });
  });
}
