#!/usr/bin/env node
// `npm run build` (and `npm install`, through `prepare`): bundles the TypeScript of the `ve`
// command into dist/ with esbuild. No type checking here: that is `npm run typecheck`.
//
//   node scripts/build.mjs             build
//   node scripts/build.mjs --if-stale  build only when dist/ is missing or older than a
//                                      source it was built from (what `npm test` runs first)
//
// Output: dist/cli.js (the entry bin/ve.mjs imports) and dist/chunks/: every command is its
// own chunk, loaded only when that command runs. The ES-module packages in BUNDLED are bundled
// in; every other package is imported from node_modules as it is.
// Files read at run time (db/migrations, prompts, examples) are not copied: the code finds
// them from the project root (src/project-root.ts), which is the same from src/ and dist/.
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
/** What dist/ was built from: esbuild's list of inputs, written last, so its time is the build's. */
const INPUTS = join(DIST, 'inputs.json');
/** A change to these changes the output without being an input esbuild lists. */
const BUILD_FILES = ['scripts/build.mjs', 'package.json', 'package-lock.json'];
/**
 * Packages bundled into dist/ (a name ending in / is a scope). Each is ES modules only, in
 * hundreds of small files, whose resolution and loading one by one was a third of a server's
 * start-up. Native modules, CommonJS packages and Slack's Bolt stay in node_modules. A package
 * listed here must not also be imported by one that is not (it would run as two copies).
 */
const BUNDLED = ['zod', 'drizzle-orm', 'hono', '@hono/node-server', 'ai', '@ai-sdk/', '@opentelemetry/api', 'eventsource-parser', '@standard-schema/spec'];

/** esbuild plugin: every package import is external unless the package is in BUNDLED. */
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, ({ path }) => {
      const bundled = !path.startsWith('node:') && BUNDLED.some((p) => (p.endsWith('/') ? path.startsWith(p) : path === p || path.startsWith(`${p}/`)));
      return bundled ? undefined : { external: true };
    });
  },
};

/** Whether dist/ is missing, or any file it was built from is newer than the build (or gone). */
export function distIsStale() {
  if (!existsSync(INPUTS)) return true;
  const built = statSync(INPUTS).mtimeMs;
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(INPUTS, 'utf8'));
  } catch {
    return true;
  }
  return [...inputs, ...BUILD_FILES].some((file) => {
    const path = join(ROOT, file);
    return !existsSync(path) || statSync(path).mtimeMs > built;
  });
}

/** Builds dist/, then removes what an earlier build left that this one did not write. */
export async function buildDist() {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { cli: 'src/cli/main.ts' },
    outdir: DIST,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    plugins: [externalPackages],
    sourcemap: 'linked',
    sourcesContent: false,
    metafile: true,
    logLevel: 'warning',
  });
  // esbuild turns a require() in bundled code into a stub that throws when reached.
  const requiring = Object.keys(result.metafile.outputs).filter(
    (f) => f.endsWith('.js') && readFileSync(join(ROOT, f), 'utf8').includes('Dynamic require of "'),
  );
  if (requiring.length > 0) throw new Error(`build: bundled code calls require() (${requiring.join(', ')}): keep the package that does out of BUNDLED`);
  const written = new Set(Object.keys(result.metafile.outputs).map((f) => join(ROOT, f)));
  for (const file of readdirSync(DIST, { recursive: true, withFileTypes: true })) {
    const path = join(file.parentPath ?? file.path, file.name);
    if (file.isFile() && !written.has(path)) rmSync(path);
  }
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules/'));
  writeFileSync(INPUTS, `${JSON.stringify(inputs, null, 2)}\n`);
  return { inputs: inputs.length, outputs: written.size };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  if (args.some((a) => a !== '--if-stale')) {
    console.error(`build: unknown option ${args.find((a) => a !== '--if-stale')} (only --if-stale)`);
    process.exit(2);
  }
  if (args.includes('--if-stale') && !distIsStale()) process.exit(0);
  const started = performance.now();
  const { inputs, outputs } = await buildDist();
  console.log(`built ${relative(process.cwd(), DIST) || 'dist'}/: ${inputs} sources, ${outputs} files, ${Math.round(performance.now() - started)} ms`);
}
