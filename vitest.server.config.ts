import { defineConfig } from 'vitest/config';

// The team server's tests: node only, against a real PostgreSQL cluster that global-setup starts and removes.
// server/test/sync-client.test.ts runs the app's sync engine (src/sync/client) against it, over fake-indexeddb.
export default defineConfig({
  test: {
    name: 'server',
    environment: 'node',
    include: ['server/test/**/*.test.ts'],
    globalSetup: ['server/test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
