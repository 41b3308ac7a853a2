import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InvoiceNumberScan } from './api';
import { debtorsUnder, scanForDebtors } from './invoice-number-scan';

type Entry = readonly [string, string];

const byKey = (a: Entry, b: Entry) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);

/** What a read of its own gives for a key: its debtors, each once, in the order of their first number. */
const debtorsOf = (all: readonly Entry[], key: string) => [...new Set(all.filter(([n]) => n.startsWith(key)).map(([, d]) => d))];

/** A read as both stores make it: the first `count` entries under the prefix (all when undefined). */
const read = (all: readonly Entry[], key: string, count?: number): InvoiceNumberScan => {
  const under = all.filter(([n]) => n.startsWith(key));
  return { key, entries: count === undefined ? under : under.slice(0, count), complete: count === undefined || under.length < count };
};

const portfolio = fc
  .uniqueArray(fc.tuple(fc.stringMatching(/^[ab1-]{1,4}$/), fc.stringMatching(/^d[0-9]$/)), { selector: ([n, d]) => `${n} ${d}`, maxLength: 40 })
  .map((all) => [...all].sort(byKey) as Entry[]);

describe('debtorsUnder', () => {
  it('answers exactly what a read of its own would, or nothing (random portfolios, reads and keys)', () => {
    let answered = 0;
    let longer = 0;
    fc.assert(
      fc.property(
        portfolio,
        fc.stringMatching(/^[ab1-]{1,2}$/),
        fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }),
        fc.stringMatching(/^[ab1-]{1,4}$/),
        fc.integer({ min: 1, max: 6 }),
        (all, prefix, count, key, limit) => {
          const got = debtorsUnder(read(all, prefix, count), key, limit);
          if (got === undefined) return;
          answered++;
          if (key.length > prefix.length) longer++;
          expect(got).toEqual(debtorsOf(all, key).slice(0, limit));
        },
      ),
      { numRuns: 3000 },
    );
    // The property would hold vacuously if the reads never answered, or only their own prefix.
    expect(answered).toBeGreaterThan(300);
    expect(longer).toBeGreaterThan(100);
  });

  it('answers a longer key from a partial read that holds its first debtors or went past it, and nothing else', () => {
    const partial: InvoiceNumberScan = {
      key: 'fa',
      entries: [
        ['fa-1', 'd1'],
        ['fa-1', 'd2'],
        ['fa-2', 'd1'],
        ['fa-3', 'd3'],
      ],
      complete: false,
    };
    expect(debtorsUnder(partial, 'fa', 3)).toEqual(['d1', 'd2', 'd3']);
    expect(debtorsUnder(partial, 'fa', 4)).toBeUndefined();
    // The read went past fa-1 and fa-2: all of theirs are in it.
    expect(debtorsUnder(partial, 'fa-1', 200)).toEqual(['d1', 'd2']);
    expect(debtorsUnder(partial, 'fa-2', 200)).toEqual(['d1']);
    expect(debtorsUnder(partial, 'fa-15', 200)).toEqual([]);
    // fa-3 is the end of the read: more may follow.
    expect(debtorsUnder(partial, 'fa-3', 200)).toBeUndefined();
    expect(debtorsUnder(partial, 'fa-3', 1)).toEqual(['d3']);
    expect(debtorsUnder(partial, 'fa-9', 200)).toBeUndefined();
    expect(debtorsUnder(partial, 'f', 200)).toBeUndefined();
    expect(debtorsUnder(partial, 'fb', 200)).toBeUndefined();
    const none: InvoiceNumberScan = { key: 'du', entries: [], complete: true };
    expect(debtorsUnder(none, 'dupont', 200)).toEqual([]);
    expect(debtorsUnder(none, 'dv', 200)).toBeUndefined();
  });
});

describe('scanForDebtors', () => {
  it('reads on past a debtor with many numbers under the prefix until it finds the debtors asked for', async () => {
    const all: Entry[] = [...Array.from({ length: 30 }, (_, i) => [`fa-${String(i).padStart(2, '0')}`, 'd1'] as const), ['fa-99', 'd2'] as const];
    const counts: (number | undefined)[] = [];
    const scan = async (prefix: string, count?: number) => (counts.push(count), read(all, prefix, count));
    expect((await scanForDebtors(scan, 'fa', 2, 3)).debtorIds).toEqual(['d1', 'd2']);
    expect(counts).toEqual([3, 24, 192]);
    counts.length = 0;
    expect((await scanForDebtors(scan, 'fa', 1, 3)).debtorIds).toEqual(['d1']);
    expect(counts).toEqual([3]);
  });

  it('gives the debtors of a read of everything, whatever the first count', async () => {
    await fc.assert(
      fc.asyncProperty(portfolio, fc.stringMatching(/^[ab1-]{1,3}$/), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 10 }), async (all, key, limit, first) => {
        const { debtorIds } = await scanForDebtors(async (p, count) => read(all, p, count), key, limit, first);
        expect(debtorIds).toEqual(debtorsOf(all, key).slice(0, limit));
      }),
      { numRuns: 300 },
    );
  });
});
