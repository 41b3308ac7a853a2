import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';

// Pure layers run in node: jsdom start-up per file cost more than the tests themselves.
const DOM_TESTS = ['src/features/**/*.test.{ts,tsx}', 'src/app/**/*.test.{ts,tsx}', 'src/session/**/*.test.{ts,tsx}', 'src/ui/**/*.test.{ts,tsx}', 'src/**/*.test.tsx'];

export default defineConfig({
  plugins: [solid()],
  resolve: { conditions: ['development', 'browser'] },
  test: {
    setupFiles: ['tests/setup.ts'],
    server: { deps: { inline: [/solid-js/, /@solidjs/] } },
    projects: [
      { extends: true, test: { name: 'dom', environment: 'jsdom', include: DOM_TESTS } },
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          exclude: DOM_TESTS,
        },
      },
    ],
  },
});
