import { defineConfig } from 'vitest/config';

// End-to-end journeys in Debian Chromium (playwright-core). One file at a time: the machine has two
// cores and each file drives its own browser; timeouts are generous for a slow CI runner.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
