import { describe, expect, it } from 'vitest';
import { fixture } from './fixtures.testing';
import { applyPlan, closuresOf, planChangesNothing, planImport, type ExistingPortfolio, type ImportPlan, type PlanOptions } from './plan';
import type { ParsedPortfolio } from './portfolio';
import { readImportFile } from './read-file';

function parsed(name: string): ParsedPortfolio {
  const r = readImportFile(fixture(name));
  if (r.outcome.kind !== 'portfolio') throw new Error('portfolio expected');
  return r.outcome.portfolio;
}

// One counter for the whole file: ids stay unique across successive imports, as UUIDs are in the app.
let counter = 0;
function ids(): PlanOptions['newId'] {
  return (kind) => `${kind}-${++counter}`;
}

function plan(p: ParsedPortfolio, existing: ExistingPortfolio, extra: Partial<PlanOptions> = {}): ImportPlan {
  const result = planImport(p, existing, { importDate: '2026-12-03', newId: ids(), ...extra });
  if (!result.ok) throw new Error('refused');
  return result.plan;
}

const EMPTY: ExistingPortfolio = { debtors: [], invoices: [] };

describe('planImport', () => {
  it('creates debtors and invoices into an empty portfolio, with totals before and after', () => {
    const p = plan(parsed('aged-balance-v1.csv'), EMPTY);
    expect(p.counts).toEqual({ debtors: { new: 2, updated: 0, unchanged: 0 }, invoices: { new: 4, updated: 0, closed: 0, unchanged: 0 } });
    expect(p.totals).toEqual({ before: { debtors: 0, openInvoices: 0, openCents: 0 }, after: { debtors: 2, openInvoices: 4, openCents: 430000 } });
    expect(p.ready).toBe(true);
  });

  it('closes what a newer file no longer lists, updates what changed, adds what is new', () => {
    const first = plan(parsed('aged-balance-v1.csv'), EMPTY);
    const after = applyPlan(EMPTY, first);
    const second = plan(parsed('aged-balance-v2-newer.csv'), after);
    expect(second.counts.invoices).toEqual({ new: 1, updated: 1, closed: 2, unchanged: 1 });
    const closed = second.invoices.filter((c) => c.kind === 'closed');
    expect(closed.map((c) => c.kind === 'closed' && [c.number, c.settledCents, c.paidOn])).toEqual([
      ['A-1', 100000, '2026-12-03'],
      ['G-2', 30000, '2026-12-03'],
    ]);
    const g1 = second.invoices.find((c) => c.kind === 'updated');
    expect(g1?.kind === 'updated' && [g1.facts.number, g1.facts.amountInclVatCents, g1.facts.amountPaidCents]).toEqual(['G-1', 250000, 150000]);
    expect(second.totals.before.openCents).toBe(430000);
    expect(second.totals.after).toEqual({ debtors: 3, openInvoices: 3, openCents: 50000 + 100000 + 75000 });
    const closedA1 = applyPlan(after, second).invoices.find((i) => i.number === 'A-1');
    expect(closedA1).toMatchObject({ status: 'paid', amountPaidCents: 100000 });
  });

  it('changes nothing when the same file is imported again', () => {
    const p = parsed('aged-balance-1252.csv');
    const once = applyPlan(EMPTY, plan(p, EMPTY));
    const again = plan(p, once);
    expect(planChangesNothing(again)).toBe(true);
    expect(again.totals.after).toEqual(again.totals.before);
  });

  it('keeps disputes: an invoice disputed by the agent and still open stays disputed', () => {
    const first = applyPlan(EMPTY, plan(parsed('aged-balance-v1.csv'), EMPTY));
    const disputed = {
      ...first,
      invoices: first.invoices.map((i) => (i.number === 'G-1' ? { ...i, status: 'disputed' as const, disputeReason: 'Livraison incomplète' } : i)),
    };
    const second = plan(parsed('aged-balance-v2-newer.csv'), disputed);
    const after = applyPlan(disputed, second).invoices.find((i) => i.number === 'G-1');
    expect(after).toMatchObject({ status: 'disputed', disputeReason: 'Livraison incomplète', amountPaidCents: 150000 });
  });

  it('matches debtors by customer code, then SIREN, and asks before matching a similar name', () => {
    const existing: ExistingPortfolio = {
      debtors: [
        { id: 'd-code', name: 'Ancien nom', customerCode: 'C101' },
        { id: 'd-siren', name: 'Autre', siren: '552100554' },
        { id: 'd-name', name: 'OEUVRES ET BATIMENTS' },
        { id: 'd-name2', name: 'Œuvres & Bâtiments' },
      ],
      invoices: [],
    };
    const p = plan(parsed('aged-balance-1252.csv'), existing);
    expect(p.debtors.map((d) => [d.key, d.kind, d.id, d.kind === 'new' ? null : d.matchedBy])).toEqual([
      ['C101', 'updated', 'd-code', 'customer_code'],
      ['C102', 'updated', 'd-name2', 'name'],
      ['C103', 'new', expect.stringMatching(/^debtor-\d+$/), null],
    ]);
    expect(p.confirmations).toEqual([
      expect.objectContaining({ key: 'C102', candidates: [{ id: 'd-name2', name: 'Œuvres & Bâtiments' }] }),
    ]);
    expect(p.ready).toBe(false);
    const confirmed = plan(parsed('aged-balance-1252.csv'), existing, { decisions: { C102: 'new' } });
    expect(confirmed.ready).toBe(true);
    expect(confirmed.debtors.find((d) => d.key === 'C102')?.kind).toBe('new');
    // Without the customer code, the SIREN finds the debtor.
    const bySiren = plan(parsed('aged-balance-1252.csv'), { debtors: [existing.debtors[1]!], invoices: [] });
    expect(bySiren.debtors[0]).toMatchObject({ kind: 'updated', id: 'd-siren', matchedBy: 'siren', set: { customerCode: 'C101', name: 'Boulangerie L’Épi d’Or' } });
  });

  it('refuses a file with invalid rows whole, unless the valid rows only are chosen; their invoices are not closed', () => {
    const bad = parsed('aged-balance-bad-date-row37.csv');
    expect(planImport(bad, EMPTY, { importDate: '2026-12-03', newId: ids() })).toEqual({ ok: false, refused: bad.errors });
    const existing: ExistingPortfolio = {
      debtors: [{ id: 'x', name: 'Client 37' }],
      invoices: [
        { id: 'i37', debtorId: 'x', number: 'F0037', issueDate: '2026-01-01', dueDate: '2026-02-01', label: '', amountInclVatCents: 13737, amountExclVatCents: 11448, amountPaidCents: 0, status: 'open' },
      ],
    };
    const partial = plan(bad, existing, { validRowsOnly: true });
    expect(partial.counts.invoices).toMatchObject({ new: 39, closed: 0 });
  });

  it('closes only the debtors in the file when asked, or nothing', () => {
    const first = applyPlan(EMPTY, plan(parsed('aged-balance-v1.csv'), EMPTY));
    const onlyK1: ParsedPortfolio = { ...parsed('aged-balance-v2-newer.csv') };
    onlyK1.debtors = onlyK1.debtors.filter((d) => d.key === 'K1');
    onlyK1.invoices = onlyK1.invoices.filter((i) => i.debtorKey === 'K1');
    expect(plan(onlyK1, first, { closeMissing: 'debtors_in_file' }).invoices.filter((c) => c.kind === 'closed').map((c) => c.kind === 'closed' && c.number)).toEqual(['A-1']);
    expect(plan(onlyK1, first, { closeMissing: 'none' }).counts.invoices.closed).toBe(0);
  });

  describe('debtors absent from the file', () => {
    const onlyOf = (key: string): ParsedPortfolio => {
      const p: ParsedPortfolio = { ...parsed('aged-balance-v1.csv') };
      p.debtors = p.debtors.filter((d) => d.key === key);
      p.invoices = p.invoices.filter((i) => i.debtorKey === key);
      return p;
    };
    const closedNumbers = (p: ImportPlan) => p.invoices.flatMap((c) => (c.kind === 'closed' ? [c.number] : []));
    const stored = () => applyPlan(EMPTY, plan(parsed('aged-balance-v1.csv'), EMPTY));

    it('tells closures for debtors in the file from those of absent debtors, and warns when the absent ones exceed half the balance', () => {
      // K1 lists A-2 only: A-1 closes for a debtor in the file; K2 (2 800 € of 4 300 €) is absent.
      const first = stored();
      const k1 = { ...onlyOf('K1'), invoices: onlyOf('K1').invoices.filter((i) => i.number === 'A-2') };
      const asked = plan(k1, first);
      // Warned, never blocked: the full-portfolio rule still applies unless the agent says the file is partial.
      expect(asked.closing).toEqual({ inFile: { invoices: 1, cents: 100000 }, absent: { debtors: 1, invoices: 2, cents: 280000 }, choice: 'warned', reason: 'over_half', absentDebtors: 'close' });
      expect(asked.ready).toBe(true);
      expect(closedNumbers(asked).sort()).toEqual(['A-1', 'G-1', 'G-2']);
      expect(asked.totals.after.openCents).toBe(50000);

      const partial = plan(k1, first, { absentDebtors: 'keep' });
      expect(partial.ready).toBe(true);
      expect(partial.closing.absentDebtors).toBe('keep');
      expect(closedNumbers(partial)).toEqual(['A-1']);
      const kept = applyPlan(first, partial);
      expect(kept.invoices.filter((i) => i.status === 'open').map((i) => i.number).sort()).toEqual(['A-2', 'G-1', 'G-2']);
      // The same partial file again changes nothing.
      expect(planChangesNothing(plan(k1, kept, { absentDebtors: 'keep' }))).toBe(true);

      const full = plan(k1, first, { absentDebtors: 'close' });
      expect(full.ready).toBe(true);
      expect(closedNumbers(full).sort()).toEqual(['A-1', 'G-1', 'G-2']);
      expect(full.invoices.filter((c) => c.kind === 'closed' && !c.debtorInFile)).toHaveLength(2);
      expect(closuresOf(full)).toEqual({ inFile: { invoices: 1, cents: 100000 }, absent: { invoices: 2, cents: 280000 }, absentKeptOpen: 0 });
      expect(closuresOf(partial)).toEqual({ inFile: { invoices: 1, cents: 100000 }, absent: { invoices: 0, cents: 0 }, absentKeptOpen: 2 });
    });

    it('preselects the full portfolio when the absent debtors hold at most half the open balance', () => {
      // K2 only, K1's 1 500 € absent of 4 300 €: a full export where K1 paid everything.
      const k2 = plan(onlyOf('K2'), stored());
      expect(k2.closing).toMatchObject({ absent: { debtors: 1, invoices: 2, cents: 150000 }, choice: 'default_full', absentDebtors: 'close' });
      expect(k2.ready).toBe(true);
      expect(closedNumbers(k2).sort()).toEqual(['A-1', 'A-2']);
      expect(plan(onlyOf('K2'), stored(), { absentDebtors: 'keep' }).counts.invoices.closed).toBe(0);
    });

    it('takes exactly half as the full portfolio without a warning, one cent more with one', () => {
      // Stored: K1 1 500 €, K2 1 500 € (G-1 known at 1 200 €); a file of K2 alone leaves K1's 1 500 € absent.
      const first = stored();
      const atHalf: ExistingPortfolio = { ...first, invoices: first.invoices.map((i) => (i.number === 'G-1' ? { ...i, amountInclVatCents: 120000, amountExclVatCents: 120000 } : i)) };
      expect(plan(onlyOf('K2'), atHalf).closing).toMatchObject({ choice: 'default_full', absentDebtors: 'close' });
      const overHalf: ExistingPortfolio = { ...atHalf, invoices: atHalf.invoices.map((i) => (i.number === 'A-2' ? { ...i, amountInclVatCents: 50001 } : i)) };
      const asked = plan(onlyOf('K2'), overHalf);
      expect(asked.closing).toMatchObject({ choice: 'warned', reason: 'over_half', absentDebtors: 'close' });
      expect(asked.ready).toBe(true);
    });

    it('warns when the file matches none of the stored debtors, and keeps their invoices open only if told', () => {
      const other: ExistingPortfolio = {
        debtors: [{ id: 'z', name: 'Autre Société', customerCode: 'Z9' }],
        invoices: [
          { id: 'iz', debtorId: 'z', number: 'Z-1', issueDate: '2026-01-01', dueDate: '2026-02-01', label: '', amountInclVatCents: 100, amountExclVatCents: 100, amountPaidCents: 0, status: 'open' },
        ],
      };
      const asked = plan(parsed('aged-balance-v1.csv'), other);
      expect(asked.closing).toEqual({ inFile: { invoices: 0, cents: 0 }, absent: { debtors: 1, invoices: 1, cents: 100 }, choice: 'warned', reason: 'no_overlap', absentDebtors: 'close' });
      expect(asked.ready).toBe(true);
      expect(asked.counts.invoices.closed).toBe(1);
      expect(asked.totals.after.openCents).toBe(430000);
      expect(plan(parsed('aged-balance-v1.csv'), other, { absentDebtors: 'keep' })).toMatchObject({ ready: true, counts: { invoices: { closed: 0 } } });
      expect(plan(parsed('aged-balance-v1.csv'), other, { absentDebtors: 'close' })).toMatchObject({ ready: true, counts: { invoices: { closed: 1 } } });
    });

    it('asks nothing when no absent debtor has an invoice to close', () => {
      const second = plan(parsed('aged-balance-v2-newer.csv'), stored());
      expect(second.closing).toEqual({ inFile: { invoices: 2, cents: 130000 }, absent: { debtors: 0, invoices: 0, cents: 0 }, choice: 'none' });
      expect(plan(parsed('aged-balance-v1.csv'), EMPTY).closing.choice).toBe('none');
    });
  });
});
