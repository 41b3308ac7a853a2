import { describe, expect, it } from 'vitest';
import type { InvoiceNumberScan } from '../../storage/api';
import { firstDebtors } from '../../storage/invoice-scan';
import { answerFromWindow, InvoiceWindows } from './invoice-window';

type Entry = InvoiceNumberScan['entries'][number];

/** What the `numberKey` index gives for a prefix: every match, in order (ties kept in the order given). */
const matches = (all: readonly Entry[], key: string) => all.filter((e) => e.numberKey >= key && e.numberKey <= `${key}\uffff`);

/** A read as storage makes it: the first `perRead` matches, or all of them. */
const read = (all: readonly Entry[], key: string, perRead: number): InvoiceNumberScan => {
  const found = matches(all, key);
  return { key, entries: found.slice(0, perRead), complete: found.length <= perRead };
};

/** A small deterministic random generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('answerFromWindow', () => {
  it('answers exactly what the index would, or nothing, for any prefix and any read (random portfolios)', () => {
    const next = random(15);
    const pick = (chars: string) => chars[Math.floor(next() * chars.length)] as string;
    let answered = 0;
    for (let trial = 0; trial < 300; trial++) {
      const all: Entry[] = Array.from({ length: 5 + Math.floor(next() * 60) }, () => ({
        numberKey: Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick('ab-1')).join(''),
        debtorId: `d${Math.floor(next() * 12)}`,
      })).sort((a, b) => (a.numberKey < b.numberKey ? -1 : a.numberKey > b.numberKey ? 1 : 0));
      const prefix = Array.from({ length: Math.floor(next() * 2) + 1 }, () => pick('ab-1')).join('');
      const window = read(all, prefix, 1 + Math.floor(next() * 20));
      for (let q = 0; q < 20; q++) {
        const key = Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick('ab-1')).join('');
        const limit = 1 + Math.floor(next() * 6);
        const got = answerFromWindow(window, key, limit);
        if (got === undefined) continue;
        answered++;
        expect(got, `prefix ${prefix}, key ${key}, limit ${limit}`).toEqual(firstDebtors(matches(all, key), limit));
      }
    }
    // The test would pass vacuously if the window never answered.
    expect(answered).toBeGreaterThan(500);
  });

  it('answers longer prefixes inside a partial read, and refuses what lies past it or before it', () => {
    const all: Entry[] = ['fa-1', 'fa-10', 'fa-11', 'fa-2', 'fa-2', 'fa-3'].map((numberKey, i) => ({ numberKey, debtorId: `d${i}` }));
    const window = read(all, 'fa', 4);
    expect(window.complete).toBe(false);
    expect(answerFromWindow(window, 'fa-1', 10)).toEqual(['d0', 'd1', 'd2']);
    expect(answerFromWindow(window, 'fa-11', 10)).toEqual(['d2']);
    // The read stopped inside fa-2's invoices: more of them may follow, from other debtors.
    expect(answerFromWindow(window, 'fa-2', 10)).toBeUndefined();
    expect(answerFromWindow(window, 'fa-', 2)).toEqual(['d0', 'd1']);
    expect(answerFromWindow(window, 'f', 10)).toBeUndefined();
    expect(answerFromWindow(window, 'fb', 10)).toBeUndefined();
  });

  it('answers anything inside a complete read, and nothing beside it', () => {
    const window: InvoiceNumberScan = { key: 'du', entries: [], complete: true };
    expect(answerFromWindow(window, 'dupont', 200)).toEqual([]);
    expect(answerFromWindow(window, 'dv', 200)).toBeUndefined();
  });
});

describe('InvoiceWindows', () => {
  it('keeps the newest reads and answers from any of them', () => {
    const windows = new InvoiceWindows(2);
    windows.remember({ key: 'aa', entries: [], complete: true });
    windows.remember({ key: 'bb', entries: [{ numberKey: 'bb1', debtorId: 'd1' }], complete: true });
    expect(windows.answer('aab', 5)).toEqual([]);
    expect(windows.answer('bb1', 5)).toEqual(['d1']);
    windows.remember({ key: 'cc', entries: [], complete: true });
    expect(windows.answer('aab', 5)).toBeUndefined();
    expect(windows.answer('bb', 5)).toEqual(['d1']);
  });
});
