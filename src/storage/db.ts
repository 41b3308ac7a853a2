/**
 * Opening the Cadence database. A connection never stands in the way of an upgrade: when another tab (with a
 * newer app) asks for a higher version, this connection closes itself and tells the app, which saves what it
 * can and asks the user to reload.
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { CorruptHandler } from './codec';
import { StorageError, toStorageError } from './errors';
import type { CadenceDB } from './schema';
import { DB_VERSION, applyUpgrades } from './upgrades';

export { DB_VERSION, UPGRADE_STEPS, applyUpgrades, type UpgradeContext, type UpgradeStep } from './upgrades';

export type CadenceDatabase = IDBPDatabase<CadenceDB>;

export interface DbHooks {
  /**
   * This connection has just closed itself because another tab needs a newer version (or deletes the
   * database). Every later store call fails with a `closed` StorageError: save state and ask for a reload.
   */
  onVersionChange?(): void;
  /**
   * Opening waits on another tab that still holds an older connection and did not close it. The open
   * completes by itself once that tab closes; meanwhile tell the user (the error's kind is `blocked`).
   */
  onBlocked?(error: StorageError): void;
  /** The browser closed the connection abnormally (e.g. storage cleared from the browser's settings). */
  onTerminated?(): void;
  /** Records found corrupt while an upgrade backfills data; they stay on disk untouched. */
  onCorrupt?: CorruptHandler;
}

export async function openCadenceDb(name = 'cadence', hooks: DbHooks = {}): Promise<CadenceDatabase> {
  let upgradeFailure: unknown;
  try {
    return await openDB<CadenceDB>(name, DB_VERSION, {
      upgrade(db, oldVersion, newVersion, tx) {
        const ctx = hooks.onCorrupt ? { db, tx, onCorrupt: hooks.onCorrupt } : { db, tx };
        applyUpgrades(ctx, oldVersion, newVersion ?? DB_VERSION).catch((e: unknown) => {
          upgradeFailure = e;
        });
      },
      blocked(currentVersion, blockedVersion) {
        hooks.onBlocked?.(
          new StorageError('blocked', `Opening version ${blockedVersion ?? DB_VERSION} waits for a connection at version ${currentVersion}`, {
            store: name,
          }),
        );
      },
      blocking(_currentVersion, _blockedVersion, event) {
        (event.target as IDBDatabase).close();
        hooks.onVersionChange?.();
      },
      terminated() {
        hooks.onTerminated?.();
      },
    });
  } catch (e) {
    throw toStorageError(upgradeFailure ?? e);
  }
}
