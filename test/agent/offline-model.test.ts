/**
 * The offline model as an ai SDK language model: the `LanguageModelV3` contract (doGenerate
 * and doStream give the same content), determinism, its own check of tool inputs, what it
 * reads from the conversation, and how it answers from tool results.
 */
import { describe, expect, it } from 'vitest';
import { asSchema } from 'ai';
import type { LanguageModelV3CallOptions, LanguageModelV3FunctionTool, LanguageModelV3Message, LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { createTools } from '../../tools/index.ts';
import type { ToolContext } from '../../tools/tool-context.ts';
import { createOfflineModel } from '../../src/agent/offline-model/offline-model.ts';
import { checkInput, withNulls } from '../../src/agent/offline-model/check-input.ts';
import { readContext, readPrompt } from '../../src/agent/offline-model/read-prompt.ts';
import { writeAnswer } from '../../src/agent/offline-model/write-answer.ts';
import { runAgentTurn, streamAgentTurn } from '../../src/agent/run-agent.ts';
import { selectModel } from '../../src/agent/select-model.ts';
import { offlineChat } from './offline-model-support.ts';

const NOW = '2026-11-20T10:00:00.000Z';
const SYSTEM: LanguageModelV3Message = {
  role: 'system',
  content: 'You are value-engineer.\n\n# This conversation\nThe current month is 2026-11. You are talking to dana.',
};

async function functionTools(ctx: ToolContext = {} as ToolContext): Promise<LanguageModelV3FunctionTool[]> {
  const tools = createTools(ctx);
  return Promise.all(
    Object.entries(tools).map(async ([name, t]) => ({
      type: 'function' as const,
      name,
      description: t.description,
      inputSchema: await asSchema((t as unknown as { inputSchema: Parameters<typeof asSchema>[0] }).inputSchema).jsonSchema,
    })),
  );
}

const user = (text: string): LanguageModelV3Message => ({ role: 'user', content: [{ type: 'text', text }] });
const toolCall = (toolCallId: string, toolName: string, input: unknown): LanguageModelV3Message => ({
  role: 'assistant',
  content: [{ type: 'tool-call', toolCallId, toolName, input }],
});
const toolResult = (toolCallId: string, toolName: string, value: unknown): LanguageModelV3Message => ({
  role: 'tool',
  content: [{ type: 'tool-result', toolCallId, toolName, output: { type: 'json', value: value as never } }],
});

async function streamed(options: LanguageModelV3CallOptions) {
  const { stream } = await createOfflineModel().doStream(options);
  const parts: LanguageModelV3StreamPart[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
  }
  const text = parts.flatMap((p) => (p.type === 'text-delta' ? [p.delta] : [])).join('');
  const content = [
    ...(parts.some((p) => p.type === 'text-start') ? [{ type: 'text', text }] : []),
    ...parts.flatMap((p) => (p.type === 'tool-call' ? [{ type: 'tool-call', toolCallId: p.toolCallId, toolName: p.toolName, input: p.input }] : [])),
  ];
  const finish = parts.find((p) => p.type === 'finish');
  return { parts, content, finishReason: finish && finish.type === 'finish' ? finish.finishReason : undefined };
}

describe('the LanguageModelV3 contract', () => {
  it('is a v3 model named offline, and the one selectModel picks without a key', () => {
    const model = createOfflineModel();
    expect(model.specificationVersion).toBe('v3');
    expect(model.modelId).toBe('offline');
    expect(selectModel({}).provider).toBe('offline');
    expect(selectModel({}).modelId).toBe('offline');
  });

  it('a user turn becomes a tool call with JSON input, finish reason tool-calls; the stream carries the same', async () => {
    const options: LanguageModelV3CallOptions = {
      prompt: [SYSTEM, user('Delta: tickets per day Oct 115, Nov 121 (Zendesk export)')],
      tools: await functionTools(),
    };
    const generated = await createOfflineModel().doGenerate(options);
    expect(generated.finishReason.unified).toBe('tool-calls');
    expect(generated.content).toHaveLength(1);
    const c = generated.content[0]!;
    if (c.type !== 'tool-call') throw new Error('expected a tool call');
    expect(c.toolName).toBe('proposeMeasurements');
    // As a strict-mode model sends it: every field of the schema, null where not given.
    const absent = { remove: null, note: null, evidence: null };
    expect(JSON.parse(c.input)).toEqual({
      businessCase: 'Delta',
      scenario: null,
      measurements: [
        { input: 'tickets per day', month: 'Oct', value: 115, source: 'Zendesk export', ...absent },
        { input: 'tickets per day', month: 'Nov', value: 121, source: 'Zendesk export', ...absent },
      ],
    });
    const s = await streamed(options);
    expect(s.content).toEqual(generated.content);
    expect(s.finishReason).toEqual(generated.finishReason);
    expect(s.parts.map((p) => p.type)).toEqual([
      'stream-start',
      'response-metadata',
      'tool-input-start',
      'tool-input-delta',
      'tool-input-end',
      'tool-call',
      'finish',
    ]);
  });

  it('a turn after tool results is text, finish reason stop; the stream carries the same text in deltas', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const tools = createTools(chat.tools);
    const output = await (tools.valueSummary as unknown as { execute: (i: unknown, o: unknown) => Promise<unknown> }).execute(
      { businessCase: 'Delta' },
      { toolCallId: 'c1', messages: [] },
    );
    const options: LanguageModelV3CallOptions = {
      prompt: [
        SYSTEM,
        user('how much value has Delta realized?'),
        toolCall('c1', 'valueSummary', { businessCase: 'Delta' }),
        toolResult('c1', 'valueSummary', output),
      ],
      tools: await functionTools(),
    };
    const generated = await createOfflineModel().doGenerate(options);
    expect(generated.finishReason.unified).toBe('stop');
    expect(generated.content).toHaveLength(1);
    expect(generated.content[0]!.type).toBe('text');
    const s = await streamed(options);
    expect(s.content).toEqual(generated.content);
    expect(s.finishReason).toEqual(generated.finishReason);
    expect(s.parts.filter((p) => p.type === 'text-delta').length).toBeGreaterThan(5);
    expect(s.parts[0]).toEqual({ type: 'stream-start', warnings: [] });
    expect(s.parts.at(-1)!.type).toBe('finish');
  });

  it('a direct reply (approval words) is text in both modes', async () => {
    const options: LanguageModelV3CallOptions = { prompt: [SYSTEM, user('approve 3')], tools: await functionTools() };
    const generated = await createOfflineModel().doGenerate(options);
    expect(generated.content).toEqual([{ type: 'text', text: expect.stringContaining('`approve 3`') }]);
    expect((await streamed(options)).content).toEqual(generated.content);
  });

  it('is deterministic: the same prompt gives the same output, tool-call ids included; another step another id', async () => {
    const tools = await functionTools();
    const a = { prompt: [SYSTEM, user('set # of reps to 15')], tools };
    const first = await createOfflineModel().doGenerate(a);
    const second = await createOfflineModel().doGenerate(structuredClone(a));
    expect(second).toEqual(first);
    const later = await createOfflineModel().doGenerate({
      prompt: [SYSTEM, user('ROI'), { role: 'assistant', content: [{ type: 'text', text: 'earlier' }] }, user('set # of reps to 15')],
      tools,
    });
    const id = (r: typeof first) => (r.content[0] as { toolCallId: string }).toolCallId;
    expect(id(later)).not.toBe(id(first));
  });

  it('never repeats a tool-call id in a thread, even when the same question comes back with a full history window', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    // 15 turns of 4 messages each: the 40-message window is full long before the end.
    for (let i = 0; i < 15; i++) await chat.say('What has Delta Corp realized to date?');
    const thread = chat.store.getOrCreateThread({ workspaceId: 'default', key: 't1', now: NOW });
    const ids = chat.store.listMessages(thread.id).flatMap((m) => {
      const message = m.content as { role: string; content: unknown };
      return m.role === 'assistant' && Array.isArray(message.content)
        ? message.content.filter((p) => p.type === 'tool-call').map((p) => p.toolCallId as string)
        : [];
    });
    expect(ids).toHaveLength(15);
    expect(new Set(ids).size).toBe(15);
  });

  it('never calls a tool the call does not offer, and makes no call when tools are switched off', async () => {
    const all = await functionTools();
    const noSummary = await createOfflineModel().doGenerate({ prompt: [SYSTEM, user('ROI')], tools: all.filter((t) => t.name !== 'valueSummary') });
    expect(noSummary.content).toEqual([{ type: 'text', text: 'I understood that as a request for "valueSummary", but that tool is not available here.' }]);
    const none = await createOfflineModel().doGenerate({ prompt: [SYSTEM, user('ROI')], tools: all, toolChoice: { type: 'none' } });
    expect(none.content[0]!.type).toBe('text');
    expect(none.finishReason.unified).toBe('stop');
  });
});

describe('through the agent loop: generateText and streamText give the same answer', () => {
  it('runAgentTurn and streamAgentTurn answer a summary question with the same text, and the stream saves the thread', async () => {
    const a = offlineChat('delta-corp.json', NOW);
    const b = offlineChat('delta-corp.json', NOW);
    const generated = await runAgentTurn({ model: createOfflineModel(), tools: a.tools, threadKey: 'k', text: 'summary for Delta as of March' });
    const result = streamAgentTurn({ model: createOfflineModel(), tools: b.tools, threadKey: 'k', text: 'summary for Delta as of March' });
    expect(await result.text).toBe(generated.text);
    await result.consumeStream();
    const thread = b.store.getOrCreateThread({ workspaceId: 'default', key: 'k', now: NOW });
    await expect.poll(() => b.store.listMessages(thread.id).map((m) => m.role)).toEqual(['user', 'assistant', 'tool', 'assistant']);
  });

  it('the same for a proposal, up to the proposal id the store makes', async () => {
    const a = offlineChat('delta-corp.json', NOW);
    const b = offlineChat('delta-corp.json', NOW);
    const text = 'October: 160 tickets a day, from the Zendesk export.';
    const generated = await runAgentTurn({ model: createOfflineModel(), tools: a.tools, threadKey: 'k', text });
    const result = streamAgentTurn({ model: createOfflineModel(), tools: b.tools, threadKey: 'k', text });
    const streamedText = await result.text;
    const [idA] = generated.proposals.map((p) => p.proposalId);
    const idB = b.store.listProposals({})[0]!.id;
    expect(streamedText.replaceAll(idB, '<id>')).toBe(generated.text.replaceAll(idA!, '<id>'));
  });
});

describe('checkInput: the tool schemas as far as the model needs', () => {
  it('finds missing, unknown, mistyped and out-of-range fields', async () => {
    const tools = await functionTools();
    const schema = (name: string) => tools.find((t) => t.name === name)!.inputSchema;
    // The strict wire schema lists every field; the offline model sends null for those it leaves out.
    expect(checkInput(schema('proposeMeasurements'), { measurements: [{ input: 'x', month: 'Oct', value: 1 }] })).toContain('input.businessCase is required');
    const sent = withNulls(schema('proposeMeasurements'), { measurements: [{ input: 'x', month: 'Oct', value: 1 }] });
    expect(sent).toEqual({
      businessCase: null,
      scenario: null,
      measurements: [{ input: 'x', month: 'Oct', value: 1, remove: null, note: null, evidence: null, source: null }],
    });
    expect(checkInput(schema('proposeMeasurements'), sent)).toEqual([]);
    const check = (name: string, input: Record<string, unknown>) => checkInput(schema(name), withNulls(schema(name), input));
    expect(check('proposeMeasurements', { measurements: [] })).toEqual(['input.measurements needs at least 1 items']);
    expect(check('proposeMeasurements', { measurements: [{ input: 'x', month: 'Oct', value: '1' }] })).toEqual([
      'input.measurements[0].value should be number or null',
    ]);
    expect(check('proposeMeasurements', { measurements: [{ input: 'x', value: 1 }] })).toEqual(['input.measurements[0].month is required']);
    expect(check('valueSummary', { asof: 'March' })).toEqual(['input.asof is not a field of this tool']);
    expect(check('proposeRealizationScenario', { start: 'August', months: 240 })).toEqual(['input.months should be at most 120']);
    expect(check('proposeRealizationScenario', { start: 'August', months: 2.5 })).toEqual(['input.months should be integer or null']);
    expect(check('proposeSplit', { calculation: 'x', parts: [{ metric: 'a' }, { metric: 'b' }], strategy: 'fair' })).toEqual([
      'input.strategy should be one of "shapley", "explicit", null',
    ]);
  });
});

describe('what the model reads from the conversation', () => {
  it('the case and calculation of earlier tool calls, the latest proposal id', () => {
    const ctx = readContext([
      user('Convert the efficiency calculation to track Avg. Tickets per Day'),
      toolCall('c1', 'proposeConversions', { businessCase: 'Delta Corp', conversions: [{ calculation: 'efficiency', metric: 'Avg. Tickets per Day' }] }),
      toolResult('c1', 'proposeConversions', { proposalId: 'p-9', status: 'pending' }),
      { role: 'assistant', content: [{ type: 'text', text: 'Proposed.' }] },
    ]);
    expect(ctx).toEqual({
      businessCase: 'Delta Corp',
      calculation: 'efficiency',
      proposalId: 'p-9',
      // The latest turn's one call the tool did: a correction right after it changes it.
      lastCall: {
        toolName: 'proposeConversions',
        input: { businessCase: 'Delta Corp', conversions: [{ calculation: 'efficiency', metric: 'Avg. Tickets per Day' }] },
      },
    });
  });

  it('the proposal an older turn made, named in its answer once that turn comes back as text only', () => {
    const said = (text: string): LanguageModelV3Message => ({ role: 'assistant', content: [{ type: 'text', text }] });
    const made = said("I've prepared a proposal. Proposal `p-7` is waiting for a person's approval; nothing changes until then.");
    expect(
      readContext([user('Create a realization scenario from the Rollout Plan, starting August'), made, user('ROI?'), said('The ROI is 3.2x.')]).proposalId,
    ).toBe('p-7');
    // A tool result of a later turn wins; an answer naming two proposals names none.
    expect(
      readContext([
        user('a'),
        made,
        user('b'),
        toolCall('c1', 'proposeMilestone', {}),
        toolResult('c1', 'proposeMilestone', { proposalId: 'p-8', status: 'pending' }),
      ]).proposalId,
    ).toBe('p-8');
    expect(readContext([user('pending?'), said('Proposal `p-1` is waiting for approval. Proposal `p-2` is waiting for approval.')]).proposalId).toBeUndefined();
  });

  it('a calculation the person named in an earlier message; a later one wins', () => {
    expect(readContext([user('what inputs does the handle time calculation use?')])).toEqual({ calculation: 'handle time' });
    expect(
      readContext([
        user('show the handle time calculation'),
        toolCall('c1', 'proposeSplit', { calculation: 'Rep Efficiency Gain', parts: [{ metric: 'a' }, { metric: 'b' }] }),
        toolResult('c1', 'proposeSplit', { error: 'refused' }),
      ]).calculation,
    ).toBe('Rep Efficiency Gain');
  });

  it('a search that found exactly one case names it; a case the tools did not find is not carried', () => {
    expect(
      readContext([
        user('find Delta'),
        toolCall('c1', 'findBusinessCases', { query: 'Delta' }),
        toolResult('c1', 'findBusinessCases', { businessCases: [{ id: 'd', name: 'Delta Corp – Support Automation', customer: 'Delta Corp', version: 1 }] }),
      ]),
    ).toEqual({ businessCase: 'Delta Corp – Support Automation', lastCall: { toolName: 'findBusinessCases', input: { query: 'Delta' } } });
    expect(
      readContext([user('find Acme'), toolCall('c1', 'findBusinessCases', { query: 'Acme' }), toolResult('c1', 'findBusinessCases', { businessCases: [] })]),
    ).toEqual({ lastCall: { toolName: 'findBusinessCases', input: { query: 'Acme' } } });
    expect(
      readContext([
        user('how much value has Delta realized?'),
        toolCall('c0', 'valueSummary', { businessCase: 'Delta' }),
        toolResult('c0', 'valueSummary', { businessCase: 'Delta Corp – Support Automation' }),
        user('summary for Acme'),
        toolCall('c1', 'valueSummary', { businessCase: 'Acme' }),
        toolResult('c1', 'valueSummary', { error: "no business case called 'Acme'", candidates: ['Delta'] }),
      ]),
    ).toEqual({
      businessCase: 'Delta',
      // The call that failed is kept for one turn only, so that "Delta" may answer it.
      unfinished: { toolName: 'valueSummary', input: { businessCase: 'Acme' }, error: "no business case called 'Acme'", candidates: ['Delta'] },
    });
  });

  it('the latest turn, when it was answered with text only: what the person said and the reply', () => {
    const asked: LanguageModelV3Message = { role: 'assistant', content: [{ type: 'text', text: 'From which month should the realization scenario start?' }] };
    expect(readContext([user('Create a realization scenario from the Rollout Plan'), asked])).toEqual({
      previousTurn: { user: 'Create a realization scenario from the Rollout Plan', reply: 'From which month should the realization scenario start?' },
    });
    // Only the latest turn counts, and only when it called no tool.
    expect(
      readContext([
        user('Create a realization scenario from the Rollout Plan'),
        asked,
        user('ROI'),
        toolCall('c1', 'valueSummary', {}),
        toolResult('c1', 'valueSummary', {}),
      ]),
    ).toEqual({ lastCall: { toolName: 'valueSummary', input: {} } });
    expect(
      readContext([
        user('Create a realization scenario from the Rollout Plan'),
        asked,
        user('hi'),
        { role: 'assistant', content: [{ type: 'text', text: 'Try: …' }] },
      ]).previousTurn,
    ).toEqual({
      user: 'hi',
      reply: 'Try: …',
    });
  });

  it('readPrompt: the latest user text, the current month, and the results to answer from', () => {
    const view = readPrompt([SYSTEM, user('ROI'), toolCall('c1', 'valueSummary', {}), toolResult('c1', 'valueSummary', { error: 'x' })]);
    expect(view).toMatchObject({
      userText: 'ROI',
      currentMonth: '2026-11',
      answering: true,
      results: [{ toolCallId: 'c1', toolName: 'valueSummary', input: {}, output: { error: 'x' }, failed: false }],
    });
    expect(readPrompt([SYSTEM, user('ROI')]).answering).toBe(false);
  });
});

describe('answers written from tool results', () => {
  it('a proposal: what changes, before/after, the id and that a person approves', () => {
    const text = writeAnswer([
      {
        toolCallId: 'c1',
        toolName: 'proposeInputValue',
        input: {},
        failed: false,
        output: {
          proposalId: 'p-1',
          businessCase: 'Delta Corp – Support Automation',
          status: 'pending',
          currency: 'USD',
          scenario: 'realization',
          asOf: '2026-11',
          changes: ['# of Reps (reps): 10 -> 15'],
          before: {
            total: 1000,
            realizedToDate: 400.5,
            measuredToDate: 100,
            assumedToDate: 300.5,
            useCases: [{ id: 'u', name: 'Support', total: 1000, realizedToDate: 400.5 }],
          },
          after: {
            total: 1500,
            realizedToDate: 600.75,
            measuredToDate: 150,
            assumedToDate: 450.75,
            useCases: [{ id: 'u', name: 'Support', total: 1500, realizedToDate: 600.75 }],
          },
        },
      },
    ]);
    expect(text).toBe(
      [
        "I've prepared a proposal for **Delta Corp – Support Automation** (scenario realization). Nothing has changed yet.",
        'What will change:\n- # of Reps (reps): 10 -> 15',
        'Figures from the benefit engine, as of 2026-11:\n\n|  | Before | After |\n| --- | --- | --- |\n| Total benefit | USD 1,000.00 | USD 1,500.00 |\n| Realized to date | USD 400.50 | USD 600.75 |\n| Measured to date | USD 100.00 | USD 150.00 |\n| Assumed to date | USD 300.50 | USD 450.75 |\n| Support: total | USD 1,000.00 | USD 1,500.00 |\n| Support: realized to date | USD 400.50 | USD 600.75 |',
        "Proposal `p-1` is waiting for a person's approval; nothing changes until then. Approve it with its Approve button (in Slack or the web workspace), `approve p-1` in `ve chat`, or `POST /api/proposals/p-1/approve` (or reject it the same ways).",
      ].join('\n\n'),
    );
  });

  it('a QBR draft is named by its version, with what is unverified and its excerpt (the door shows the saved draft)', () => {
    const text = writeAnswer([
      {
        toolCallId: 'c',
        toolName: 'draftQbr',
        input: {},
        failed: false,
        output: {
          draftId: 7,
          caseId: 'delta',
          businessCase: 'Delta',
          quarter: '2026-Q3',
          audience: 'finance',
          version: 2,
          created: true,
          stale: false,
          grounded: false,
          unverified: ['12%'],
          asOf: '2026-09',
          writer: 'template',
          excerpt: 'Realized USD 1.',
        },
      },
    ]);
    expect(text).toBe(
      "QBR draft for **Delta**, 2026-Q3, audience finance (version 2, written now; figures as of 2026-09).\n\nNumbers not found in the engine's figures are marked ⚠ (unverified): 12%.\n\n> Realized USD 1.",
    );
  });

  it('an error with candidates becomes a question; a failed call says what failed', () => {
    expect(
      writeAnswer([
        {
          toolCallId: 'c',
          toolName: 'proposeSplit',
          input: {},
          failed: false,
          output: { error: "'tickets per day' could be several inputs", candidates: ['A (a)', 'B (b)'] },
        },
      ]),
    ).toBe("I couldn't propose the split: 'tickets per day' could be several inputs.\n\nWhich of these do you mean?\n- A (a)\n- B (b)");
    expect(writeAnswer([{ toolCallId: 'c', toolName: 'valueSummary', input: {}, failed: true, output: 'Invalid input for tool valueSummary' }])).toBe(
      "I couldn't get the value summary: Invalid input for tool valueSummary.",
    );
  });
});
