import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Vitest global setup: builds dist/ when it is missing or older than a source it is built
 * from, so the tests that spawn `ve` (bin/ve.mjs runs dist/) test the code as it is now.
 */
export default function buildDist(): void {
  const script = fileURLToPath(new URL('../../scripts/build.mjs', import.meta.url));
  execFileSync(process.execPath, [script, '--if-stale'], { stdio: 'inherit' });
}
