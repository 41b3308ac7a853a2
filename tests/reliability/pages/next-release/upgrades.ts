/**
 * The database history as the next release would ship it: every shipped step unchanged, plus one more
 * version. Substituted for src/storage/upgrades.ts in the app built by ./vite.config.ts, so the R5 test
 * can open the app's database at a higher version while an older tab still holds it, as a real update does.
 */
import * as shipped from '../../../../src/storage/upgrades';
import type { UpgradeContext, UpgradeStep } from '../../../../src/storage/upgrades';

export type { UpgradeContext, UpgradeStep, UpgradeTransaction } from '../../../../src/storage/upgrades';

export const NEXT_STORE = 'reliability_next';

/** A new store and a new index on an existing store: schema work only, like most upgrades. */
function createNext({ db, tx }: UpgradeContext): void {
  (db as unknown as IDBDatabase).createObjectStore(NEXT_STORE, { keyPath: 'id' });
  (tx.objectStore('calls') as unknown as IDBObjectStore).createIndex('updatedAt', 'updatedAt');
}

export const DB_VERSION = shipped.DB_VERSION + 1;
export const UPGRADE_STEPS: readonly UpgradeStep[] = [...shipped.UPGRADE_STEPS, { version: DB_VERSION, apply: createNext }];

export function applyUpgrades(ctx: UpgradeContext, oldVersion: number, newVersion: number): Promise<void> {
  return shipped.applyUpgrades(ctx, oldVersion, Math.min(newVersion, shipped.DB_VERSION)).then(() => {
    if (oldVersion < DB_VERSION && newVersion >= DB_VERSION) createNext(ctx);
  });
}
