import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toSearchKey } from '../../domain/text';
import type { NumberPagesRead } from '../../storage/api';
import { entryOf, pagesFrom, type NumberPage } from '../../storage/number-pages';
import { INVOICE_MATCH_LIMIT, invoiceLookup } from './search';

type Entry = readonly [string, string];

/** What a search should give for a query: the debtors under its key, each once, in key order, at most the limit. */
const debtorsOf = (all: readonly Entry[], query: string) => {
  const key = toSearchKey(query.trim());
  const sorted = [...all].map(([n, d]) => entryOf(n, d)).sort();
  return [...new Set(sorted.filter((e) => e.startsWith(key)).map((e) => e.split('\u0000')[1] as string))].slice(0, INVOICE_MATCH_LIMIT);
};

/** Pages of `size` entries, as storage cuts them (the first keyed ''). */
function paged(all: readonly Entry[], size: number): NumberPage[] {
  const sorted = [...new Set(all.map(([n, d]) => entryOf(n, d)))].sort();
  const pages: NumberPage[] = [{ first: '', entries: sorted.slice(0, size) }];
  for (let i = size; i < sorted.length; i += size) pages.push({ first: sorted[i] as string, entries: sorted.slice(i, i + size) });
  return pages;
}

/** A store whose page reads finish at once or when the test says, and may fail; its numbers may change. */
function pagedStore(all: readonly Entry[], { size = 3, held = false } = {}) {
  let pages = paged(all, size);
  const reads: string[][] = [];
  const finish: (() => void)[] = [];
  let failing = false;
  const store = {
    readNumberPages: (starts: readonly string[], each: number): Promise<NumberPagesRead> => {
      reads.push([...starts]);
      const fails = failing;
      const directory = pages.map((p) => p.first);
      const wanted = new Set(pagesFrom(directory, starts, each));
      const read = { directory, pages: pages.filter((p) => wanted.has(p.first)).map((p) => ({ first: p.first, entries: [...p.entries] })) };
      return new Promise((resolve, reject) => {
        const end = () => (fails ? reject(new Error('closed')) : resolve(read));
        if (held) finish.push(end);
        else end();
      });
    },
  };
  return {
    store,
    reads,
    finish: () => finish.splice(0).forEach((f) => f()),
    fail: (on: boolean) => (failing = on),
    replace: (next: readonly Entry[]) => (pages = paged(next, size)),
  };
}

/** Lets every read already answered, and what it starts, run to its end. */
const settle = () => new Promise((r) => setTimeout(r, 0));

/** Whether `answer` settles within microtasks, before any task could run: within the keystroke's task. */
async function settlesAtOnce<T>(answer: Promise<T>): Promise<boolean> {
  let done = false;
  void answer.then(() => (done = true));
  for (let i = 0; i < 20; i++) await Promise.resolve();
  return done;
}

// Invoice numbers, each with its debtor: FA-1-1 … for d1, FA-2-1 … for d2, and so on; a credit note for d3.
const NUMBERS: Entry[] = [...Array.from({ length: 30 }, (_, i) => [`fa-${Math.floor(i / 3) + 1}-${(i % 3) + 1}`, `d${Math.floor(i / 3) + 1}`] as const), ['av-1', 'd3']];

describe('invoiceLookup', () => {
  it('answers what the pages hold for the query, in key order, across pages', async () => {
    const lookup = invoiceLookup(pagedStore(NUMBERS).store);
    expect(await lookup('FA-1')).toEqual(['d1', 'd10']);
    expect(await lookup(' fa-10-2 ')).toEqual(['d10']);
    expect(await lookup('FA')).toEqual(['d1', 'd10', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7', 'd8', 'd9']);
    expect(await lookup('FA-99')).toEqual([]);
    expect(await lookup('av')).toEqual(['d3']);
  });

  it('answers the next key typed at once, from the pages read ahead after the last one', async () => {
    const { store, reads } = pagedStore(NUMBERS);
    const lookup = invoiceLookup(store);
    for (const typed of ['F', 'FA', 'FA-', 'FA-1', 'FA-10', 'FA-10-', 'FA-10-3']) {
      const answer = lookup(typed);
      // The first key looks nothing up but reads its pages; every later one finds them here.
      expect(await settlesAtOnce(answer), typed).toBe(true);
      expect(await answer).toEqual(typed.length < 2 ? [] : debtorsOf(NUMBERS, typed));
      await settle();
    }
    expect(reads.length).toBeGreaterThan(1);
  });

  it('waits for a read under way, then reads what it still needs; a failed read is not remembered', async () => {
    const held = pagedStore(NUMBERS, { held: true });
    const lookup = invoiceLookup(held.store);
    const first = lookup('FA-2');
    expect(await settlesAtOnce(first)).toBe(false);
    held.finish();
    await settle();
    held.finish();
    expect(await first).toEqual(['d2']);

    const failing = pagedStore(NUMBERS);
    const other = invoiceLookup(failing.store);
    failing.fail(true);
    expect(await other('fa-1')).toEqual([]);
    failing.fail(false);
    expect(await other('fa-1')).toEqual(['d1', 'd10']);
  });

  it('drops the pages it holds when the directory it reads has changed', async () => {
    const source = pagedStore(NUMBERS);
    const lookup = invoiceLookup(source.store);
    expect(await lookup('fa-2')).toEqual(['d2']);
    await settle();
    // Numbers renamed since: every page moves.
    const renamed = NUMBERS.map(([n, d]) => [n.replace('fa-', 'fb-'), d] as const);
    source.replace(renamed);
    expect(await lookup('fb-2')).toEqual(['d2']);
    expect(await lookup('fa-2')).toEqual([]);
  });

  it('gives what a search of everything would, whatever the portfolio, page size, keys typed and reads finished', async () => {
    const entry = fc.tuple(fc.stringMatching(/^[ab1-]{1,5}$/), fc.stringMatching(/^d[0-9]{1,2}$/));
    await fc.assert(
      fc.asyncProperty(
        fc.array(entry, { maxLength: 120 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.tuple(fc.stringMatching(/^[ab1-]{1,5}$/), fc.boolean()), { minLength: 1, maxLength: 6 }),
        async (all, size, queries) => {
          const lookup = invoiceLookup(pagedStore(all, { size }).store);
          for (const [query, wait] of queries) {
            for (let n = 1; n <= query.length; n++) {
              const typed = query.slice(0, n);
              expect(await lookup(typed)).toEqual(n < 2 ? [] : debtorsOf(all, typed));
              if (wait) await settle();
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
