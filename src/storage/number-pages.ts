/**
 * The invoice numbers in pages (v12, `invoiceNumberPages`): every [numberKey, debtorId] pair of the stored
 * invoices, once, as the string `numberKey \0 debtorId`, sorted, cut into pages of at most PAGE_MAX. A page is
 * keyed by `first`, the lowest entry it may hold; it holds every entry from there up to the next page's
 * `first`. The first page's `first` is '', so every entry has a page.
 *
 * Why pages: the worklist's search must learn which number each debtor matched on, to answer the keys typed
 * next from one read (./invoice-number-scan.ts), and an index gives only its records' keys. A record per
 * number would give them, but IndexedDB's cost is per request: 100,000 more puts took an import of 100,000
 * invoices from 5 s to 15 s (BENCHMARKS.md). Pages make that about 200 puts, and a search reads two or three.
 *
 * A write transaction changes the pages in memory as its blocks change (./invoice-blocks.ts) and puts each
 * page it changed once, when its work is done (NumberPagesTx.flush).
 */

export const PAGE_MAX = 1024;
/** How full the upgrade and a split leave a page: room for inserts before the next split. */
export const PAGE_FILL = 768;

/** Entries copied per task by a flush. */
const ENTRIES_PER_WRITE = 8 * PAGE_FILL;

export interface NumberPage {
  first: string;
  /** Sorted, distinct, each ≥ first and < the next page's first. */
  entries: string[];
}

/** ‘\0’ sorts before any character: entries sort by number key, then by debtor id, like [numberKey, debtorId]. */
const SEP = '\u0000';
export const entryOf = (numberKey: string, debtorId: string): string => `${numberKey}${SEP}${debtorId}`;
export function pairOf(entry: string): [string, string] {
  const at = entry.indexOf(SEP);
  return [entry.slice(0, at), entry.slice(at + 1)];
}

/** Where `x` is in the sorted `xs`, or where it would go. */
export function lowerBound(xs: readonly string[], x: string): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((xs[mid] as string) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The `first` of the page holding `entry`, among the sorted firsts of every page (which start with ''). */
export function pageFor(firsts: readonly string[], entry: string): string {
  const at = lowerBound(firsts, entry);
  return (firsts[at] === entry ? firsts[at] : firsts[at - 1]) as string;
}

/**
 * `sorted` (sorted, distinct) without `removed`, then with `added` (any order), sorted and distinct; undefined when
 * that changes nothing. A merge, not a sort: a bulk write adds a few entries to many pages.
 */
export function mergeEntries(sorted: readonly string[], added: readonly string[], removed: readonly string[]): string[] | undefined {
  const gone = new Set(removed);
  const adds = [...new Set(added)].sort();
  const out: string[] = [];
  let changed = false;
  let j = 0;
  for (const e of sorted) {
    while (j < adds.length && (adds[j] as string) < e) {
      out.push(adds[j++] as string);
      changed = true;
    }
    if (adds[j] === e) {
      // Removed, then added again: kept.
      j++;
      out.push(e);
      continue;
    }
    if (gone.has(e)) changed = true;
    else out.push(e);
  }
  while (j < adds.length) {
    out.push(adds[j++] as string);
    changed = true;
  }
  return changed ? out : undefined;
}

/** Pages of PAGE_FILL entries from sorted, distinct entries: what the upgrade writes. */
export function pagesOf(sorted: readonly string[]): NumberPage[] {
  const pages: NumberPage[] = [{ first: '', entries: sorted.slice(0, PAGE_FILL) }];
  for (let i = PAGE_FILL; i < sorted.length; i += PAGE_FILL) pages.push({ first: sorted[i] as string, entries: sorted.slice(i, i + PAGE_FILL) });
  return pages;
}

/** What a walk of the pages tells: the debtors, or the first page it still needs. */
export type PagesAnswer = { debtorIds: string[] } | { missing: string };

/**
 * The first `limit` debtors with a number key starting with `key` (a search key), in key order (a debtor comes
 * where its first such number does), from the page where `key` falls, page after page until the limit or the
 * end of the prefix; or the first page `pageAt` does not have.
 */
export function debtorsInPages(directory: readonly string[], pageAt: (first: string) => readonly string[] | undefined, key: string, limit: number): PagesAnswer {
  const ids: string[] = [];
  if (limit <= 0) return { debtorIds: ids };
  const seen = new Set<string>();
  for (let i = lowerBound(directory, pageFor(directory, key)); i < directory.length; i++) {
    const first = directory[i] as string;
    if (first > key && !first.startsWith(key)) break;
    const entries = pageAt(first);
    if (!entries) return { missing: first };
    for (let j = first < key ? lowerBound(entries, key) : 0; j < entries.length; j++) {
      const entry = entries[j] as string;
      if (!entry.startsWith(key)) return { debtorIds: ids };
      const debtorId = pairOf(entry)[1];
      if (seen.has(debtorId)) continue;
      seen.add(debtorId);
      ids.push(debtorId);
      if (ids.length === limit) return { debtorIds: ids };
    }
  }
  return { debtorIds: ids };
}

/** The `first` of the pages holding each of `starts` and the `each - 1` pages after it, once each, in order. */
export function pagesFrom(directory: readonly string[], starts: readonly string[], each: number): string[] {
  const wanted = new Set<number>();
  for (const start of starts) {
    const at = lowerBound(directory, start);
    const from = directory[at] === start ? at : at - 1;
    for (let i = Math.max(from, 0); i < Math.min(from + each, directory.length); i++) wanted.add(i);
  }
  return [...wanted].sort((a, b) => a - b).map((i) => directory[i] as string);
}

/** The requests the pages make: the `invoiceNumberPages` store of one transaction. */
export interface PageStore {
  getAllKeys(): Promise<string[]>;
  get(first: string): Promise<unknown>;
  /** Puts and deletes these pages, every request issued at once and only the last awaited. */
  write(put: readonly NumberPage[], deleted: readonly string[]): Promise<void>;
  clear(): Promise<void>;
}

export interface NumberPagesTx {
  /** Adds and removes entries (after any earlier call's). */
  change(added: readonly string[], removed: readonly string[]): Promise<void>;
  /** Removes every entry. */
  clear(): Promise<void>;
  /** Puts the pages changed since the last flush: the transaction's last requests. */
  flush(): Promise<void>;
}

/** A stored page as read (its entries, or none when it is not shaped as a page). */
export const asPage = (first: string, raw: unknown): NumberPage => {
  const entries = (raw as { entries?: unknown } | undefined)?.entries;
  return { first, entries: Array.isArray(entries) ? entries.filter((e): e is string => typeof e === 'string') : [] };
};

/** One transaction's view of the pages, read as needed, changed in memory, written by flush. */
export function numberPagesTx(store: PageStore): NumberPagesTx {
  interface State {
    firsts: Promise<string[]>;
    pages: Map<string, Promise<NumberPage>>;
    dirty: Set<string>;
    deleted: Set<string>;
  }
  const fresh = (firsts: Promise<string[]> | undefined): State => ({ firsts: firsts ?? Promise.resolve(['']), pages: new Map(), dirty: new Set(), deleted: new Set() });
  let state: State | undefined;
  /** Changes apply one after another, in call order. */
  let queue: Promise<void> = Promise.resolve();

  const begin = (): State => {
    // A database whose store is empty still has its '' page, in memory until flushed.
    state ??= fresh(store.getAllKeys().then((keys) => (keys[0] === '' ? keys : ['', ...keys])));
    return state;
  };
  const page = (s: State, first: string): Promise<NumberPage> => {
    let found = s.pages.get(first);
    if (!found) {
      found = store.get(first).then((raw) => asPage(first, raw));
      s.pages.set(first, found);
    }
    return found;
  };

  const apply = async (s: State, added: readonly string[], removed: readonly string[]): Promise<void> => {
    const firsts = await s.firsts;
    const byPage = new Map<string, { add: string[]; remove: string[] }>();
    const of = (e: string) => {
      const f = pageFor(firsts, e);
      let found = byPage.get(f);
      if (!found) byPage.set(f, (found = { add: [], remove: [] }));
      return found;
    };
    for (const e of removed) of(e).remove.push(e);
    for (const e of added) of(e).add.push(e);
    const held = await Promise.all([...byPage.keys()].map((f) => page(s, f)));
    if (state !== s) return; // Cleared meanwhile: the clear removed these entries too.
    for (const p of held) {
      const { add, remove } = byPage.get(p.first) as { add: string[]; remove: string[] };
      const merged = mergeEntries(p.entries, add, remove);
      if (!merged) continue;
      p.entries = merged;
      s.dirty.add(p.first);
      if (p.entries.length === 0 && p.first !== '') {
        // Its range goes to the page before.
        firsts.splice(lowerBound(firsts, p.first), 1);
        s.pages.delete(p.first);
        s.dirty.delete(p.first);
        s.deleted.add(p.first);
      } else if (p.entries.length > PAGE_MAX) {
        const rest = p.entries.splice(PAGE_FILL);
        for (let i = 0; i < rest.length; i += PAGE_FILL) {
          const q: NumberPage = { first: rest[i] as string, entries: rest.slice(i, i + PAGE_FILL) };
          firsts.splice(lowerBound(firsts, q.first), 0, q.first);
          s.pages.set(q.first, Promise.resolve(q));
          s.dirty.add(q.first);
          s.deleted.delete(q.first);
        }
      }
    }
  };

  return {
    change(added, removed) {
      if (added.length + removed.length === 0) return queue;
      const s = begin();
      queue = queue.then(() => apply(s, added, removed));
      return queue;
    },
    async clear() {
      state = fresh(undefined);
      state.pages.set('', Promise.resolve({ first: '', entries: [] }));
      state.dirty.add('');
      await store.clear();
    },
    async flush() {
      await queue;
      const s = state;
      if (!s || s.dirty.size + s.deleted.size === 0) return;
      const put = await Promise.all([...s.dirty].map((f) => s.pages.get(f) as Promise<NumberPage>));
      const deleted = [...s.deleted];
      s.dirty.clear();
      s.deleted.clear();
      // A put copies its page in the task that issues it: a bulk write's hundred pages go a few at a time,
      // each group issued once the one before is written, so no task copies them all.
      let group: NumberPage[] = [];
      let size = 0;
      for (const page of put) {
        group.push(page);
        size += page.entries.length;
        if (size >= ENTRIES_PER_WRITE) {
          await store.write(group, []);
          group = [];
          size = 0;
        }
      }
      await store.write(group, deleted);
    },
  };
}
