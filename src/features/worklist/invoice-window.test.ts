import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InvoiceNumberScan } from '../../storage/api';
import { answerFromScan, InvoiceWindows } from './invoice-window';

type Entry = { numberKey: string; debtorId: string };

/** What the index gives for a prefix: its debtors, each once, in the order of their first matching number. */
const debtorsOf = (all: readonly Entry[], key: string) => [...new Set(all.filter((e) => e.numberKey.startsWith(key)).map((e) => e.debtorId))];

/** A read as storage makes it: the first `limit` debtors, and whether they are all of them. */
const read = (all: readonly Entry[], key: string, limit: number): InvoiceNumberScan => {
  const ids = debtorsOf(all, key);
  return { key, debtorIds: ids.slice(0, limit), complete: ids.length <= limit };
};

const entries = fc
  .array(fc.record({ numberKey: fc.stringMatching(/^[ab1-]{1,4}$/), debtorId: fc.stringMatching(/^d[0-9]$/) }), { maxLength: 40 })
  .map((all) => [...all].sort((a, b) => (a.numberKey < b.numberKey ? -1 : a.numberKey > b.numberKey ? 1 : a.debtorId < b.debtorId ? -1 : 1)));

describe('answerFromScan', () => {
  it('answers exactly what a read of its own would, or nothing (random portfolios and prefixes)', () => {
    let answered = 0;
    fc.assert(
      fc.property(
        entries,
        fc.stringMatching(/^[ab1-]{1,3}$/),
        fc.integer({ min: 1, max: 6 }),
        fc.stringMatching(/^[ab1-]{1,4}$/),
        fc.integer({ min: 1, max: 6 }),
        (all, prefix, readLimit, key, limit) => {
          const got = answerFromScan(read(all, prefix, readLimit), key, limit);
          if (got === undefined) return;
          answered++;
          expect(got).toEqual(debtorsOf(all, key).slice(0, limit));
        },
      ),
      { numRuns: 2000 },
    );
    // The property would hold vacuously if the scan never answered.
    expect(answered).toBeGreaterThan(100);
  });

  it('answers its own prefix when it holds enough debtors, and longer ones only when nothing starts with it', () => {
    const partial: InvoiceNumberScan = { key: 'fa', debtorIds: ['d1', 'd2'], complete: false };
    expect(answerFromScan(partial, 'fa', 2)).toEqual(['d1', 'd2']);
    expect(answerFromScan(partial, 'fa', 1)).toEqual(['d1']);
    expect(answerFromScan(partial, 'fa', 3)).toBeUndefined();
    expect(answerFromScan({ ...partial, complete: true }, 'fa', 3)).toEqual(['d1', 'd2']);
    expect(answerFromScan({ ...partial, complete: true }, 'fa-1', 3)).toBeUndefined();
    const none: InvoiceNumberScan = { key: 'du', debtorIds: [], complete: true };
    expect(answerFromScan(none, 'dupont', 200)).toEqual([]);
    expect(answerFromScan(none, 'd', 200)).toBeUndefined();
    expect(answerFromScan(none, 'dv', 200)).toBeUndefined();
  });
});

describe('InvoiceWindows', () => {
  it('keeps the newest reads and answers from any of them', () => {
    const windows = new InvoiceWindows(2);
    windows.remember({ key: 'aa', debtorIds: [], complete: true });
    windows.remember({ key: 'bb', debtorIds: ['d1'], complete: true });
    expect(windows.answer('aab', 5)).toEqual([]);
    expect(windows.answer('bb', 5)).toEqual(['d1']);
    windows.remember({ key: 'cc', debtorIds: [], complete: true });
    expect(windows.answer('aab', 5)).toBeUndefined();
    expect(windows.answer('bb', 5)).toEqual(['d1']);
  });
});
