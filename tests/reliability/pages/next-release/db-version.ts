/**
 * The next release's database version (one above the shipped one), substituted for src/storage/db-version.ts
 * everywhere but in the shipped upgrades module, which must keep its own history (see ./vite.config.ts).
 */
import { DB_VERSION as SHIPPED_DB_VERSION } from '../../../../src/storage/db-version';

export const DB_VERSION = SHIPPED_DB_VERSION + 1;
