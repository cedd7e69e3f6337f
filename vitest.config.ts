import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Two files at a time, whatever the machine (Vitest's default is one fewer than its cores: one, on CI's two). Most of
    // the run is waiting on Chromium and on builds, so the second file fills the time the first one waits.
    maxWorkers: 2,
    projects: [
      {
        test: {
          // In-process only: no child processes, no builds, no browser.
          name: 'unit',
          // One module graph per worker, not per file: importing Astro, unified and jsdom again for each file was most of
          // the run. So no unit test may mock modules or leave state behind (timers, env, cwd, globals).
          isolate: false,
          // ...and should one forget, its spies, stubbed env vars and globals are put back before the next test.
          restoreMocks: true,
          unstubEnvs: true,
          unstubGlobals: true,
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
        // The commands (npm run import, npm run check-edition): most cases through their `main` in this process, a few as a child process.
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
