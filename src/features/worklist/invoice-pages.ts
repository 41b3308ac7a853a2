/**
 * The invoice-number pages the worklist's search has read (storage/number-pages.ts), answering a prefix
 * within the keystroke's task when the pages it needs are here: from the page where the prefix falls, page
 * after page, until its first debtors are found or its range ends. After each key, the pages where each next
 * character would fall are read ahead (childPages), so the key typed next finds them here.
 *
 * Every read brings the page directory of the same moment: a directory that changed (pages split or went since)
 * drops the pages kept under the older one, so an answer never mixes two moments.
 */
import type { NumberPagesRead } from '../../storage/api';
import { debtorsInPages, pageFor, type PagesAnswer } from '../../storage/number-pages';

/** What may follow a prefix in a number key (lower case, no accents: domain/text.ts toSearchKey). */
const NEXT_CHARACTERS = [...'0123456789-/._ abcdefghijklmnopqrstuvwxyz'];

export class InvoicePages {
  private directory: readonly string[] | undefined;
  /** Entries by page `first`, oldest read first. */
  private readonly pages = new Map<string, readonly string[]>();

  constructor(private readonly keep = 96) {}

  hasDirectory(): boolean {
    return this.directory !== undefined;
  }

  remember(read: NumberPagesRead): void {
    const same = this.directory !== undefined && this.directory.length === read.directory.length && this.directory.every((f, i) => f === read.directory[i]);
    if (!same) {
      this.directory = read.directory;
      this.pages.clear();
    }
    for (const page of read.pages) {
      this.pages.delete(page.first);
      this.pages.set(page.first, page.entries);
    }
    for (const first of this.pages.keys()) {
      if (this.pages.size <= this.keep) break;
      this.pages.delete(first);
    }
  }

  /** The first `limit` debtors with a number under `key` (a search key), or the first page still to read. */
  answer(key: string, limit: number): PagesAnswer {
    const directory = this.directory;
    return directory ? debtorsInPages(directory, (first) => this.pages.get(first), key, limit) : { missing: key };
  }

  /**
   * For each key one character longer than `key`, the first page its answer (`limit` debtors) still lacks: what
   * the next key may need. A key's walk can need the pages after the one where it falls (the few numbers at the
   * end of one page, then the next), so this walks them as `answer` will rather than naming only that one.
   */
  childPages(key: string, limit: number): string[] {
    if (!this.directory) return [];
    const missing = new Set<string>();
    for (const c of NEXT_CHARACTERS) {
      const found = this.answer(key + c, limit);
      if ('missing' in found) missing.add(found.missing);
    }
    return [...missing];
  }
}
