/**
 * Reads an import file off the main thread: decoding, papaparse's split and the row checks of 100,000 rows
 * would otherwise freeze the page for seconds. papaparse runs here, inside our own module worker, never with
 * its `worker: true` option, which breaks in Vite 8 builds (papaparse issues #1122, #1145).
 */
import { handleReadRequest } from './import-worker-core';
import type { ReadMessage, ReadRequest } from './import-protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ReadRequest>) => void) | null;
  postMessage(message: ReadMessage): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => handleReadRequest(event.data, (message) => scope.postMessage(message));
