import { readFileSync } from 'node:fs';
import { createTools, type Tools } from '../../tools/index.ts';
import { importCase } from '../../src/proposals/index.ts';
import type { ToolContext } from '../../tools/tool-context.ts';
import { memoryStore, type TestStore } from '../support/test-store.ts';

/** The demo document as JSON. */
export function demoJson(): unknown {
  return JSON.parse(readFileSync(new URL('../../examples/delta-corp.json', import.meta.url), 'utf8'));
}

/**
 * A memory store with a document imported (default: the demo), the clock on the 20th of a
 * month (default Nov 2026), and the tools for a user.
 */
export function toolHarness(
  options: { document?: unknown; month?: string } = {},
): TestStore & { tools: Tools; context: ToolContext; call: (name: keyof Tools, input: unknown) => Promise<any> } {
  const t = memoryStore();
  t.clock.set(`${options.month ?? '2026-11'}-20T10:00:00.000Z`);
  const imported = importCase(t.ctx, { document: options.document ?? demoJson(), importedBy: 'admin' });
  if (!imported.ok) throw new Error(imported.error.message);
  const context: ToolContext = { proposals: t.ctx, workspaceId: 'default', actor: 'dana', channel: 'test', thread: 'thread-1' };
  const tools = createTools(context);
  const call = async (name: keyof Tools, input: unknown) => {
    const tool = tools[name] as unknown as { execute: (input: unknown, options: unknown) => Promise<unknown> };
    return tool.execute(input, { toolCallId: 'call-1', messages: [] });
  };
  return { ...t, tools, context, call };
}
