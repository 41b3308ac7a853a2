import { describe, expect, it } from 'vitest';
import type { WorklistRow } from '../../domain/worklist';
import { toSearchKey } from '../../domain/text';
import { arrayRows, type RowSource } from './row-source';
import { INVOICE_MATCH_LIMIT, invoiceDebtorIds, invoiceLookup, looksLikeInvoiceQuery, WorklistSearch } from './search';

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

describe('invoiceLookup', () => {
  it('asks storage once for a prefix no invoice number starts with, then answers its extensions itself', async () => {
    const asked: string[] = [];
    let failing = false;
    const store = {
      findDebtorIdsByInvoiceNumber: async (prefix: string) => {
        asked.push(prefix);
        if (failing) throw new Error('closed');
        return toSearchKey(prefix).startsWith('fa') ? ['d1'] : [];
      },
    };
    const lookup = invoiceLookup(store);
    expect(await lookup('Du')).toEqual([]);
    expect(await lookup('Dup')).toEqual([]);
    expect(await lookup('DUPONT ')).toEqual([]);
    // Not an extension of "du": asked.
    expect(await lookup('d')).toEqual([]);
    expect(await lookup('FA-1')).toEqual(['d1']);
    expect(await lookup('FA-12')).toEqual(['d1']);
    expect(asked).toEqual(['Du', 'FA-1', 'FA-12']);
    // A failure is not taken for "nothing starts with it".
    failing = true;
    expect(await lookup('mv')).toEqual([]);
    failing = false;
    expect(await lookup('mv/')).toEqual([]);
    expect(asked).toEqual(['Du', 'FA-1', 'FA-12', 'mv', 'mv/']);
  });
});

describe('looksLikeInvoiceQuery', () => {
  it('skips the invoice index for a single character', () => {
    expect(looksLikeInvoiceQuery(' F ')).toBe(false);
    expect(looksLikeInvoiceQuery('FA')).toBe(true);
  });
});
