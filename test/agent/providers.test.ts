/**
 * The real provider code paths, `@ai-sdk/openai` (chat completions) and
 * `@ai-sdk/openai-compatible`, chosen by `selectModel` from the environment and pointed at a
 * local fake server on 127.0.0.1 that speaks chat completions with tool calls, in JSON
 * (`generateText`, `runAgentTurn`) and SSE streaming (`streamText`, `streamAgentTurn`) mode.
 * A full turn runs through each: the scripted tool call creates a proposal, the tool result
 * goes back to the server, the answer comes out.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { runAgentTurn, streamAgentTurn, type AgentTurn } from '../../src/agent/run-agent.ts';
import { selectModel } from '../../src/agent/select-model.ts';
import type { ToolContext } from '../../tools/tool-context.ts';
import { importCase } from '../../src/proposals/index.ts';
import { createTools } from '../../tools/index.ts';
import { callToolThenAnswer, startFakeOpenAIServer, type FakeOpenAIServer } from '../support/fake-openai-server.ts';
import { memoryStore } from '../support/test-store.ts';

const DEMO = 'delta-corp-support-automation';
/** Only to read the tool names (the tools are not run with it). */
const TOOL_CONTEXT_FOR_NAMES = { proposals: memoryStore().ctx, workspaceId: 'default', actor: 'x', channel: 'test', thread: null } satisfies ToolContext;
const KEY = 'sk-test-0123456789abcdef';

let server: FakeOpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function demoStore() {
  const t = memoryStore();
  t.clock.set('2026-11-20T10:00:00.000Z');
  const imported = importCase(t.ctx, {
    document: JSON.parse(readFileSync(new URL('../../examples/delta-corp.json', import.meta.url), 'utf8')),
    importedBy: 'admin',
  });
  if (!imported.ok) throw new Error(imported.error.message);
  const tools: ToolContext = { proposals: t.ctx, workspaceId: 'default', actor: 'dana', channel: 'test', thread: 'provider-thread' };
  return { ...t, tools };
}

const measurementCall = callToolThenAnswer(
  'proposeMeasurements',
  () => ({ businessCase: 'Delta Corp', measurements: [{ input: 'Avg. Tickets per Day', month: 'October', value: 160, source: 'Zendesk export' }] }),
  (out) => `Proposal ${out.proposalId} is waiting for approval: ${out.changes.join('; ')}`,
);

const PROVIDERS = [
  { name: 'openai-compatible', env: (url: string) => ({ OPENAI_BASE_URL: url, VE_MODEL: 'local-llama' }), modelId: 'local-llama', auth: undefined },
  {
    name: 'openai-compatible',
    env: (url: string) => ({ OPENAI_BASE_URL: url, OPENAI_API_KEY: KEY, VE_MODEL: 'local-llama' }),
    modelId: 'local-llama',
    auth: `Bearer ${KEY}`,
  },
  {
    name: 'openai',
    env: (url: string) => ({ OPENAI_BASE_URL: url, OPENAI_API_KEY: KEY, VE_PROVIDER: 'openai' }),
    modelId: 'gpt-5-mini',
    auth: `Bearer ${KEY}`,
  },
  {
    name: 'openai',
    env: (url: string) => ({ OPENAI_BASE_URL: url, OPENAI_API_KEY: KEY, VE_PROVIDER: 'openai', VE_MODEL: 'gpt-4.1-mini' }),
    modelId: 'gpt-4.1-mini',
    auth: `Bearer ${KEY}`,
  },
] as const;

/** What every provider must have sent: the tools, the system prompt, then the tool result. */
function checkConversation(s: FakeOpenAIServer, expected: { modelId: string; auth: string | undefined; stream: boolean; proposalId: string }) {
  expect(s.requests).toHaveLength(2);
  const [first, second] = s.requests as [any, any];
  for (const r of [first, second]) {
    expect(r.path).toBe('/v1/chat/completions');
    expect(r.body.model).toBe(expected.modelId);
    expect(Boolean(r.body.stream)).toBe(expected.stream);
    expect(r.headers.authorization).toBe(expected.auth);
  }
  // Every tool of the record, as OpenAI function tools with the zod input schemas as JSON schema.
  const tools = first.body.tools as any[];
  expect(tools.map((t) => t.function.name).sort()).toEqual(Object.keys(createTools(TOOL_CONTEXT_FOR_NAMES)).sort());
  const propose = tools.find((t) => t.function.name === 'proposeMeasurements');
  expect(propose.type).toBe('function');
  expect(propose.function.description).toMatch(/^Propose measurement changes of tracked metrics/);
  expect(propose.function.parameters.properties.measurements.items.properties.value.description).toBe(
    'Value; 22% is 0.22; omit to annotate; with remove: the value said, checked',
  );
  // The system prompt from prompts/ (as `system`, or `developer` for OpenAI reasoning models).
  const system = first.body.messages[0];
  expect(['system', 'developer']).toContain(system.role);
  expect(system.content).toContain('The current month is 2026-11. You are talking to dana.');
  expect(first.body.messages.at(-1)).toEqual({ role: 'user', content: 'Delta: tickets per day Oct 160 (Zendesk export)' });
  // The second request carries the assistant's tool call and the tool's result.
  const assistant = second.body.messages.find((m: any) => m.role === 'assistant');
  const call = assistant.tool_calls[0];
  expect(call.function.name).toBe('proposeMeasurements');
  expect(JSON.parse(call.function.arguments).measurements[0].value).toBe(160);
  const result = second.body.messages.at(-1);
  expect(result.role).toBe('tool');
  expect(result.tool_call_id).toBe(call.id);
  expect(JSON.parse(result.content)).toMatchObject({
    proposalId: expected.proposalId,
    status: 'pending',
    changes: ['recorded Avg. Tickets per Day (tickets_per_day) in 2026-10: 160 tickets/day, source "Zendesk export"'],
  });
}

describe.each(PROVIDERS)('$name via selectModel against a local fake server', (provider) => {
  it(`JSON mode (generateText): a full turn creates a proposal [${provider.modelId}${provider.auth ? ', key' : ''}]`, async () => {
    server = await startFakeOpenAIServer(measurementCall);
    const t = demoStore();
    const selected = selectModel(provider.env(server.baseURL));
    expect(selected).toMatchObject({ provider: provider.name, modelId: provider.modelId });
    expect(selected.description).toContain(server.baseURL);
    expect(selected.description).not.toContain(KEY);

    const reply = await runAgentTurn({
      model: selected.model,
      tools: t.tools,
      threadKey: 'provider-thread',
      text: 'Delta: tickets per day Oct 160 (Zendesk export)',
    });
    expect(reply.proposals).toHaveLength(1);
    const proposalId = reply.proposals[0]!.proposalId;
    expect(reply.text).toBe(
      `Proposal ${proposalId} is waiting for approval: recorded Avg. Tickets per Day (tickets_per_day) in 2026-10: 160 tickets/day, source "Zendesk export"`,
    );
    expect(t.store.getProposal(proposalId)).toMatchObject({ status: 'pending', proposedBy: 'dana', caseId: DEMO });
    expect(t.store.getCase(DEMO)!.version).toBe(1);
    checkConversation(server, { modelId: provider.modelId, auth: provider.auth, stream: false, proposalId });
  });

  it(`streaming mode (streamText over SSE): a full turn creates a proposal [${provider.modelId}${provider.auth ? ', key' : ''}]`, async () => {
    server = await startFakeOpenAIServer(measurementCall);
    const t = demoStore();
    const selected = selectModel(provider.env(server.baseURL));
    const turn: AgentTurn = { model: selected.model, tools: t.tools, threadKey: 'provider-thread', text: 'Delta: tickets per day Oct 160 (Zendesk export)' };
    const result = streamAgentTurn(turn);
    let streamed = '';
    for await (const delta of result.textStream) streamed += delta;
    const steps = await result.steps;
    const outputs = steps.flatMap((s) => s.toolResults.map((r) => r.output as any));
    expect(outputs).toHaveLength(1);
    const proposalId = outputs[0].proposalId as string;
    expect(streamed).toBe(
      `Proposal ${proposalId} is waiting for approval: recorded Avg. Tickets per Day (tickets_per_day) in 2026-10: 160 tickets/day, source "Zendesk export"`,
    );
    expect(t.store.getProposal(proposalId)).toMatchObject({ status: 'pending', proposedBy: 'dana' });
    checkConversation(server, { modelId: provider.modelId, auth: provider.auth, stream: true, proposalId });
    // The thread was saved when the stream finished: the next turn sends the history.
    const thread = t.store.getOrCreateThread({ workspaceId: 'default', key: 'provider-thread', now: t.clock.now().toISOString() });
    expect(t.store.listMessages(thread.id).map((m) => m.role)).toEqual(['user', 'assistant', 'tool', 'assistant']);
  });
});

describe('selectModel', () => {
  it('chooses by environment and never puts the key in the description', () => {
    expect(selectModel({ OPENAI_BASE_URL: 'http://127.0.0.1:9/v1/' })).toMatchObject({
      provider: 'openai-compatible',
      modelId: 'llama3.1',
      description: 'OpenAI-compatible model llama3.1 at http://127.0.0.1:9/v1',
    });
    const openai = selectModel({ OPENAI_API_KEY: KEY, VE_MODEL: 'gpt-4.1' });
    expect(openai).toMatchObject({ provider: 'openai', modelId: 'gpt-4.1', description: 'OpenAI model gpt-4.1' });
    expect(JSON.stringify({ ...openai, model: undefined })).not.toContain(KEY);
  });

  it('a provider that answers an error reaches the caller as an error, not as a proposal', async () => {
    server = await startFakeOpenAIServer([{ status: 401, error: 'Incorrect API key provided: sk-tes*********cdef' }]);
    const t = demoStore();
    const selected = selectModel({ OPENAI_BASE_URL: server.baseURL, OPENAI_API_KEY: KEY, VE_PROVIDER: 'openai' });
    await expect(runAgentTurn({ model: selected.model, tools: t.tools, threadKey: 'x', text: 'hi' })).rejects.toMatchObject({
      name: 'AI_APICallError',
      statusCode: 401,
    });
    expect(t.store.listProposals({})).toEqual([]);
  });
});
