#!/usr/bin/env node
// The `ve` command: runs the built CLI in dist/ (`npm install` builds it; so does `npm run build`).
let cli;
try {
  cli = await import('../dist/cli.js');
} catch (e) {
  if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !String(e.message).includes('dist/cli.js')) throw e;
  process.stderr.write('ve: the built code is missing (dist/cli.js): run `npm run build` (npm install runs it too)\n');
  process.exit(1);
}
process.exitCode = await cli.main(process.argv.slice(2));
