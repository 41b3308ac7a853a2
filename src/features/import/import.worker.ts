/**
 * The import's module worker: reads the file (decoding, papaparse's split and the row checks of 100,000 rows),
 * plans it against the database and writes it, all off the page's thread, which only shows progress.
 * papaparse runs here, inside our own module worker, never with its `worker: true` option, which breaks in
 * Vite 8 builds (papaparse issues #1122, #1145). IndexedDB is reached through storage/, as everywhere.
 */
import { createImportCore } from './import-worker-core';
import type { ImportMessage, ImportRequest } from './import-protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ImportRequest>) => void) | null;
  postMessage(message: ImportMessage): void;
}
const scope = self as unknown as WorkerScope;
const core = createImportCore((message) => scope.postMessage(message));

scope.onmessage = (event) => core.handle(event.data);
