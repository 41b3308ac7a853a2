/**
 * The IndexedDB version this app opens. Apart from ./upgrades.ts (which must bump it with each new step, and
 * re-exports it), so that opening a database already at this version does not load the upgrade code at all.
 */
export const DB_VERSION = 12;
