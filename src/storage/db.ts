/**
 * Opening the Cadence database. A connection never stands in the way of an upgrade: when another tab (with a
 * newer app) asks for a higher version, this connection closes itself and tells the app, which saves what it
 * can and asks the user to reload.
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { CorruptHandler } from './codec';
import { StorageError, toStorageError } from './errors';
import type { CadenceDB } from './schema';
import { DB_VERSION } from './db-version';

export { DB_VERSION } from './db-version';
export type { UpgradeContext, UpgradeStep } from './upgrades';

type Upgrades = typeof import('./upgrades');
let upgradesModule: Promise<Upgrades> | undefined;
// The upgrade steps and the schemas their backfills read are needed only by a database older than this app:
// a returning visit, nearly every open, does without them.
const loadUpgrades = () => (upgradesModule ??= import('./upgrades'));

/** Whether the stored database is missing or older than DB_VERSION; true when the browser cannot tell. */
async function mayNeedUpgrade(name: string): Promise<boolean> {
  try {
    const found = (await indexedDB.databases()).find((d) => d.name === name);
    return found?.version === undefined || found.version < DB_VERSION;
  } catch {
    return true;
  }
}

/** The upgrade callback ran without the upgrade code (the database changed after the check): open again with it. */
class UpgradeCodeMissing extends Error {}

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

/** The database the app opens unless told otherwise (tests and the bench use their own). */
export const DEFAULT_DB_NAME = 'cadence';

export async function openCadenceDb(name = DEFAULT_DB_NAME, hooks: DbHooks = {}): Promise<CadenceDatabase> {
  const upgrades = (await mayNeedUpgrade(name)) ? await loadUpgrades() : undefined;
  try {
    return await openWith(name, hooks, upgrades);
  } catch (e) {
    if (!(e instanceof UpgradeCodeMissing)) throw e;
    return openWith(name, hooks, await loadUpgrades());
  }
}

async function openWith(name: string, hooks: DbHooks, upgrades: Upgrades | undefined): Promise<CadenceDatabase> {
  let upgradeFailure: unknown;
  try {
    return await openDB<CadenceDB>(name, DB_VERSION, {
      upgrade(db, oldVersion, newVersion, tx) {
        if (!upgrades) {
          // Aborting leaves the database as it was; the caller opens again with the steps loaded.
          upgradeFailure = new UpgradeCodeMissing(`Opening ${name} needs its upgrade steps`);
          tx.done.catch(() => undefined);
          tx.abort();
          return;
        }
        const ctx = hooks.onCorrupt ? { db, tx, onCorrupt: hooks.onCorrupt } : { db, tx };
        upgrades.applyUpgrades(ctx, oldVersion, newVersion ?? DB_VERSION).catch((e: unknown) => {
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
    if (upgradeFailure instanceof UpgradeCodeMissing) throw upgradeFailure;
    throw toStorageError(upgradeFailure ?? e);
  }
}
