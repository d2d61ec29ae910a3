/**
 * The engine is pure (contract: "Never evaluate formulas with eval or new Function"; issue:
 * "a test that fails if anything under src/engine/ imports from outside it (or ai, hono,
 * @slack/bolt, drizzle-orm, node:fs, the clock)"). Every file under `src/engine/` is parsed
 * with the TypeScript compiler, so imports (static, dynamic, re-exports, `import type`,
 * `require`) and forbidden globals are found in code, never in comments or strings.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ENGINE = resolve('src/engine');
const SOURCE_EXTENSIONS = new Set(['.ts', '.mts', '.cts', '.tsx', '.js', '.mjs', '.cjs', '.jsx']);

/** Bare package specifiers the engine may import: zod only. */
function allowedPackage(specifier: string): boolean {
  return specifier === 'zod' || specifier.startsWith('zod/');
}

/** Globals that reach the clock, randomness, the process or dynamic code. */
const FORBIDDEN_GLOBALS = new Set([
  'Date',
  'process',
  'eval',
  'Function',
  'require',
  'globalThis',
  'global',
  'window',
  'performance',
  'crypto',
  'setTimeout',
  'setInterval',
  'setImmediate',
  'queueMicrotask',
  'fetch',
  'Buffer',
  '__dirname',
  '__filename',
]);

interface Violation {
  line: number;
  what: string;
}

function walkFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walkFiles(path) : [path];
  });
}

/** Is this identifier in a position where it names a property, not a variable? */
function isPropertyName(node: ts.Identifier): boolean {
  const p = node.parent;
  if (!p) return false;
  if (ts.isPropertyAccessExpression(p) && p.name === node) return true;
  if (ts.isQualifiedName(p) && p.right === node) return true;
  if (
    (ts.isPropertyAssignment(p) ||
      ts.isPropertyDeclaration(p) ||
      ts.isPropertySignature(p) ||
      ts.isMethodDeclaration(p) ||
      ts.isMethodSignature(p) ||
      ts.isGetAccessor(p) ||
      ts.isSetAccessor(p) ||
      ts.isEnumMember(p)) &&
    p.name === node
  )
    return true;
  if (ts.isBindingElement(p) && p.propertyName === node) return true;
  if ((ts.isImportSpecifier(p) || ts.isExportSpecifier(p)) && p.propertyName === node) return true;
  if (ts.isLabeledStatement(p) || ts.isBreakOrContinueStatement(p)) return true;
  return false;
}

/**
 * Everything impure in one source text: imports leaving the engine directory (other than
 * zod), and uses of forbidden globals or `Math.random`.
 */
function findViolations(fileName: string, text: string, engineDir: string): Violation[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: Violation[] = [];
  const at = (node: ts.Node, what: string): void => {
    out.push({ line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, what });
  };
  const checkSpecifier = (node: ts.Node, specifierNode: ts.Expression | undefined, how: string): void => {
    if (!specifierNode) return;
    if (!ts.isStringLiteralLike(specifierNode)) {
      at(node, `${how} with a computed specifier`);
      return;
    }
    const spec = specifierNode.text;
    if (spec.startsWith('.') || spec.startsWith('/') || spec.startsWith('file:')) {
      const target = spec.startsWith('file:') ? new URL(spec).pathname : resolve(dirname(fileName), spec);
      if (target !== engineDir && !target.startsWith(engineDir + sep)) at(node, `${how} '${spec}' leaves src/engine`);
      return;
    }
    if (!allowedPackage(spec)) at(node, `${how} '${spec}' (only zod is allowed)`);
  };

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) checkSpecifier(node, node.moduleSpecifier, 'import');
    else if (ts.isExportDeclaration(node)) checkSpecifier(node, node.moduleSpecifier, 'export from');
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      checkSpecifier(node, node.moduleReference.expression, 'import = require');
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      if (node.arguments.length === 0) at(node, 'dynamic import without a specifier');
      checkSpecifier(node, node.arguments[0], 'dynamic import');
    } else if (ts.isImportTypeNode(node)) {
      const arg = node.argument;
      if (ts.isLiteralTypeNode(arg)) checkSpecifier(node, arg.literal as ts.Expression, 'import type');
    } else if (ts.isMetaProperty(node) && node.keywordToken === ts.SyntaxKind.ImportKeyword) {
      at(node, 'import.meta');
    } else if (ts.isIdentifier(node) && FORBIDDEN_GLOBALS.has(node.text) && !isPropertyName(node)) {
      at(node, `uses ${node.text}`);
    } else if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Math' && node.name.text === 'random') {
      at(node, 'uses Math.random');
    } else if (
      ts.isElementAccessExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'Math' &&
      (!ts.isStringLiteralLike(node.argumentExpression) || node.argumentExpression.text === 'random')
    ) {
      at(node, 'uses Math[...] (possibly Math.random)');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

function engineSources(): Array<{ file: string; text: string }> {
  return walkFiles(ENGINE)
    .filter((f) => SOURCE_EXTENSIONS.has(extname(f)))
    .map((file) => ({ file, text: readFileSync(file, 'utf8') }));
}

describe('src/engine is pure', () => {
  const sources = engineSources();

  it('the engine has source files to check (the scan is not vacuous)', () => {
    expect(sources.length).toBeGreaterThanOrEqual(10);
    expect(sources.some((s) => relative(ENGINE, s.file) === 'index.ts')).toBe(true);
  });

  it('no file imports anything outside src/engine except zod, and none uses the clock, randomness, the process or dynamic code', () => {
    const report = sources.flatMap(({ file, text }) =>
      findViolations(file, text, ENGINE).map((v) => `src/engine/${relative(ENGINE, file)}:${v.line}: ${v.what}`),
    );
    expect(report).toEqual([]);
  });

  it('no other kinds of files hide code under src/engine', () => {
    const others = walkFiles(ENGINE).filter((f) => !SOURCE_EXTENSIONS.has(extname(f)) && extname(f) !== '.md');
    expect(others.map((f) => relative(ENGINE, f))).toEqual([]);
  });
});

describe('the purity checker itself catches what it must', () => {
  const file = join(ENGINE, 'formula', 'example.ts');
  const check = (text: string): string[] => findViolations(file, text, ENGINE).map((v) => v.what);

  it.each([
    ["import { generateText } from 'ai';", 'ai'],
    ["import { Hono } from 'hono';", 'hono'],
    ["import { App } from '@slack/bolt';", '@slack/bolt'],
    ["import { sql } from 'drizzle-orm';", 'drizzle-orm'],
    ["import Database from 'better-sqlite3';", 'better-sqlite3'],
    ["import { readFileSync } from 'node:fs';", 'node:fs'],
    ["import * as fs from 'fs';", 'fs'],
    ["import path from 'node:path';", 'node:path'],
    ["import type { Foo } from 'hono';", 'hono'],
    ["export { x } from 'node:os';", 'node:os'],
    ["export * from '../../cli/main.ts';", '../../cli/main.ts'],
    ["import { x } from '../../db/schema.ts';", '../../db/schema.ts'],
    ["import { x } from '../../src/engine-helpers/x.ts';", '../../src/engine-helpers/x.ts'],
    ["const m = await import('node:fs');", 'node:fs'],
    ["const m = await import('../../tools/x.ts');", '../../tools/x.ts'],
    ["type T = import('hono').Context;", 'hono'],
    ["import fs = require('fs');", 'fs'],
  ])('flags %s', (text, specifier) => {
    const found = check(text);
    expect(found.length).toBeGreaterThan(0);
    expect(found.join('\n')).toContain(specifier);
  });

  it.each([
    ['const now = Date.now();', 'Date'],
    ['const d = new Date();', 'Date'],
    ['const r = Math.random();', 'Math.random'],
    ["const r = Math['random']();", 'Math'],
    ['const e = process.env.X;', 'process'],
    ['const v = eval("1 + 1");', 'eval'],
    ['const f = new Function("return 1");', 'Function'],
    ['const f = Function("return 1");', 'Function'],
    ['const t = globalThis.Date;', 'globalThis'],
    ['const t = performance.now();', 'performance'],
    ['const id = crypto.randomUUID();', 'crypto'],
    ["const fs = require('fs');", 'require'],
    ['const m = await import(name);', 'computed'],
    ['const u = import.meta.url;', 'import.meta'],
    ['setTimeout(() => 1, 0);', 'setTimeout'],
  ])('flags %s', (text, what) => {
    const found = check(text);
    expect(found.length).toBeGreaterThan(0);
    expect(found.join('\n')).toContain(what);
  });

  it.each([
    "import { z } from 'zod';",
    "import type { z } from 'zod';",
    "import { x } from './ast.ts';",
    "import { x } from '../round.ts';",
    "export * from '../operations/apply-operation.ts';",
    "const m = await import('./ast.ts');",
    '// Date.now() and Math.random() and process.env in a comment are fine',
    "const text = 'no eval( or new Function here, and no Date either';",
    'const o = { Date: 1, process: 2 }; const v = o.Date + o.process;',
    'const x = Math.max(1, 2) + Math.round(1.5);',
    'interface I { eval: number; Function: string }',
  ])('does not flag %s', (text) => {
    expect(check(text)).toEqual([]);
  });
});
