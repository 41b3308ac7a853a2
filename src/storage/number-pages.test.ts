import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryOf, mergeEntries, pageFor, pagesOf, pairOf, PAGE_FILL } from './number-pages';

describe('number pages', () => {
  it('merges additions and removals into a sorted page as a sort of the set would, saying when nothing changed', () => {
    const word = fc.stringMatching(/^[ab\u0000-]{0,4}$/);
    fc.assert(
      fc.property(fc.uniqueArray(word), fc.array(word), fc.array(word), (page, added, removed) => {
        const sorted = [...page].sort();
        const expected = new Set(sorted);
        for (const e of removed) expected.delete(e);
        for (const e of added) expected.add(e);
        const want = [...expected].sort();
        const got = mergeEntries(sorted, added, removed);
        if (got === undefined) expect(want).toEqual(sorted);
        else expect(got).toEqual(want);
      }),
      { numRuns: 2000 },
    );
  });

  it('sorts entries by number key, then debtor, and finds each one’s page', () => {
    expect([entryOf('fa-10', 'd1'), entryOf('fa-1', 'd2'), entryOf('fa-1', 'd10')].sort()).toEqual([entryOf('fa-1', 'd10'), entryOf('fa-1', 'd2'), entryOf('fa-10', 'd1')]);
    expect(pairOf(entryOf('mv/2026', 'deb-1'))).toEqual(['mv/2026', 'deb-1']);
    const firsts = ['', 'fa-2', 'fa-5'];
    expect(pageFor(firsts, entryOf('av-1', 'd'))).toBe('');
    expect(pageFor(firsts, 'fa-2')).toBe('fa-2');
    expect(pageFor(firsts, entryOf('fa-2', 'd'))).toBe('fa-2');
    expect(pageFor(firsts, entryOf('fa-9', 'd'))).toBe('fa-5');
    const sorted = Array.from({ length: 2 * PAGE_FILL + 1 }, (_, i) => entryOf(`n-${String(i).padStart(5, '0')}`, 'd'));
    const pages = pagesOf(sorted);
    expect(pages.map((p) => p.first)).toEqual(['', sorted[PAGE_FILL], sorted[2 * PAGE_FILL]]);
    expect(pages.flatMap((p) => p.entries)).toEqual(sorted);
  });
});
