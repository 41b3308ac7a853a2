/**
 * Transaction helpers shared by the store and its call records: every failure comes out as a StorageError,
 * and a read-write transaction commits only when all of its work succeeded.
 */
import { toStorageError } from './errors';
import type { WriteOptions } from './records';

export const noop = (): void => undefined;

/** For writes the agent is told are saved: they must survive a crash of the browser, not only of the tab. */
export const DURABLE: WriteOptions = { durable: true };

export async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toStorageError(e);
  }
}

/**
 * Runs `work` in a read-write transaction and commits only if it succeeds. Anything thrown — a rejected
 * request, a synchronous DataError from put(), a not-found check — aborts the transaction, otherwise
 * IndexedDB would auto-commit the writes already queued.
 */
export async function commitOrAbort<Tx extends { abort(): void; done: Promise<void> }>(tx: Tx, work: (tx: Tx) => Promise<void>): Promise<void> {
  tx.done.catch(noop);
  try {
    await work(tx);
  } catch (e) {
    try {
      tx.abort();
    } catch {
      // The transaction already aborted on its own (a failed request does that).
    }
    throw e;
  }
  await tx.done;
}
