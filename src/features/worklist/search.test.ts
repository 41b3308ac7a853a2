import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WorklistRow } from '../../domain/worklist';
import { toSearchKey } from '../../domain/text';
import { arrayRows, type RowSource } from './row-source';
import { debtorPositions, INVOICE_MATCH_LIMIT, invoiceDebtorIds, looksLikeInvoiceQuery, WorklistSearch } from './search';

function row(debtorId: string, name: string): WorklistRow {
  return {
    debtorId, name, segment: 'mid_market', overdueCents: 100, notYetDueCents: 0, disputedCents: 0,
    oldestDaysLate: 3, brokenPromises: 0, tier: 2, score: 300,
  };
}

const list = [row('d1', 'Boulangerie Épinal'), row('d2', 'Cœur de Loire SARL'), row('d3', 'Transports Martin'), row('d4', 'Épicerie Martin')];
const rows = arrayRows(list);
const keys = list.map((r) => toSearchKey(r.name));
/** Debtor ids of a result, read both ways a result is read (whole rows for display, ids for matching). */
function ids(found: RowSource): string[] {
  const out = Array.from({ length: found.length }, (_, i) => found.at(i).debtorId);
  expect(Array.from({ length: found.length }, (_, i) => found.debtorIdAt(i))).toEqual(out);
  return out;
}

describe('WorklistSearch', () => {
  it('returns every row, in order, for an empty or blank query', () => {
    expect(ids(new WorklistSearch(rows, keys).match('   '))).toEqual(['d1', 'd2', 'd3', 'd4']);
  });
  it('ignores accents and case in the company name', () => {
    expect(ids(new WorklistSearch(rows, keys).match('EPINAL'))).toEqual(['d1']);
  });
  it('matches the ligature a French speaker types as two letters', () => {
    expect(ids(new WorklistSearch(rows, keys).match('coeur de'))).toEqual(['d2']);
  });
  it('adds debtors found by invoice number, skips unknown ones, and keeps priority order', () => {
    const search = new WorklistSearch(rows, keys);
    expect(ids(search.match('fa-2026', ['d4', 'gone', 'd1', 'd4']))).toEqual(['d1', 'd4']);
    // A debtor matched by name and by invoice is listed once.
    expect(ids(search.match('martin', ['d4', 'd1']))).toEqual(['d1', 'd3', 'd4']);
  });
  it('keeps finding the right rows when typing an invoice number brings the same debtors, then others', () => {
    const search = new WorklistSearch(rows, keys);
    expect(ids(search.match('fa-2026', ['d4', 'd2']))).toEqual(['d2', 'd4']);
    expect(ids(search.match('fa-2026-', ['d4', 'd2']))).toEqual(['d2', 'd4']);
    // Same debtors, but one now matched by name too: listed once.
    expect(ids(search.match('coeur', ['d4', 'd2']))).toEqual(['d2', 'd4']);
    expect(ids(search.match('fa-2026-1', ['d4']))).toEqual(['d4']);
    expect(ids(search.match('fa-2026-1', ['d3', 'd4']))).toEqual(['d3', 'd4']);
    expect(ids(search.match('fa-2026-10', []))).toEqual([]);
  });
  it('finds nothing when neither name nor invoice matches', () => {
    expect(new WorklistSearch(rows, keys).match('zzz').length).toBe(0);
  });
  it('gives the same answers typing letter by letter, deleting, or starting afresh', () => {
    const typed = new WorklistSearch(rows, keys);
    const steps = ['m', 'ma', 'mar', 'mart', 'ar', 'e', 'ep', 'epi', 'epin', 'p', 'pi', '', 'r'];
    for (const q of steps) expect(ids(typed.match(q))).toEqual(ids(new WorklistSearch(rows, keys).match(q)));
  });
  it('narrows from the previous matches only when the new query contains the old one', () => {
    const search = new WorklistSearch(rows, keys);
    expect(ids(search.match('tin'))).toEqual(['d3', 'd4']);
    // "pi" does not contain "tin": rows outside the previous matches must be searched again.
    expect(ids(search.match('pi'))).toEqual(['d1', 'd4']);
    expect(ids(search.match('epi'))).toEqual(['d1', 'd4']);
  });
});

describe('matchIndexes (what the worker answers the page with)', () => {
  it('gives the positions of match’s rows in priority order, and nothing to pick for a blank query', () => {
    const search = new WorklistSearch(rows, keys);
    expect(search.matchIndexes('martin', ['d1'])).toEqual([0, 2, 3]);
    expect(search.matchIndexes('  ')).toBeUndefined();
    expect(search.matchIndexes('zzz')).toEqual([]);
  });
  it('finds the same positions from the debtor ids alone (what the worker keeps)', () => {
    const byIds = new WorklistSearch(debtorPositions(list), keys);
    const byRows = new WorklistSearch(rows, keys);
    for (const [q, invoice] of [['martin', ['d1']], ['ep', []], ['fa-1', ['d4', 'd2', 'gone']], ['', []]] as const) {
      expect(byIds.matchIndexes(q, invoice)).toEqual(byRows.matchIndexes(q, invoice));
    }
    expect(byIds.matchIndexes('fa-1', ['d4', 'd2'])).toEqual([1, 3]);
  });
  it('places invoice debtors at their rows whatever order they come in, before or after the positions are prepared', () => {
    const many = Array.from({ length: 300 }, (_, i) => row(`d${i}`, `Société ${i % 7 === 0 ? 'Martin' : 'Durand'} ${i}`));
    const manyKeys = many.map((r) => toSearchKey(r.name));
    const reference = (q: string, invoice: string[]) =>
      many.flatMap((r, i) => (manyKeys[i]?.includes(toSearchKey(q)) || invoice.includes(r.debtorId) ? [i] : []));
    const lazy = new WorklistSearch(debtorPositions(many), manyKeys);
    const ready = new WorklistSearch(debtorPositions(many), manyKeys);
    ready.preparePositions();
    // Built a part at a time (the page), then finished by a search mid-way, or in whole steps.
    const stepped = new WorklistSearch(debtorPositions(many), manyKeys);
    expect(stepped.preparePositionsStep(70)).toBe(false);
    const steppedWhole = new WorklistSearch(debtorPositions(many), manyKeys);
    let steps = 1;
    while (!steppedWhole.preparePositionsStep(100)) steps++;
    expect(steps).toBe(3);
    expect(steppedWhole.preparePositions()).toEqual(ready.preparePositions());
    const cases: [string, string[]][] = [
      ['fa-1', ['d299', 'd3', 'gone', 'd150', 'd3']],
      ['martin', ['d1', 'd14', 'd298']],
      ['fa-10', ['d0']],
      ['fa-11', []],
    ];
    for (const [q, invoice] of cases) {
      expect(lazy.matchIndexes(q, invoice)).toEqual(reference(q, invoice));
      expect(ready.matchIndexes(q, invoice)).toEqual(reference(q, invoice));
      expect(stepped.matchIndexes(q, invoice)).toEqual(reference(q, invoice));
    }
  });
});

describe('invoiceDebtorIds', () => {
  it('asks the store for a trimmed prefix with a limit, skips one-letter queries, and answers none on failure', async () => {
    const asked: [string, number][] = [];
    const store = {
      findDebtorIdsByInvoiceNumber: async (prefix: string, limit: number) => {
        asked.push([prefix, limit]);
        if (prefix === 'boom') throw new Error('closed');
        return ['d1'];
      },
    };
    expect(await invoiceDebtorIds(store, ' FA-12 ')).toEqual(['d1']);
    expect(await invoiceDebtorIds(store, 'F')).toEqual([]);
    expect(await invoiceDebtorIds(store, 'boom')).toEqual([]);
    expect(asked).toEqual([['FA-12', INVOICE_MATCH_LIMIT], ['boom', INVOICE_MATCH_LIMIT]]);
  });
});

describe('WorklistSearch, typed key by key', () => {
  it('finds what a test of every key finds, through the joined scan and the narrowing alike', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-e ]{0,12}$/), { minLength: 1, maxLength: 120 }),
        fc.array(fc.stringMatching(/^[a-e ]{1,5}$/), { minLength: 1, maxLength: 6 }),
        (names, queries) => {
          const many = names.map((name, i) => row(`d${i}`, name));
          const manyKeys = many.map((r) => toSearchKey(r.name));
          const search = new WorklistSearch(debtorPositions(many), manyKeys);
          for (const typed of queries) {
            // Typing forward one key at a time, as an agent does, then the next query from scratch.
            for (let n = 1; n <= typed.length; n++) {
              const q = toSearchKey(typed.slice(0, n));
              const expected = q === '' ? undefined : manyKeys.flatMap((k, i) => (k.includes(q) ? [i] : []));
              expect(search.matchIndexes(typed.slice(0, n))).toEqual(expected);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('looksLikeInvoiceQuery', () => {
  it('skips the invoice index for a single character', () => {
    expect(looksLikeInvoiceQuery(' F ')).toBe(false);
    expect(looksLikeInvoiceQuery('FA')).toBe(true);
  });
});
