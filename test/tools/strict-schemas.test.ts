/**
 * The tool schemas a model receives are OpenAI strict-mode ready: checked on what goes over
 * the wire to a local fake chat-completions server, through both real providers
 * (`@ai-sdk/openai-compatible` and `@ai-sdk/openai`). And a model that answers in strict
 * form (null for every field it does not give) gets the same result as one that leaves
 * them out.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { runAgentTurn } from '../../src/agent/run-agent.ts';
import { selectModel } from '../../src/agent/select-model.ts';
import { importCase } from '../../src/proposals/index.ts';
import { createTools } from '../../tools/index.ts';
import { strictJsonSchema, withoutNullOptionals } from '../../tools/strict-input-schema.ts';
import type { ToolContext } from '../../tools/tool-context.ts';
import { callToolThenAnswer, startFakeOpenAIServer, type FakeOpenAIServer } from '../support/fake-openai-server.ts';
import { memoryStore } from '../support/test-store.ts';

let server: FakeOpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function demo() {
  const t = memoryStore();
  t.clock.set('2026-11-20T10:00:00.000Z');
  const imported = importCase(t.ctx, {
    document: JSON.parse(readFileSync(new URL('../../examples/delta-corp.json', import.meta.url), 'utf8')),
    importedBy: 'admin',
  });
  if (!imported.ok) throw new Error(imported.error.message);
  const tools: ToolContext = { proposals: t.ctx, workspaceId: 'default', actor: 'dana', channel: 'test', thread: 'strict-thread' };
  return { ...t, tools };
}

/** Every way a JSON schema node breaks strict mode, with where (empty: none). */
function strictProblems(node: any, where: string): string[] {
  if (typeof node !== 'object' || node === null) return [];
  const problems: string[] = [];
  if ('$schema' in node) problems.push(`${where}: has $schema`);
  if ('oneOf' in node) problems.push(`${where}: oneOf`);
  const types = Array.isArray(node.type) ? node.type : [node.type];
  if (types.includes('object') || node.properties) {
    if (node.additionalProperties !== false) problems.push(`${where}: additionalProperties is not false`);
    const keys = Object.keys(node.properties ?? {});
    const required = new Set(node.required ?? []);
    for (const k of keys) if (!required.has(k)) problems.push(`${where}.${k}: not required`);
    for (const k of keys) problems.push(...strictProblems(node.properties[k], `${where}.${k}`));
  }
  if (node.items) problems.push(...strictProblems(node.items, `${where}[]`));
  for (const [i, d] of (node.anyOf ?? []).entries()) problems.push(...strictProblems(d, `${where}|${i}`));
  return problems;
}

const PROVIDERS = [
  { name: 'openai-compatible', env: (url: string) => ({ OPENAI_BASE_URL: url }) },
  { name: 'openai', env: (url: string) => ({ OPENAI_BASE_URL: url, OPENAI_API_KEY: 'sk-test', VE_PROVIDER: 'openai' }) },
] as const;

describe('strict-mode-ready tool schemas', () => {
  for (const provider of PROVIDERS) {
    it(`every registered tool goes over the wire strict (${provider.name})`, async () => {
      const t = demo();
      server = await startFakeOpenAIServer([{ content: 'Hello.' }]);
      await runAgentTurn({ model: selectModel(provider.env(server.baseURL)).model, tools: t.tools, threadKey: 'strict', text: 'hi' });
      const sent = server.requests[0]!.body.tools as Array<{ type: string; function: { name: string; parameters: any } }>;
      expect(sent.map((x) => x.function.name).sort()).toEqual(Object.keys(createTools(t.tools)).sort());
      for (const x of sent) {
        expect(x.type).toBe('function');
        expect(x.function.parameters.type).toBe('object');
        expect(strictProblems(x.function.parameters, x.function.name)).toEqual([]);
      }
      // Known values are enums: the QBR audiences, nullable like every optional field.
      const qbr = sent.find((x) => x.function.name === 'draftQbr')!.function.parameters;
      expect(qbr.properties.audience.enum).toEqual(['executive-sponsor', 'finance', 'champion', null]);
      expect(qbr.properties.audience.type).toEqual(['string', 'null']);
      expect(qbr.required).toEqual(['businessCase', 'quarter', 'audience', 'redraft']);
    });
  }

  it('a strict-form call (null for what is not given) proposes exactly what the loose call does', async () => {
    const loose = { measurements: [{ input: 'Avg. Tickets per Day', month: '2026-10', value: 160 }] };
    const strict = {
      businessCase: null,
      scenario: null,
      measurements: [{ input: 'Avg. Tickets per Day', month: '2026-10', value: 160, remove: null, note: null, evidence: null, source: null }],
    };
    const operations: unknown[] = [];
    for (const args of [loose, strict]) {
      const t = demo();
      server = await startFakeOpenAIServer(
        callToolThenAnswer(
          'proposeMeasurements',
          () => args,
          (out) => `Proposed ${out.proposalId}.`,
        ),
      );
      const reply = await runAgentTurn({
        model: selectModel({ OPENAI_BASE_URL: server.baseURL }).model,
        tools: t.tools,
        threadKey: 'strict',
        text: 'tickets per day Oct 160',
      });
      expect(reply.proposals).toHaveLength(1);
      operations.push(t.store.getProposal(reply.proposals[0]!.proposalId)!.operations);
      await server.close();
      server = undefined;
    }
    expect(operations[1]).toEqual(operations[0]);
    expect(operations[0]).toEqual([
      { op: 'recordMeasurement', scenario: 'realization', useCase: 'support-efficiency', input: 'tickets_per_day', month: '2026-10', value: 160 },
    ]);
  });

  it('a null for a required field is still refused, naming the field', async () => {
    const t = demo();
    const tools = createTools(t.tools);
    const schema = tools.proposeLockMonths.inputSchema as unknown as { validate: (v: unknown) => Promise<{ success: boolean; error?: Error }> };
    const r = await schema.validate({ businessCase: null, scenario: null, through: null });
    expect(r.success).toBe(false);
    expect(String(r.error?.message)).toContain('through');
  });
});

describe('strictJsonSchema and withoutNullOptionals', () => {
  const loose = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    properties: {
      name: { type: 'string' },
      size: { type: 'integer', minimum: 1, description: 'How many' },
      kind: { type: 'string', enum: ['a', 'b'] },
      parts: { type: 'array', items: { type: 'object', properties: { metric: { type: 'string' }, note: { type: 'string' } }, required: ['metric'] } },
    },
    required: ['name'],
  } as const;

  it('makes every field required, optional ones nullable, drops $schema', () => {
    expect(strictJsonSchema(loose as any)).toEqual({
      type: 'object',
      properties: {
        name: { type: 'string' },
        size: { type: ['integer', 'null'], minimum: 1, description: 'How many' },
        kind: { type: ['string', 'null'], enum: ['a', 'b', null] },
        parts: {
          anyOf: [
            {
              type: 'array',
              items: {
                type: 'object',
                properties: { metric: { type: 'string' }, note: { type: ['string', 'null'] } },
                required: ['metric', 'note'],
                additionalProperties: false,
              },
            },
            { type: 'null' },
          ],
        },
      },
      required: ['name', 'size', 'kind', 'parts'],
      additionalProperties: false,
    });
  });

  it('takes out nulls of optional fields only, at every depth', () => {
    expect(withoutNullOptionals({ name: null, size: null, kind: 'a', parts: [{ metric: 'm', note: null }] }, loose as any)).toEqual({
      name: null,
      kind: 'a',
      parts: [{ metric: 'm' }],
    });
  });
});
