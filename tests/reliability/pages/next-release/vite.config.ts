/**
 * The app exactly as vite.config.ts builds it, except that src/storage/upgrades.ts resolves to ./upgrades.ts
 * (one more database version). Built by tests/reliability/build.ts.
 */
import { fileURLToPath } from 'node:url';
import { mergeConfig, type Plugin } from 'vite';
import app from '../../../../vite.config';

const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
const SHIPPED = fileURLToPath(new URL('../../../../src/storage/upgrades.ts', import.meta.url));
const NEXT = fileURLToPath(new URL('./upgrades.ts', import.meta.url));

function nextRelease(): Plugin {
  return {
    name: 'cadence-reliability-next-release',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || importer === NEXT) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === SHIPPED ? NEXT : null;
    },
  };
}

export default mergeConfig(app, { root: ROOT, plugins: [nextRelease()] });
