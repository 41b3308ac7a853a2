/**
 * One import writes at a time, across tabs: its worker holds the `cadence-import` Web Lock from staging to
 * the end of the switch. The lock dies with the tab (or the killed browser), so leftover staging can be
 * told from an import another tab is writing right now: only the first may be discarded.
 */
import { discardUnfinishedImports } from '../../storage/import-commit';
import type { Records } from '../../storage/records';

export const IMPORT_LOCK = 'cadence-import';

interface LockManagerLike {
  request<T>(name: string, options: { ifAvailable?: boolean }, work: (lock: unknown) => Promise<T>): Promise<T>;
}

const lockManager = (): LockManagerLike | undefined => (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;

/** Runs `work` holding the import lock, waiting for another tab's import to finish first. */
export function withImportLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = lockManager();
  return locks ? locks.request(IMPORT_LOCK, {}, () => work()) : work();
}

/**
 * Drops the staging a killed or closed tab left behind, unless an import is being written right now (then
 * that import's own start discards it). Resolves to the number of imports discarded.
 */
export function discardLeftoverImports(records: Records): Promise<number> {
  const locks = lockManager();
  if (!locks) return discardUnfinishedImports(records);
  return locks.request(IMPORT_LOCK, { ifAvailable: true }, (lock) => (lock ? discardUnfinishedImports(records) : Promise.resolve(0)));
}
