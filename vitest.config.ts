import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Builds dist/ first when it is stale: the tests that spawn `ve` run the built code.
    globalSetup: ['test/support/build-dist.ts'],
    // The JSON report is what `.ci/run` counts (vitest's console summary is not read by CI).
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
