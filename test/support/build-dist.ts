import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { TEST_WORKERS, testWorkerPath } from './test-workers.ts';

/**
 * Vitest global setup: builds dist/ when it is missing or older than a source it is built
 * from, so the tests that spawn `ve` (bin/ve.mjs runs dist/) test the code as it is now; and
 * bundles the scripts tests run in their own process (`test-workers.ts`), so each spawn
 * starts plain node on one file instead of tsx transforming the sources again (~1.3 s of
 * CPU saved per spawn).
 */
export default async function buildDist(): Promise<void> {
  const script = fileURLToPath(new URL('../../scripts/build.mjs', import.meta.url));
  execFileSync(process.execPath, [script, '--if-stale'], { stdio: 'inherit' });
  await Promise.all(
    TEST_WORKERS.map((name) =>
      build({
        entryPoints: [fileURLToPath(new URL(`./${name}.ts`, import.meta.url))],
        outfile: testWorkerPath(name),
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        // Packages load from node_modules as in the app (better-sqlite3 is native).
        packages: 'external',
        logLevel: 'warning',
      }),
    ),
  );
}
