import { fileURLToPath } from 'node:url';

/** The scripts tests run in a process of their own, bundled by the global setup (`build-dist.ts`). */
export const TEST_WORKERS = ['store-worker', 'formula-cache-heap'] as const;

/**
 * Where the global setup bundles a test worker: under node_modules/.cache, inside the project
 * so that its packages resolve from node_modules (and the project root is found as in dist/).
 */
export function testWorkerPath(name: (typeof TEST_WORKERS)[number]): string {
  return fileURLToPath(new URL(`../../node_modules/.cache/ve-test/${name}.mjs`, import.meta.url));
}
