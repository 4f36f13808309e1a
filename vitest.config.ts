import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (logic, no browser) and `browser` (Chromium against sites built once per run in
 * tests/browser/global-setup.ts). `npm test` runs both, two files at a time: Vitest's default on two cores is one,
 * which left a core idle while a browser file waited on Chromium.
 */
export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
