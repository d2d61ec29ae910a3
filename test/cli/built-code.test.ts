/**
 * The built `ve` (dist/, which bin/ve.mjs runs and the tests' global setup keeps fresh):
 * a command loads only its own code and packages, and the files the code reads at run time
 * (db/migrations, examples, the chart fonts) are found from dist/ as from the sources.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readZip, slideTexts } from '../qbr/read-zip.ts';
import { spawnVe } from '../support/spawn-ve.ts';
import { tempDir } from '../support/test-store.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LOG_IMPORTS = join(ROOT, 'test', 'support', 'log-imports.mjs');
const DIST_URL = pathToFileURL(join(ROOT, 'dist')).href + '/';
const DEMO_FILE = join(ROOT, 'examples', 'delta-corp.json');
const CASE = 'delta-corp-support-automation';
const tmp = tempDir('ve-built-');
afterAll(() => tmp.cleanup());

/**
 * The packages a `ve` run loaded, from its log of imports (VE_IMPORT_LOG): those imported from
 * node_modules, and those bundled into the dist/ files it loaded (esbuild marks each bundled
 * module with a `// node_modules/<package>/...` comment); and the dist/ files themselves.
 */
function loadedFrom(log: string): { packages: string[]; dist: string[] } {
  const urls = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  const packages = new Set(urls.flatMap((u) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u)?.[1] ?? []));
  const dist = urls.flatMap((u) => (u.startsWith(DIST_URL) && u.endsWith('.js') ? [u.slice(DIST_URL.length)] : []));
  for (const file of dist)
    for (const m of readFileSync(join(ROOT, 'dist', file), 'utf8').matchAll(/^\/\/ node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)) packages.add(m[1]!);
  return { packages: [...packages].sort(), dist };
}

/** Runs `node bin/ve.mjs ...argv` to its end with every import logged. */
function loaded(name: string, argv: string[]): { code: number | null; packages: string[]; dist: string[] } {
  const log = join(tmp.dir, `${name}.imports`);
  const r = spawnSync(process.execPath, ['--import', LOG_IMPORTS, join(ROOT, 'bin', 've.mjs'), ...argv], {
    encoding: 'utf8',
    env: { ...process.env, VE_IMPORT_LOG: log },
  });
  return { code: r.status, ...loadedFrom(log) };
}

/** The dist/ chunks named after a command (each command's own code), without their hash. */
const commandChunks = (dist: string[]): string[] =>
  dist.filter((f) => f.startsWith('chunks/') && !f.startsWith('chunks/chunk-')).map((f) => f.replace(/-\w+\.js$/, ''));

describe('the built ve', () => {
  it('ve --help loads commander and no command', () => {
    const help = loaded('help', ['--help']);
    expect(help.code).toBe(0);
    expect(help.packages).toEqual(['commander']);
    expect(commandChunks(help.dist)).toEqual([]);
  });

  it('ve summary loads the engine and zod, not the store, server, Slack, model or slide code', () => {
    const summary = loaded('summary', ['summary', DEMO_FILE, '--as-of', '2026-03']);
    expect(summary.code).toBe(0);
    expect(summary.packages).toEqual(['commander', 'zod']);
    // Chunks named after a command are that command's own code: only summary's is loaded.
    expect(commandChunks(summary.dist)).toEqual(['chunks/summary']);
  });

  it('ve serve on a fresh in-memory database: migrations, the demo seed, /healthz; no Slack or slide code loaded', async () => {
    const log = join(tmp.dir, 'serve.imports');
    const ve = spawnVe(['serve', '--no-token'], { PORT: '0', VE_DB: ':memory:', NODE_OPTIONS: `--import ${LOG_IMPORTS}`, VE_IMPORT_LOG: log });
    try {
      await ve.waitFor(/^seeded the demo business case 'Delta Corp – Support Automation' into workspace 'default'\n/m);
      const [, url] = await ve.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)\n/);
      const res = await fetch(`${url}/healthz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ok: true });
      const serve = loadedFrom(log);
      expect(commandChunks(serve.dist)).toEqual(['chunks/serve']);
      expect(serve.packages).toEqual(expect.arrayContaining(['better-sqlite3', 'drizzle-orm', 'hono', '@hono/node-server']));
      for (const lazy of ['@slack/bolt', 'pptxgenjs', '@resvg/resvg-js']) expect(serve.packages).not.toContain(lazy);
    } finally {
      ve.child.kill('SIGTERM');
      expect((await ve.exited).code).toBe(0);
    }
  });

  it('ve qbr on a fresh database (the demo seeded) writes a slide deck whose chart is drawn with the DejaVu fonts', async () => {
    const db = join(tmp.dir, 'qbr.db');
    const pptx = join(tmp.dir, 'champion.pptx');
    const qbr = spawnVe(['qbr', CASE, '--quarter', '2026-Q1', '--audience', 'champion', '--out', pptx, '--as-of', '2026-04'], {
      VE_DB: db,
      VE_PROVIDER: 'offline',
    });
    expect((await qbr.exited).code).toBe(0);
    expect(qbr.stdout()).toBe(`wrote ${pptx}\n`);
    const files = readZip(readFileSync(pptx));
    expect(slideTexts(files.get('ppt/slides/slide1.xml')!.toString('utf8'))).toContain('Quarterly Business Review, Q1 2026');
    expect([...files.keys()].some((k) => /^ppt\/media\/.+\.png$/.test(k))).toBe(true);
    // The slide carries its own legend only when no font could be found to draw the chart's.
    const chartSlide = slideTexts(files.get('ppt/slides/slide3.xml')!.toString('utf8'));
    expect(chartSlide).toEqual(expect.arrayContaining(['Realized to date', '$88,887']));
    expect(chartSlide).not.toContain('━ Realized');
  });

  it('bin/ve.mjs without dist/ says how to build it', () => {
    const bin = join(tmp.dir, 'no-build', 'bin');
    mkdirSync(bin, { recursive: true });
    copyFileSync(join(ROOT, 'bin', 've.mjs'), join(bin, 've.mjs'));
    const r = spawnSync(process.execPath, [join(bin, 've.mjs'), '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('ve: the built code is missing (dist/cli.js): run `npm run build` (npm install runs it too)\n');
  });
});
