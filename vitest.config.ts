import { defineConfig } from 'vitest/config';

/**
 * Two projects: the pure suites (engine, name resolution, errors, the layer rules) run in
 * worker threads, which start faster than processes; the suites that open stores, spawn
 * `ve`, bind sockets or drive Slack and HTTP run in forked processes.
 *
 * Neither isolates files from each other (`isolate: false`): a worker imports the module
 * graph (the ai SDK, hono, drizzle, the engine...) once rather than once per file, which was
 * two thirds of the suite's CPU time. That is safe because no test file changes module
 * state another reads: every store, server, model and temp folder is made per test, and
 * the environment variables `runVe` sets are restored (see docs/benchmarks.md, "test run").
 *
 * Two workers even on two cores: many suites wait on a spawned `ve` or a socket, and
 * vitest's default there (cores - 1) leaves one core idle while they wait.
 */
const PURE = ['test/engine/**/*.test.ts', 'test/resolve/**/*.test.ts', 'test/errors/**/*.test.ts', 'test/architecture/**/*.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    maxWorkers: 2,
    // Builds dist/ first when it is stale: the tests that spawn `ve` run the built code.
    globalSetup: ['test/support/build-dist.ts'],
    // The JSON report is what `.ci/run` counts (vitest's console summary is not read by CI).
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    projects: [
      { extends: true, test: { name: 'pure', include: PURE, pool: 'threads', isolate: false } },
      // Every other suite, so a new folder of tests is never left out.
      { extends: true, test: { name: 'process', include: ['test/**/*.test.ts'], exclude: PURE, pool: 'forks', isolate: false } },
    ],
  },
});
