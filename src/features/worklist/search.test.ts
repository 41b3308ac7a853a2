import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WorklistRow } from '../../domain/worklist';
import { toSearchKey } from '../../domain/text';
import { arrayRows, type RowSource } from './row-source';
import type { InvoiceNumberScan } from '../../storage/api';
import { debtorPositions, INVOICE_MATCH_LIMIT, invoiceDebtorIds, invoiceLookup, looksLikeInvoiceQuery, WorklistSearch } from './search';

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

describe('invoiceLookup', () => {
  // Invoice numbers in index order, each with its debtor: FA-1-1 … for d1, FA-2-1 … for d2, and so on.
  const numbers = Array.from({ length: 30 }, (_, i) => ({ numberKey: `fa-${Math.floor(i / 3) + 1}-${(i % 3) + 1}`, debtorId: `d${Math.floor(i / 3) + 1}` }))
    .sort((a, b) => (a.numberKey < b.numberKey ? -1 : 1));
  const scanner = (perRead: number) => {
    const asked: string[] = [];
    let failing = false;
    const store = {
      scanInvoiceNumbers: async (prefix: string): Promise<InvoiceNumberScan> => {
        asked.push(prefix);
        if (failing) throw new Error('closed');
        const key = toSearchKey(prefix);
        const all = numbers.filter((n) => n.numberKey.startsWith(key));
        return { key, entries: all.slice(0, perRead), complete: all.length <= perRead };
      },
    };
    return { store, asked, fail: (on: boolean) => (failing = on) };
  };

  it('reads the one-character windows ahead, one at a time, and then answers second keys without reading', async () => {
    const { store, asked } = scanner(100);
    const lookup = invoiceLookup(store);
    await lookup.warm(['f', 'x', 'd']);
    expect(asked).toEqual(['f', 'x', 'd']);
    expect(await lookup('fa')).toEqual(['d1', 'd10', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7', 'd8', 'd9']);
    expect(await lookup('xy')).toEqual([]);
    expect(await lookup('du')).toEqual([]);
    // Known already: nothing read again; a stop asked for ends the warming before its next read.
    await lookup.warm(['f', 'z'], () => true);
    expect(asked).toEqual(['f', 'x', 'd']);
  });

  it('asks storage once for a prefix no invoice number starts with, then answers its extensions itself', async () => {
    const { store, asked, fail } = scanner(100);
    const lookup = invoiceLookup(store);
    expect(await lookup('Du')).toEqual([]);
    expect(await lookup('Dup')).toEqual([]);
    expect(await lookup('DUPONT ')).toEqual([]);
    // Not an extension of "du": a one-letter query looks nothing up, but reads its range for the next key…
    expect(await lookup('d')).toEqual([]);
    expect(asked).toEqual(['Du', 'd']);
    // …which then answers "dz" without a read of its own.
    expect(await lookup('dz')).toEqual([]);
    expect(asked).toEqual(['Du', 'd']);
    // A failure is not taken for "nothing starts with it".
    fail(true);
    expect(await lookup('mv')).toEqual([]);
    fail(false);
    expect(await lookup('mv/')).toEqual([]);
    expect(asked).toEqual(['Du', 'd', 'mv', 'mv/']);
  });

  it('answers a longer invoice number from the last read, and reads again past what it holds', async () => {
    // Each read brings back 7 numbers: d1's three, d10's three (fa-10-… sorts before fa-2-…), one of d2's.
    const { store, asked } = scanner(7);
    const lookup = invoiceLookup(store);
    expect(await lookup('FA')).toEqual(['d1', 'd10', 'd2']);
    expect(await lookup('FA-1')).toEqual(['d1', 'd10']);
    expect(await lookup('fa-10-2')).toEqual(['d10']);
    expect(asked).toEqual(['FA']);
    // d2's numbers run past the read: "fa-2" must be read, and is then known whole.
    expect(await lookup('FA-2')).toEqual(['d2']);
    expect(await lookup('FA-2-3')).toEqual(['d2']);
    expect(await lookup('FA-9')).toEqual(['d9']);
    expect(asked).toEqual(['FA', 'FA-2', 'FA-9']);
    // Deleting back to a prefix read before: answered again without a read.
    expect(await lookup('FA-1')).toEqual(['d1', 'd10']);
    expect(asked).toEqual(['FA', 'FA-2', 'FA-9']);
  });
});

describe('invoiceLookup: the first read happens on the first key, off the next key’s path', () => {
  const numbers = Array.from({ length: 30 }, (_, i) => ({ numberKey: `fa-${Math.floor(i / 3) + 1}-${(i % 3) + 1}`, debtorId: `d${Math.floor(i / 3) + 1}` }))
    .sort((a, b) => (a.numberKey < b.numberKey ? -1 : 1));
  /** Reads that finish only when the test says so, to type the next key while one is under way. */
  const slowScanner = (perRead: number) => {
    const asked: string[] = [];
    const finish: (() => void)[] = [];
    let failing = false;
    const store = {
      scanInvoiceNumbers: (prefix: string): Promise<InvoiceNumberScan> => {
        asked.push(prefix);
        const key = toSearchKey(prefix);
        const all = numbers.filter((n) => n.numberKey.startsWith(key));
        const fails = failing;
        return new Promise((resolve, reject) => {
          finish.push(() => (fails ? reject(new Error('closed')) : resolve({ key, entries: all.slice(0, perRead), complete: all.length <= perRead })));
        });
      },
    };
    return { store, asked, finish: () => finish.splice(0).forEach((f) => f()), fail: (on: boolean) => (failing = on) };
  };
  /** What a fresh lookup (one read, nothing remembered) answers: the reference. */
  const direct = async (perRead: number, query: string) => {
    const { store, finish } = slowScanner(perRead);
    const answer = invoiceLookup(store)(query);
    finish();
    return answer;
  };

  it('answers the second key from the first key’s read, with what a read of its own would give', async () => {
    // Reads of 100 hold every number here: the read for "F" holds all of "FA"'s.
    const { store, asked, finish } = slowScanner(100);
    const lookup = invoiceLookup(store);
    expect(await lookup('F')).toEqual([]);
    expect(asked).toEqual(['F']);
    finish();
    expect(await lookup('FA')).toEqual(await direct(100, 'FA'));
    expect(await lookup('FA-1')).toEqual(await direct(100, 'FA-1'));
    expect(asked).toEqual(['F']);
  });

  it('lets a key typed while that read is under way wait for it instead of reading again', async () => {
    const { store, asked, finish } = slowScanner(100);
    const lookup = invoiceLookup(store);
    await lookup('f');
    const second = lookup('fa-1');
    await Promise.resolve();
    expect(asked).toEqual(['f']);
    finish();
    expect(await second).toEqual(await direct(100, 'fa-1'));
    expect(asked).toEqual(['f']);
  });

  it('reads for itself when the read under way cannot answer it, or failed', async () => {
    const { store, asked, finish, fail } = slowScanner(7);
    const lookup = invoiceLookup(store);
    await lookup('f');
    // "fa-2" runs past the first 7 numbers read for "f": read again, once the first read is over.
    const past = lookup('fa-2');
    finish();
    await new Promise((r) => setTimeout(r, 0));
    expect(asked).toEqual(['f', 'fa-2']);
    finish();
    expect(await past).toEqual(await direct(7, 'fa-2'));
    // Another letter while nothing is under way, whose read fails: the next key reads for itself.
    fail(true);
    await lookup('g');
    finish();
    fail(false);
    const next = lookup('gb');
    await new Promise((r) => setTimeout(r, 0));
    finish();
    expect(await next).toEqual([]);
    expect(asked).toEqual(['f', 'fa-2', 'g', 'gb']);
  });
});

describe('looksLikeInvoiceQuery', () => {
  it('skips the invoice index for a single character', () => {
    expect(looksLikeInvoiceQuery(' F ')).toBe(false);
    expect(looksLikeInvoiceQuery('FA')).toBe(true);
  });
});
