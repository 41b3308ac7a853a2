/**
 * The IndexedDB implementation of CadenceStore: the shared operations (./record-store.ts) over IndexedDB
 * records (./idb-records.ts), with the invoice-number search through the number pages (./number-pages.ts).
 */
import { toSearchKey } from '../domain/text';
import type { CadenceStore, InvoiceNumberScan, NumberPagesRead } from './api';
import type { CadenceDatabase } from './db';
import { INVOICE_NUMBER_PAGES } from './invoice-blocks';
import { asPage, lowerBound, pagesFrom, pairOf, type NumberPage } from './number-pages';
import { capturingRecords } from './outbox-capture';
import { plainIdbRecords } from './idb-records';
import { createRecordStore, type CadenceStoreOptions } from './record-store';

export { preloadStorage, type CadenceStoreOptions, type StorageModule } from './record-store';

/** Pages read at once, per entry wanted: pages are at least a quarter full but for a few emptied by deletes. */
const ENTRIES_PER_PAGE_READ = 256;

/**
 * The first `entries` numbers under the prefix with their debtors, from the number pages (./number-pages.ts):
 * the page where the prefix would be, then the pages after it up to the prefix's end, as many as needed.
 */
async function scanInvoiceNumbers(db: CadenceDatabase, prefix: string, entries?: number): Promise<InvoiceNumberScan> {
  const key = toSearchKey(prefix);
  if (key === '' || entries === 0) return { key, entries: [], complete: key === '' };
  const store = db.transaction(INVOICE_NUMBER_PAGES).store;
  const end = `${key}\uffff`;
  const found: [string, string][] = [];
  /** Takes a page's entries under the prefix: 'more' when it ended with them, 'past' past the prefix, 'full' at `entries`. */
  const take = (page: NumberPage | undefined): 'more' | 'past' | 'full' => {
    const list = page?.entries ?? [];
    for (let i = lowerBound(list, key); i < list.length; i++) {
      if (found.length === entries) return 'full';
      const e = list[i] as string;
      if (!e.startsWith(key)) return 'past';
      found.push(pairOf(e));
    }
    return found.length === entries ? 'full' : 'more';
  };
  let batch = entries === undefined ? undefined : Math.ceil(entries / ENTRIES_PER_PAGE_READ) + 1;
  const [before, after] = await Promise.all([store.openCursor(IDBKeyRange.upperBound(key), 'prev'), store.getAll(IDBKeyRange.bound(key, end, true), batch)]);
  let state = take(before ? asPage(before.value.first, before.value) : undefined);
  let pages = after;
  for (;;) {
    for (const page of pages) if (state === 'more') state = take(page);
    if (state !== 'more' || batch === undefined || pages.length < batch) break;
    batch *= 2;
    pages = await store.getAll(IDBKeyRange.bound((pages.at(-1) as NumberPage).first, end, true), batch);
  }
  return { key, entries: found, complete: state !== 'full' };
}

/** The pages from `starts` (./number-pages.ts pagesFrom) and the directory, in one transaction: they agree. */
async function readNumberPages(db: CadenceDatabase, starts: readonly string[], pagesEach: number): Promise<NumberPagesRead> {
  const store = db.transaction(INVOICE_NUMBER_PAGES).store;
  const keys = (await store.getAllKeys()) as string[];
  // A store no invoice was written to yet has no page at all: its '' page is empty.
  const directory = keys[0] === '' ? keys : ['', ...keys];
  const firsts = pagesFrom(directory, starts, pagesEach);
  const pages = await Promise.all(firsts.map(async (first) => asPage(first, await store.get(first))));
  return { directory, pages };
}

export function createCadenceStore(db: CadenceDatabase, options: CadenceStoreOptions = {}): CadenceStore {
  const plain = plainIdbRecords(db);
  return createRecordStore(
    {
      records: capturingRecords(plain),
      plainRecords: plain,
      scanInvoiceNumbers: (prefix, entries) => scanInvoiceNumbers(db, prefix, entries),
      readNumberPages: (starts, pagesEach) => readNumberPages(db, starts, pagesEach),
      close: () => db.close(),
      databaseName: db.name,
    },
    options,
  );
}
