/**
 * The IndexedDB implementation of CadenceStore: the shared operations (./record-store.ts) over IndexedDB
 * records (./idb-records.ts), with the invoice-number search through the number pages (./number-pages.ts).
 */
import type { CadenceStore, NumberPagesRead } from './api';
import type { CadenceDatabase } from './db';
import { INVOICE_NUMBER_PAGES } from './invoice-blocks';
import { asPage, pagesFrom } from './number-pages';
import { capturingRecords } from './outbox-capture';
import { plainIdbRecords } from './idb-records';
import { createRecordStore, type CadenceStoreOptions } from './record-store';

export { preloadStorage, type CadenceStoreOptions, type StorageModule } from './record-store';

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
      readNumberPages: (starts, pagesEach) => readNumberPages(db, starts, pagesEach),
      close: () => db.close(),
      databaseName: db.name,
    },
    options,
  );
}
