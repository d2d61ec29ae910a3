/**
 * Token counts of what the agent sends a model, with the real o200k tokenizer (the
 * `gpt-tokenizer` package, whose ranks ship inside it: no network). Requests are captured on
 * the wire: the real `@ai-sdk/openai-compatible` client talks to a local scripted
 * chat-completions server on 127.0.0.1, so what is counted is exactly what a server receives.
 *
 * - `measurePromptTokens()`: the part of every request besides the conversation, the system
 *   prompt and the tool definitions, counted as the JSON a server receives (what an Ollama or
 *   vLLM chat template puts in the prompt, near enough) and as OpenAI renders functions
 *   internally (`estimateTokensInFunctions`, usually fewer).
 * - `measureTaskTokens()`: tokens per task (model calls x prompt tokens) for dictating a
 *   measurement, a split and a QBR, each run by a scripted model that makes the calls a
 *   capable model would.
 */
import { readFileSync } from 'node:fs';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { estimateTokensInFunctions, type ChatCompletionFunctionDefinition } from 'gpt-tokenizer/functionCalling';
import { openStore } from '../db/open-store.ts';
import { runAgentTurn } from '../src/agent/run-agent.ts';
import { selectModel } from '../src/agent/select-model.ts';
import { importCase } from '../src/proposals/index.ts';
import { startFakeOpenAIServer, type FakeReply, type RecordedRequest } from '../test/support/fake-openai-server.ts';

/** The issue's goal for the system prompt plus the tool schemas (o200k tokens). */
export const PROMPT_TOKEN_GOAL = 3000;
/** The issue's goal for a dictated measurement: model calls. */
export const MEASUREMENT_CALL_GOAL = 2;

const NOW = new Date('2026-11-20T10:00:00.000Z');

interface WireTool {
  type: string;
  function: { name: string; description?: string; parameters: unknown };
}

/** The system prompt and tool definitions of one request, in o200k tokens. */
export interface PromptTokens {
  system: number;
  /** The tool definitions as JSON, as sent. */
  tools: number;
  /** The same tools as OpenAI renders them for the model (an estimate from gpt-tokenizer). */
  toolsAsOpenAIRenders: number;
  /** system + tools (JSON): the figure the goal is about. */
  total: number;
  /** Each tool's JSON, largest first. */
  perTool: Array<{ name: string; tokens: number }>;
}

/** One task: how many model calls it took and how many prompt tokens each sent. */
export interface TaskTokens {
  task: string;
  said: string;
  calls: number;
  /** Prompt tokens of each call (messages and tools as JSON, as sent). */
  perCall: number[];
  total: number;
}

/** Tokens of a request's prompt: its messages and tools as the JSON a server receives. */
export function requestTokens(body: { messages?: unknown; tools?: unknown }): number {
  return countTokens(JSON.stringify(body.messages ?? [])) + countTokens(JSON.stringify(body.tools ?? []));
}

/** A scratch store with the demo case, the clock in November 2026. */
function demoStore() {
  const store = openStore({ path: ':memory:' });
  const ctx = { store, now: () => NOW };
  const doc = JSON.parse(readFileSync(new URL('../examples/delta-corp.json', import.meta.url), 'utf8'));
  const imported = importCase(ctx, { document: doc, importedBy: 'bench' });
  if (!imported.ok) throw new Error(`could not import the demo: ${imported.error.message}`);
  return { store, ctx };
}

/** Runs one turn against a scripted server through the real openai-compatible client; returns the requests it received. */
async function capture(said: string, script: FakeReply[]): Promise<RecordedRequest[]> {
  const server = await startFakeOpenAIServer(script);
  const { store, ctx } = demoStore();
  try {
    const model = selectModel({ OPENAI_BASE_URL: server.baseURL, VE_MODEL: 'bench-scripted' }).model;
    await runAgentTurn({
      model,
      tools: { proposals: ctx, workspaceId: 'default', actor: 'dana', channel: 'bench', thread: 'bench:tokens' },
      threadKey: 'bench:tokens',
      text: said,
    });
    return [...server.requests];
  } finally {
    store.close();
    await server.close();
  }
}

/** Measures the system prompt and the tool schemas as one request sends them. */
export async function measurePromptTokens(): Promise<PromptTokens> {
  const [request] = await capture('hello', [{ content: 'Hello.' }]);
  const body = request!.body as { messages: Array<{ role: string; content: string }>; tools: WireTool[] };
  const system = body.messages.find((m) => m.role === 'system')?.content ?? '';
  const perTool = body.tools.map((t) => ({ name: t.function.name, tokens: countTokens(JSON.stringify(t)) })).sort((a, b) => b.tokens - a.tokens);
  const tools = countTokens(JSON.stringify(body.tools));
  const functions = body.tools.map(
    (t) => ({ name: t.function.name, description: t.function.description, parameters: t.function.parameters }) as ChatCompletionFunctionDefinition,
  );
  const systemTokens = countTokens(system);
  return { system: systemTokens, tools, toolsAsOpenAIRenders: estimateTokensInFunctions(functions, countTokens), total: systemTokens + tools, perTool };
}

/** The scripted tasks: what is said, and the calls a capable model makes for it. */
const TASKS: Array<{ task: string; said: string; script: FakeReply[] }> = [
  {
    task: 'dictate a measurement',
    said: 'delta: tickets per day oct 160, from the zendesk export',
    script: [
      {
        toolCalls: [
          {
            name: 'proposeMeasurements',
            arguments: {
              businessCase: 'delta',
              scenario: null,
              measurements: [{ input: 'tickets per day', month: '2026-10', value: 160, remove: null, note: null, evidence: null, source: 'Zendesk export' }],
            },
          },
        ],
      },
      { content: 'Proposed: October tickets per day 160 (Zendesk export). It is waiting for your approval.' },
    ],
  },
  {
    task: 'split a calculation',
    said: 'split the faster ticket handling calculation into handle time and tickets per day',
    script: [
      {
        toolCalls: [
          {
            name: 'proposeSplit',
            arguments: {
              businessCase: null,
              scenario: null,
              calculation: 'faster ticket handling',
              parts: [
                { metric: 'handle time', name: null, reference: null, formula: null },
                { metric: 'tickets per day', name: null, reference: null, formula: null },
              ],
              strategy: null,
            },
          },
        ],
      },
      { content: 'Proposed the split; every month keeps its total. It is waiting for your approval.' },
    ],
  },
  {
    task: 'draft a QBR',
    said: 'draft the Q1 2026 QBR for finance',
    script: [
      { toolCalls: [{ name: 'draftQbr', arguments: { businessCase: null, quarter: '2026-Q1', audience: 'finance', redraft: null } }] },
      { content: 'Here is QBR draft v1 for finance; every number is checked against the engine.' },
    ],
  },
];

/** Runs each task and counts its model calls and prompt tokens. */
export async function measureTaskTokens(): Promise<TaskTokens[]> {
  const out: TaskTokens[] = [];
  for (const t of TASKS) {
    const requests = await capture(t.said, t.script);
    const perCall = requests.map((r) => requestTokens(r.body));
    out.push({ task: t.task, said: t.said, calls: requests.length, perCall, total: perCall.reduce((a, b) => a + b, 0) });
  }
  return out;
}

const fmt = (n: number): string => n.toLocaleString('en-US');

/** The token report `npm run bench` prints. */
export async function runTokenBench(): Promise<string> {
  const p = await measurePromptTokens();
  const tasks = await measureTaskTokens();
  const measurement = tasks.find((t) => t.task === 'dictate a measurement')!;
  return [
    'Prompt tokens (o200k, gpt-tokenizer; requests captured on the wire from @ai-sdk/openai-compatible)',
    `  system prompt: ${fmt(p.system)} tokens; ${p.perTool.length} tool schemas: ${fmt(p.tools)} tokens as JSON (${fmt(p.toolsAsOpenAIRenders)} as OpenAI renders them)`,
    `  largest tools: ${p.perTool
      .slice(0, 4)
      .map((t) => `${t.name} ${fmt(t.tokens)}`)
      .join(', ')}`,
    `  prompt plus tool schemas: ${fmt(p.total)} tokens; goal under ${fmt(PROMPT_TOKEN_GOAL)}: ${p.total < PROMPT_TOKEN_GOAL ? 'met' : 'NOT met'}`,
    'Tokens per task (scripted model; model calls x prompt tokens, messages and tools as sent)',
    ...tasks.map((t) => `  ${t.task.padEnd(22)} ${t.calls} calls x (${t.perCall.map(fmt).join(' + ')}) = ${fmt(t.total)} prompt tokens`),
    `  a dictated measurement in at most ${MEASUREMENT_CALL_GOAL} model calls: ${measurement.calls <= MEASUREMENT_CALL_GOAL ? 'met' : 'NOT met'} (${measurement.calls})`,
  ].join('\n');
}
