import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          // In-process only: no child processes, no builds, no browser.
          name: 'unit',
          include: [
            'tests/*.test.ts',
            'tests/reading/**/*.test.ts',
            'tests/pipeline/**/*.test.ts',
            'tests/site/**/*.test.ts',
            'tests/import/**/*.test.ts',
            'tests/styles/**/*.test.ts',
          ],
        },
      },
      {
        // The commands (npm run import, npm run check-edition), each test running one in a child process.
        test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], testTimeout: 120_000 },
      },
      {
        // Each test here runs `astro build` on a throwaway copy of the project.
        test: { name: 'build', include: ['tests/build/**/*.test.ts'], testTimeout: 180_000 },
      },
      {
        // Real Chromium against the built site, served as a static host would.
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
