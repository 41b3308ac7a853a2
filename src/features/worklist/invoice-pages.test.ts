import { describe, expect, it } from 'vitest';
import { entryOf } from '../../storage/number-pages';
import { InvoicePages } from './invoice-pages';

const page = (first: string, numbers: [string, string][]) => ({ first, entries: numbers.map(([n, d]) => entryOf(n, d)) });

describe('InvoicePages', () => {
  const directory = ['', entryOf('fa-2', 'd1'), entryOf('fa-3', 'd1')];
  const pages = [
    page('', [['av-1', 'd9'], ['fa-1', 'd1'], ['fa-1', 'd2']]),
    page(directory[1]!, [['fa-2', 'd1'], ['fa-2', 'd3']]),
    page(directory[2]!, [['fa-3', 'd1'], ['fa-4', 'd4']]),
  ];

  it('answers from the pages it holds, page after page, until the limit or the end of the prefix', () => {
    const held = new InvoicePages();
    held.remember({ directory, pages });
    expect(held.answer('fa', 10)).toEqual({ debtorIds: ['d1', 'd2', 'd3', 'd4'] });
    expect(held.answer('fa', 2)).toEqual({ debtorIds: ['d1', 'd2'] });
    expect(held.answer('fa-2', 10)).toEqual({ debtorIds: ['d1', 'd3'] });
    expect(held.answer('fa-25', 10)).toEqual({ debtorIds: [] });
    expect(held.answer('zz', 10)).toEqual({ debtorIds: [] });
  });

  it('names the first page it lacks, and which pages the next character may need', () => {
    const held = new InvoicePages();
    expect(held.answer('fa', 10)).toEqual({ missing: 'fa' });
    held.remember({ directory, pages: [pages[0]!] });
    expect(held.answer('fa', 2)).toEqual({ debtorIds: ['d1', 'd2'] });
    expect(held.answer('fa', 3)).toEqual({ missing: directory[1] });
    expect(held.answer('av', 3)).toEqual({ debtorIds: ['d9'] });
    expect(held.childPages('fa-', 10)).toEqual([directory[1], directory[2]]);
    expect(held.childPages('av-', 10)).toEqual([]);
  });

  it("names the page after those held when the next key's numbers run on into it", () => {
    const held = new InvoicePages();
    held.remember({ directory, pages: [pages[0]!, pages[1]!] });
    // "fa-" falls in the first page, held; its debtors go on through the second, held, into the third.
    expect(held.childPages('fa', 10)).toEqual([directory[2]]);
  });

  it('keeps the newest pages, and none read under another directory', () => {
    const held = new InvoicePages(2);
    held.remember({ directory, pages });
    expect(held.answer('av', 3)).toEqual({ missing: '' });
    held.remember({ directory: [''], pages: [page('', [['fa-1', 'd7']])] });
    expect(held.answer('fa', 10)).toEqual({ debtorIds: ['d7'] });
  });
});
