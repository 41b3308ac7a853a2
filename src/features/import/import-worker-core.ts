/** What the reading worker does with one request, apart from `self` so a test can drive it. */
import { readImportFile } from '../../domain/import/read-file';
import type { ReadMessage, ReadRequest } from './import-protocol';

export function handleReadRequest(request: ReadRequest, post: (message: ReadMessage) => void): void {
  try {
    const reading = readImportFile(new Uint8Array(request.bytes), request.options, (rows) => post({ kind: 'progress', rows }));
    post({ kind: 'done', reading });
  } catch (error) {
    post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}
