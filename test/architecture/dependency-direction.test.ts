/**
 * Dependencies point one way (docs/architecture.md): doors (src/http, src/slack, src/cli) →
 * the application layer (src/app) → the agent → tools → QBR drafts and the proposal workflow
 * → the engine, with `db/` reached through the store interface. Every source file under
 * src/, tools/ and db/ is parsed with the TypeScript compiler, so imports (static, dynamic,
 * re-exports, `import type`, `import('x')` types) are found in code, never in comments or
 * strings, and each is checked against the layer rules below.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve('.');
const SCANNED = ['src', 'tools', 'db'];

/** One import of one file: the project file it reaches (relative to the root), and whether only types cross. */
interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
  line: number;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'migrations' ? [] : walk(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** The project-relative path an import specifier reaches, or null for a package. */
function target(fromFile: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  return relative(ROOT, resolve(dirname(fromFile), spec))
    .split(sep)
    .join('/');
}

/** Every import of a source text that reaches another project file. */
function importsOf(file: string, text: string): Edge[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const from = relative(ROOT, file).split(sep).join('/');
  const out: Edge[] = [];
  const add = (node: ts.Node, spec: ts.Expression | undefined, typeOnly: boolean) => {
    if (!spec || !ts.isStringLiteralLike(spec)) return;
    const to = target(file, spec.text);
    if (to !== null) out.push({ from, to, typeOnly, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1 });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
      const typeOnly = Boolean(clause && (clause.isTypeOnly || (!clause.name && named && named.length > 0 && named.every((e) => e.isTypeOnly))));
      add(node, node.moduleSpecifier, typeOnly);
    } else if (ts.isExportDeclaration(node)) {
      const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : undefined;
      add(node, node.moduleSpecifier, node.isTypeOnly || Boolean(named && named.length > 0 && named.every((e) => e.isTypeOnly)));
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node, node.arguments[0], false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node, node.argument.literal as ts.Expression, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** The layer a project file belongs to: `src/<dir>`, `tools` or `db`. */
function areaOf(path: string): string {
  const [top, second] = path.split('/');
  return top === 'src' ? `src/${second}` : top!;
}

// src/web (issue 13): the web workspace's pages, a door like the others, mounted by ve serve.
const DOORS = new Set(['src/http', 'src/slack', 'src/cli', 'src/web']);

/**
 * Calls a door makes on the store itself (`store.x(...)`, `ctx.store.x(...)`): a door reaches
 * the store's data only through application functions. Closing the store a command opened is
 * the one call a door makes (it owns that connection).
 */
function storeCalls(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const receiver = node.expression.expression;
      const onStore = (ts.isIdentifier(receiver) && receiver.text === 'store') || (ts.isPropertyAccessExpression(receiver) && receiver.name.text === 'store');
      const method = node.expression.name.text;
      if (onStore && method !== 'close')
        found.push(`${relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: store.${method}()`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** What each layer below the doors may import (besides itself). `db` as a type-only import is listed as `db:type`. */
const MAY_IMPORT: Record<string, readonly string[]> = {
  'src/engine': [],
  'src/errors': [],
  'src/prompts': [],
  'src/format': ['src/engine'],
  'src/chart': ['src/engine', 'src/format'],
  'src/resolve': ['src/engine', 'src/errors', 'db:type'],
  'src/proposals': ['src/engine', 'src/errors', 'db:type'],
  'src/qbr': ['src/engine', 'src/errors', 'src/proposals', 'src/resolve', 'src/chart', 'src/format', 'src/prompts', 'db:type'],
  tools: ['src/engine', 'src/errors', 'src/proposals', 'src/qbr', 'src/resolve', 'db:type'],
  'src/agent': ['tools', 'src/engine', 'src/errors', 'src/proposals', 'src/resolve', 'src/prompts', 'db:type'],
  'src/app': ['src/agent', 'tools', 'src/qbr', 'src/proposals', 'src/resolve', 'src/engine', 'src/errors', 'src/format', 'src/chart', 'db:type'],
};

/** The domain vocabulary `db/` may import: the enums its columns are declared with, and the engine's types. */
const DB_MAY_IMPORT = new Set(['src/proposals/proposal-status.ts', 'src/proposals/measurement-action.ts', 'src/qbr/qbr-audience.ts']);

/** Modules of the workflow and QBR drafting that doors reach through src/app only (and the barrels that hold them). */
const THROUGH_APP_ONLY = new Set([
  'src/proposals/index.ts',
  'src/proposals/approve.ts',
  'src/proposals/reject.ts',
  'src/proposals/propose.ts',
  'src/proposals/list-pending.ts',
  'src/qbr/index.ts',
  'src/qbr/get-or-draft-qbr.ts',
  'src/qbr/draft-qbr.ts',
  'src/qbr/draft-grounded-qbr.ts',
  'src/qbr/render-qbr-pptx.ts',
  'src/qbr/qbr-chart.ts',
]);

/** The composition roots: where the chat and QBR models are chosen (the CLI commands that start a process doing chat or QBRs). */
const COMPOSITION_ROOTS = new Set(['src/cli/commands/serve.ts', 'src/cli/commands/chat.ts', 'src/cli/commands/qbr.ts', 'src/cli/commands/store-command.ts']);
const MODEL_SELECTION = new Set(['src/agent/select-model.ts', 'src/agent/qbr-writer-model.ts']);

/** Why an import breaks the layer rules, or null when it keeps them. */
function violation(e: Edge): string | null {
  const from = areaOf(e.from);
  const to = areaOf(e.to);
  if (from === to) return null;
  // Where prompts, migrations and examples are read from (src/ or the dist/ bundle): a leaf any
  // layer may use; it imports no project file itself (it is no known layer, so one would fail).
  if (e.to === 'src/project-root.ts') return null;
  if (!SCANNED.some((d) => e.to === d || e.to.startsWith(`${d}/`))) return `reaches outside src/, tools/ and db/ (${e.to})`;
  if (from === 'db') {
    if (to === 'src/engine' && e.typeOnly) return null;
    return DB_MAY_IMPORT.has(e.to) ? null : `db/ may import only the engine's types and the domain enums, not ${e.to}`;
  }
  if (from === 'src/app' && to === 'db')
    return e.typeOnly || e.from === 'src/app/store.ts' ? null : `src/app reaches db/ values only through src/app/store.ts, not ${e.from}`;
  if (DOORS.has(from)) {
    if (to === 'db') return 'a door imports db/ (use src/app/store.ts)';
    if (to === 'tools' || to === 'src/resolve') return `a door imports ${to} (go through src/app)`;
    // ve serve reads the Slack settings first and imports the rest of Slack (Bolt) only when it is on.
    if (DOORS.has(to))
      return from === 'src/cli' &&
        e.from === 'src/cli/commands/serve.ts' &&
        ['src/http/index.ts', 'src/slack/index.ts', 'src/slack/slack-settings.ts', 'src/web/index.ts'].includes(e.to)
        ? null
        : `a door imports another door (${e.to}); only ve serve composes them`;
    if (to === 'src/agent')
      return COMPOSITION_ROOTS.has(e.from) && MODEL_SELECTION.has(e.to)
        ? null
        : `a door imports the agent (${e.to}); it runs through src/app, and only the composition roots choose models`;
    if (THROUGH_APP_ONLY.has(e.to)) return `a door imports ${e.to}; it is reached through src/app`;
    return ['src/app', 'src/errors', 'src/engine', 'src/format', 'src/chart', 'src/proposals', 'src/qbr'].includes(to) ? null : `a door imports ${to}`;
  }
  const allowed = MAY_IMPORT[from];
  if (!allowed) return `${from} is not a known layer`;
  if (to === 'db')
    return allowed.includes('db:type') && e.typeOnly ? null : `${from} imports db/ values (only the store's types; values through src/app/store.ts)`;
  return allowed.includes(to) ? null : `${from} imports ${to}`;
}

function projectEdges(): Edge[] {
  return SCANNED.flatMap((d) => walk(join(ROOT, d))).flatMap((file) => importsOf(file, readFileSync(file, 'utf8')));
}

/** The cycles of value imports between files (type-only imports vanish at run time), each as a path. */
function cycles(edges: readonly Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) if (!e.typeOnly) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const state = new Map<string, 'open' | 'done'>();
  const found: string[][] = [];
  const stack: string[] = [];
  const visit = (f: string): void => {
    state.set(f, 'open');
    stack.push(f);
    for (const t of next.get(f) ?? []) {
      if (state.get(t) === 'open') found.push([...stack.slice(stack.indexOf(t)), t]);
      else if (!state.has(t)) visit(t);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of next.keys()) if (!state.has(f)) visit(f);
  return found;
}

describe('dependencies point one way: doors → app → agent → tools → {qbr, proposals} → engine', () => {
  const edges = projectEdges();
  const report = (pick: (e: Edge) => boolean) =>
    edges.filter(pick).flatMap((e) => {
      const why = violation(e);
      return why ? [`${e.from}:${e.line}: ${why}`] : [];
    });

  it('the scan is not vacuous', () => {
    expect(edges.length).toBeGreaterThan(300);
    for (const area of ['src/app', 'src/http', 'src/slack', 'src/cli', 'src/web', 'tools', 'src/agent', 'src/qbr', 'src/proposals', 'db']) {
      expect(
        edges.some((e) => areaOf(e.from) === area),
        area,
      ).toBe(true);
    }
  });

  it('nothing under src/engine imports anything outside it', () => {
    expect(edges.filter((e) => areaOf(e.from) === 'src/engine' && areaOf(e.to) !== 'src/engine').map((e) => `${e.from}:${e.line} -> ${e.to}`)).toEqual([]);
  });

  it('src/qbr does not import the agent (its writer model is passed in), nor tools or the app', () => {
    expect(
      edges.filter((e) => areaOf(e.from) === 'src/qbr' && ['src/agent', 'tools', 'src/app'].includes(areaOf(e.to))).map((e) => `${e.from} -> ${e.to}`),
    ).toEqual([]);
  });

  it('tools/ imports neither a door, the app nor the agent that runs it', () => {
    expect(
      edges
        .filter((e) => areaOf(e.from) === 'tools' && (DOORS.has(areaOf(e.to)) || ['src/app', 'src/agent'].includes(areaOf(e.to))))
        .map((e) => `${e.from} -> ${e.to}`),
    ).toEqual([]);
  });

  it('the doors do not import db/: they reach the store through src/app/store.ts', () => {
    expect(edges.filter((e) => DOORS.has(areaOf(e.from)) && areaOf(e.to) === 'db').map((e) => `${e.from} -> ${e.to}`)).toEqual([]);
  });

  it('the doors call no store method: they read and write through the application functions', () => {
    const doorFiles = [...DOORS].flatMap((d) => walk(join(ROOT, d)));
    expect(doorFiles.length).toBeGreaterThan(50);
    expect(doorFiles.flatMap((f) => storeCalls(f, readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('every import keeps the layer rules', () => {
    expect(report(() => true)).toEqual([]);
  });

  it('no two files import each other, directly or around a circle', () => {
    expect(cycles(edges).map((c) => c.join(' -> '))).toEqual([]);
  });
});

describe('the layer rules themselves catch what they must', () => {
  const edge = (from: string, to: string, typeOnly = false): Edge => ({ from, to, typeOnly, line: 1 });
  it.each([
    [edge('src/qbr/qbr-model.ts', 'src/agent/select-model.ts'), 'src/qbr imports src/agent'],
    [edge('tools/draft-qbr.ts', 'src/agent/tool-support.ts'), 'tools imports src/agent'],
    [edge('tools/x.ts', 'src/http/index.ts'), 'tools imports src/http'],
    [edge('src/cli/commands/chat.ts', 'src/http/index.ts'), 'another door'],
    [edge('src/slack/decided-message.ts', 'db/store.ts', true), 'db/'],
    [edge('src/http/proposal-routes.ts', 'src/proposals/approve.ts'), 'through src/app'],
    [edge('src/slack/ve-command.ts', 'src/qbr/index.ts'), 'through src/app'],
    [edge('src/slack/converse.ts', 'src/agent/run-agent.ts'), 'the agent'],
    [edge('src/web/web-app.ts', 'db/store.ts', true), 'db/'],
    [edge('src/web/web-app.ts', 'src/proposals/approve.ts'), 'through src/app'],
    [edge('src/web/web-app.ts', 'src/http/index.ts'), 'another door'],
    [edge('src/http/create-app.ts', 'src/web/index.ts'), 'another door'],
    [edge('src/proposals/approve.ts', 'db/sqlite-store.ts'), 'db/ values'],
    [edge('src/proposals/approve.ts', 'src/app/find-proposal.ts'), 'src/proposals imports src/app'],
    [edge('src/agent/run-agent.ts', 'src/app/chat-turn.ts'), 'src/agent imports src/app'],
    [edge('db/schema.ts', 'src/qbr/render-qbr-pptx.ts'), 'domain enums'],
    [edge('src/app/find-case.ts', 'db/open-store.ts'), 'src/app/store.ts'],
    [edge('src/engine/x.ts', 'src/errors/outcome.ts'), 'src/engine imports src/errors'],
  ])('flags %o', (e, why) => {
    expect(violation(e)).toContain(why);
  });

  it.each([
    edge('src/http/proposal-routes.ts', 'src/app/approve-proposal.ts'),
    edge('src/cli/commands/serve.ts', 'src/agent/select-model.ts'),
    edge('src/cli/commands/serve.ts', 'src/http/index.ts'),
    edge('src/cli/commands/serve.ts', 'src/web/index.ts'),
    edge('src/web/web-app.ts', 'src/app/approve-proposal.ts'),
    edge('src/slack/qbr-post.ts', 'src/qbr/qbr-audience.ts'),
    edge('src/proposals/approve.ts', 'db/store.ts', true),
    edge('src/app/store.ts', 'db/open-store.ts'),
    edge('db/schema.ts', 'src/proposals/proposal-status.ts'),
    edge('src/agent/run-agent.ts', 'tools/index.ts'),
    edge('tools/draft-qbr.ts', 'src/qbr/index.ts'),
  ])('allows %o', (e) => {
    expect(violation(e)).toBeNull();
  });

  it('finds a circle of value imports, and not one closed only by a type import', () => {
    const circle = [
      edge('src/agent/run-agent.ts', 'tools/index.ts'),
      edge('tools/index.ts', 'tools/draft-qbr.ts'),
      edge('tools/draft-qbr.ts', 'src/agent/run-agent.ts'),
    ];
    expect(cycles(circle).map((c) => c.join(' -> '))).toEqual(['src/agent/run-agent.ts -> tools/index.ts -> tools/draft-qbr.ts -> src/agent/run-agent.ts']);
    expect(cycles([...circle.slice(0, 2), edge('tools/draft-qbr.ts', 'src/agent/run-agent.ts', true)])).toEqual([]);
  });

  it('finds a door calling the store, directly or through a context, but not closing it', () => {
    const file = join(ROOT, 'src', 'http', 'example.ts');
    const text = ['const a = ctx.store.listCases(w);', 'store.getWorkspace(id);', 'deps.store.close();', 'store.close();', 'listCases(ctx, w);'].join('\n');
    expect(storeCalls(file, text)).toEqual(['src/http/example.ts:1: store.listCases()', 'src/http/example.ts:2: store.getWorkspace()']);
  });

  it('reads type-only imports as such, and finds dynamic imports and re-exports', () => {
    const file = join(ROOT, 'src', 'app', 'example.ts');
    const found = importsOf(
      file,
      [
        "import type { A } from '../../db/store.ts';",
        "import { type B, type C } from '../../db/store.ts';",
        "import { D, type E } from '../agent/run-agent.ts';",
        "export { F } from '../qbr/index.ts';",
        "export type { G } from '../proposals/index.ts';",
        "const h = await import('../slack/index.ts');",
        "type I = import('../http/index.ts').J;",
        "import { z } from 'zod';",
      ].join('\n'),
    );
    expect(found.map((e) => [e.to, e.typeOnly])).toEqual([
      ['db/store.ts', true],
      ['db/store.ts', true],
      ['src/agent/run-agent.ts', false],
      ['src/qbr/index.ts', false],
      ['src/proposals/index.ts', true],
      ['src/slack/index.ts', false],
      ['src/http/index.ts', true],
    ]);
  });
});
