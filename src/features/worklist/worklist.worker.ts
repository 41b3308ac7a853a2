/**
 * The worklist off the main thread. On `load` it reads every summary through the store, builds and sorts the
 * rows, and sends them to the page in pages: decoding 50,000 summaries, computing their rows and collecting
 * the garbage they leave all happen here, where they cannot freeze the page. It then stays with the search
 * keys and answers each `search` with the positions of the matching rows (names here, invoice numbers through
 * the database's index), so a keystroke costs the page a message and a screenful of rows, nothing more.
 * The page ends the worker when it no longer needs these rows.
 */
import type { CorruptRecord } from '../../storage/codec';
import { openCadenceDb } from '../../storage/db';
import { createCadenceStore } from '../../storage/store';
import { packRows, rowBuffers } from './row-columns';
import { debtorPositions, invoiceLookup, WorklistSearch, type DebtorPositions } from './search';
import { buildFromStore } from './worklist-builder';
import { KEY_SEPARATOR, KEYS_PER_MESSAGE, ROWS_PER_MESSAGE, type LoadRequest, type RowsPage, type SearchRequest, type WorkerMessage, type WorkerRequest } from './worklist-protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerMessage, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

/** Big chunks and no pause between them: nothing here competes with the page for its thread. */
const SUMMARY_CHUNK = 5_000;

// As on the page (src/app/boot.ts): a corrupt summary is skipped rather than hiding the whole worklist.
const reportCorrupt = (record: CorruptRecord) => console.warn('Skipped a corrupt record', record);

interface Loaded {
  search: WorklistSearch<DebtorPositions>;
  invoices: (query: string) => Promise<string[]>;
  store: ReturnType<typeof createCadenceStore>;
  keys: readonly string[];
}

let loaded: Promise<Loaded> | undefined;

async function load({ databaseName, today }: LoadRequest): Promise<Loaded> {
  // Kept open for the invoice lookups; it closes itself when another tab needs a newer version (storage/db.ts).
  const db = await openCadenceDb(databaseName, { onCorrupt: reportCorrupt });
  const store = createCadenceStore(db, {
    onCorrupt: reportCorrupt,
    summaryChunkSize: SUMMARY_CHUNK,
    yieldBetweenChunks: () => Promise.resolve(),
  });
  try {
    // Each chunk's rows are packed as soon as they are built, while the next chunk is read: after the last one
    // only their order is left to work out. They are sent then, not as they are packed: arriving during the
    // load, their text set off the page's garbage collector in the middle of it (60 and 127 ms at 4× CPU).
    const pages: RowsPage[] = [];
    const built = await buildFromStore(
      store,
      today,
      (n) => scope.postMessage({ kind: 'progress', loaded: n }),
      (rows) => {
        for (let i = 0; i < rows.length; i += ROWS_PER_MESSAGE) pages.push(packRows(rows.slice(i, i + ROWS_PER_MESSAGE)));
      },
    );
    for (const page of pages) scope.postMessage({ kind: 'rows', page }, rowBuffers(page));
    const order = built.order.slice();
    scope.postMessage({ kind: 'done', debtorCount: built.debtorCount, staleIds: built.staleIds, order }, [order.buffer]);
    return { search: new WorklistSearch(debtorPositions(built.rows), built.keys), invoices: invoiceLookup(store), store, keys: built.keys };
  } catch (error) {
    db.close();
    throw error;
  }
}

async function answer({ id, query }: SearchRequest): Promise<void> {
  if (!loaded) throw new Error('search before load');
  const { search, invoices } = await loaded;
  const indexes = search.matchIndexes(query, await invoices(query));
  if (!indexes) return scope.postMessage({ kind: 'matches', id, indexes: 'all' });
  const packed = Int32Array.from(indexes);
  scope.postMessage({ kind: 'matches', id, indexes: packed }, [packed.buffer]);
}

const fail = (error: unknown) => scope.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });

scope.onmessage = ({ data: request }) => {
  if (request.kind === 'load') {
    loaded ??= load(request);
    loaded.catch(fail);
    // Once the rows are sent, in a task of its own: what an invoice number's debtors need here, for the
    // searches asked before the page has the keys.
    loaded.then(({ search }) => setTimeout(() => search.preparePositions(), 0), () => undefined);
  } else if (request.kind === 'keys') {
    // The search keys, for the page to search on its own thread (a worker's answer waits for the frame after
    // a keystroke: two frames per key instead of one). A key holding the separator would shift every row
    // after it: then the worker keeps searching.
    void loaded?.then(({ keys }) => {
      if (keys.some((key) => key.includes(KEY_SEPARATOR))) return;
      for (let i = 0; i === 0 || i < keys.length; i += KEYS_PER_MESSAGE) {
        scope.postMessage({ kind: 'keys', joined: keys.slice(i, i + KEYS_PER_MESSAGE).join(KEY_SEPARATOR), last: i + KEYS_PER_MESSAGE >= keys.length });
      }
    }, () => undefined);
  } else {
    answer(request).catch((error: unknown) => {
      scope.postMessage({ kind: 'searchFailed', id: request.id, message: error instanceof Error ? error.message : String(error) });
    });
  }
};
