import { defineConfig } from 'vitest/config';

/**
 * The browser suite (`npm run test:browser`, run by `.ci/run` after `npm test`): the web
 * workspace driven in real headless Chromium (Debian's `chromium`, `/usr/bin/chromium`) with
 * playwright-core. Its files end in `.browser.ts`, so `npm test` (`test/**\/*.test.ts`) never
 * picks them up. One process, files one after another: each starts a server and a browser.
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/browser/**/*.browser.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
    // One test spawns `ve serve`, which runs the built code.
    globalSetup: ['test/support/build-dist.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest-browser.json' },
  },
});
