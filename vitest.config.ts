import { defineConfig } from 'vitest/config';

/**
 * Two projects: the pure suites (engine, name resolution, errors, the layer rules) run in
 * worker threads, which start faster than processes; the suites that open stores, spawn
 * `ve`, bind sockets or drive Slack and HTTP run in forked processes, each file isolated.
 */
const PURE = ['test/engine/**/*.test.ts', 'test/resolve/**/*.test.ts', 'test/errors/**/*.test.ts', 'test/architecture/**/*.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Builds dist/ first when it is stale: the tests that spawn `ve` run the built code.
    globalSetup: ['test/support/build-dist.ts'],
    // The JSON report is what `.ci/run` counts (vitest's console summary is not read by CI).
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    projects: [
      { extends: true, test: { name: 'pure', include: PURE, pool: 'threads' } },
      // Every other suite, so a new folder of tests is never left out.
      { extends: true, test: { name: 'process', include: ['test/**/*.test.ts'], exclude: PURE, pool: 'forks' } },
    ],
  },
});
