/**
 * Reads a file in a fresh module worker, with progress and cancel; the worker is gone when this settles.
 * Cancelling terminates the worker at once (a sync parse cannot be interrupted any other way) and rejects
 * with an AbortError. Where workers are missing (tests, old engines), the same read runs on this thread.
 */
import { readImportFile, type FileReading, type ReadOptions } from '../../domain/import/read-file';
import type { ReadMessage, ReadRequest } from './import-protocol';

/** The part of a Worker this uses, so tests can stand in for one. */
export interface WorkerLike {
  onmessage: ((event: MessageEvent<ReadMessage>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: ReadRequest, transfer: Transferable[]): void;
  terminate(): void;
}

const createReadWorker = (): WorkerLike => new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });

export interface ReadControls {
  onProgress?: (rows: number) => void;
  signal?: AbortSignal;
  createWorker?: () => WorkerLike;
}

const aborted = () => new DOMException('Import cancelled', 'AbortError');

export function readInWorker(bytes: ArrayBuffer, options: ReadOptions, controls: ReadControls = {}): Promise<FileReading> {
  const { onProgress, signal } = controls;
  if (signal?.aborted) return Promise.reject(aborted());
  const create = controls.createWorker ?? (typeof Worker === 'function' ? createReadWorker : undefined);
  if (!create) return Promise.resolve(readImportFile(new Uint8Array(bytes), options, onProgress));
  return new Promise((resolve, reject) => {
    const worker = create();
    const settle = (outcome: () => void) => {
      worker.onmessage = null;
      worker.onerror = null;
      signal?.removeEventListener('abort', onAbort);
      worker.terminate();
      outcome();
    };
    const onAbort = () => settle(() => reject(aborted()));
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = ({ data: message }) => {
      if (message.kind === 'progress') onProgress?.(message.rows);
      else if (message.kind === 'done') settle(() => resolve(message.reading));
      else settle(() => reject(new Error(message.message)));
    };
    worker.onerror = (event) => settle(() => reject(new Error(event.message || 'import worker failed to start')));
    worker.postMessage({ bytes, options }, [bytes]);
  });
}
