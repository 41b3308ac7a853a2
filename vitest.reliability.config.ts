import { defineConfig } from 'vitest/config';

// The reliability suite (issue 5): each test kills, closes, upgrades or starves a real Chromium and prints
// its figure. One file at a time: the machine has two cores and each file drives its own browser.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/reliability/**/*.reliability.ts'],
    globalSetup: ['tests/reliability/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
  },
});
