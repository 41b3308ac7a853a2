/**
 * The app exactly as vite.config.ts builds it, except that src/storage/upgrades.ts resolves to ./upgrades.ts
 * (one more database version) and src/storage/db-version.ts, which the app opens its database with, to
 * ./db-version.ts (that version). The shipped upgrades keep the shipped version: the next ones build on it.
 * Built by tests/reliability/build.ts.
 */
import { fileURLToPath } from 'node:url';
import { mergeConfig, type Plugin } from 'vite';
import app from '../../../../vite.config';

const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
const SHIPPED = fileURLToPath(new URL('../../../../src/storage/upgrades.ts', import.meta.url));
const NEXT = fileURLToPath(new URL('./upgrades.ts', import.meta.url));
const SHIPPED_VERSION = fileURLToPath(new URL('../../../../src/storage/db-version.ts', import.meta.url));
const NEXT_VERSION = fileURLToPath(new URL('./db-version.ts', import.meta.url));

function nextRelease(): Plugin {
  return {
    name: 'cadence-reliability-next-release',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || importer === NEXT || importer === NEXT_VERSION) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (resolved?.id === SHIPPED) return NEXT;
      if (resolved?.id === SHIPPED_VERSION && importer !== SHIPPED) return NEXT_VERSION;
      return null;
    },
  };
}

export default mergeConfig(app, { root: ROOT, plugins: [nextRelease()] });
