/**
 * Loads the worklist off the main thread: reads every summary through the store, builds and sorts the rows,
 * then sends them to the page in pages. Decoding 50,000 summaries from IndexedDB, computing their rows and
 * collecting the garbage they leave all happen here, where they cannot freeze the page. The worker opens the
 * page's database by name for one load and closes it.
 */
import type { CorruptRecord } from '../../storage/codec';
import { openCadenceDb } from '../../storage/db';
import { createCadenceStore } from '../../storage/store';
import { packStrings } from './row-source';
import { buildFromStore } from './worklist-builder';
import { ROWS_PER_MESSAGE, type LoadMessage, type LoadRequest, type RowsPage } from './worklist-protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<LoadRequest>) => void) | null;
  postMessage(message: LoadMessage, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

/** Big chunks and no pause between them: nothing here competes with the page for its thread. */
const SUMMARY_CHUNK = 5_000;

// As on the page (src/app/boot.ts): a corrupt summary is skipped rather than hiding the whole worklist.
const reportCorrupt = (record: CorruptRecord) => console.warn('Skipped a corrupt record', record);

async function load({ databaseName, today }: LoadRequest): Promise<void> {
  const db = await openCadenceDb(databaseName, { onCorrupt: reportCorrupt });
  try {
    const store = createCadenceStore(db, {
      onCorrupt: reportCorrupt,
      summaryChunkSize: SUMMARY_CHUNK,
      yieldBetweenChunks: () => Promise.resolve(),
    });
    const built = await buildFromStore(store, today, (loaded) => scope.postMessage({ kind: 'progress', loaded }));
    for (let i = 0; i < built.rows.length; i += ROWS_PER_MESSAGE) {
      const rows = built.rows.slice(i, i + ROWS_PER_MESSAGE);
      const page: RowsPage = {
        debtorIds: packStrings(rows.map((r) => r.debtorId)),
        keys: packStrings(built.keys.slice(i, i + ROWS_PER_MESSAGE)),
        rows: packStrings(rows.map((r) => JSON.stringify(r))),
      };
      scope.postMessage({ kind: 'rows', page }, [page.debtorIds.ends.buffer, page.keys.ends.buffer, page.rows.ends.buffer]);
    }
    scope.postMessage({ kind: 'done', debtorCount: built.debtorCount, staleIds: built.staleIds });
  } finally {
    db.close();
  }
}

scope.onmessage = (event) => {
  load(event.data).catch((error: unknown) => {
    scope.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  });
};
