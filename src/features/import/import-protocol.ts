/** Messages between the import screen and its reading worker (./import.worker.ts). */
import type { FileReading, ReadOptions } from '../../domain/import/read-file';

export interface ReadRequest {
  /** The file's bytes, transferred (not copied) to the worker. */
  bytes: ArrayBuffer;
  options: ReadOptions;
}

export type ReadMessage =
  /** Rows split so far. */
  | { kind: 'progress'; rows: number }
  | { kind: 'done'; reading: FileReading }
  /** A bug, not a bad file: bad files come back as a `FileReading` with errors. */
  | { kind: 'failed'; message: string };
