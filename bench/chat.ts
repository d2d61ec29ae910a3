/**
 * The chat-turn benchmark (`runChatBench()`, wired into `npm run bench` by `bench/run.ts`):
 *
 * 1. Overhead of a chat turn under concurrent load: N clients (default 20) on loopback, each
 *    with its own conversation, send `POST /api/chat` to `ve serve`'s app (`createApp`, on
 *    @hono/node-server, SQLite store, bearer auth, the agent's tool loop) as fast as the
 *    answers come, for a fixed time. Model: the built-in offline model when it is available,
 *    else a trivial scripted model (one `valueSummary` tool call, then a short answer) that
 *    costs next to nothing itself, so what is measured is the door, the agent loop, the
 *    store and the engine. The floor, in the same run and the same process: the same clients
 *    sending the same request (POST, headers and JSON body) to a bare hono route that reads
 *    the body and answers `{ ok: true }`, on its own server; so what the ratio shows is what
 *    a chat turn adds to an HTTP request, not the client's cost of sending a body.
 *    More sides take the turn apart:
 *    - the same turn with `runAgentTurn` directly (no HTTP): the door's share;
 *    - the ai SDK alone: `generateText` on the same prompt (system prompt, the client's
 *      thread history as a turn loads it, the question) with the same 15 tool definitions,
 *      a model that answers at once and tools that return a recorded value summary; none of
 *      our store, engine, offline model or door;
 *    - the same for a first turn (no history);
 *    - one durable commit of a turn's messages (the store's transaction every turn makes).
 *    A turn through the SDK's loop that keeps its conversation costs at least the floor, the
 *    SDK alone and one commit: the lowest ratio any such turn can reach.
 *    Phases are interleaved (floor, chat, direct, SDK, SDK first turn, commit, floor, ...) so
 *    all see the same machine.
 *    Reported: p50/p99 latency, requests (turns) per second, errors (must be 0), the ratios.
 * 2. The prompt the agent sends every turn besides the conversation: the system prompt
 *    (`composeSystemPrompt`) and the tool definitions exactly as the SDK hands them to the
 *    provider (captured from the model call), serialized in OpenAI's wire format
 *    (`{ type: 'function', function: { name, description, parameters } }`). Tokens are
 *    estimated as characters / 4 (OpenAI's rule of thumb for English); JSON schemas tokenize
 *    denser, so characters / 3 is shown as a pessimistic bound. Goal: under 4,000 tokens.
 *
 * Everything stays on 127.0.0.1; the database is a file in a temp dir (WAL,
 * synchronous=FULL), as `ve serve` runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LanguageModelV3, LanguageModelV3CallOptions, LanguageModelV3FunctionTool, LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { serve, type ServerType } from '@hono/node-server';
import { generateText, stepCountIs, type ModelMessage, type ToolSet } from 'ai';
import { Hono } from 'hono';
import { openStore } from '../db/open-store.ts';
import type { MessageRole } from '../db/store.ts';
import { composeSystemPrompt } from '../src/agent/compose-system-prompt.ts';
import { HISTORY_LIMIT, loadHistory } from '../src/agent/conversation-memory.ts';
import { MAX_STEPS, runAgentTurn } from '../src/agent/run-agent.ts';
import type { ToolContext } from '../tools/tool-context.ts';
import { createTools } from '../tools/index.ts';
import { createApp } from '../src/http/index.ts';
import { seedDemoIfEmpty, type ProposalContext } from '../src/proposals/index.ts';

/** Knobs of the chat benchmark. */
export interface ChatBenchOptions {
  clients: number;
  /** Length of each timed phase (ms); there are `rounds` floor and `rounds` chat phases. */
  phaseMs: number;
  rounds: number;
  /** Untimed warm-up of each server before the first round (ms). */
  warmupMs: number;
}

const DEFAULTS: ChatBenchOptions = { clients: 20, phaseMs: 2000, rounds: 2, warmupMs: 500 };
/** The month the benchmark's clock is in (inside the demo's realization window). */
const NOW = new Date('2026-11-20T10:00:00.000Z');
const QUESTION = 'What has Delta Corp realized to date?';

const USAGE = {
  inputTokens: { total: 0, noCache: 0, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 0, text: 0, reasoning: undefined },
};

/**
 * A trivial model for when the offline model is not available: on a user message it calls
 * `valueSummary`, once the tool answered it says one sentence with the realized figure.
 * Records nothing (unlike `MockLanguageModelV3`), so memory stays flat under load.
 */
function trivialModel(onCall?: (options: LanguageModelV3CallOptions) => void): LanguageModelV3 {
  let ids = 0;
  const step = (options: LanguageModelV3CallOptions) => {
    onCall?.(options);
    const last = options.prompt[options.prompt.length - 1];
    if (last?.role === 'tool') {
      const part = last.content.find((p) => p.type === 'tool-result');
      const value = part && part.type === 'tool-result' && part.output.type === 'json' ? (part.output.value as { realizedToDate?: number }) : {};
      return { text: `Realized to date: ${value.realizedToDate ?? 'unknown'}.` };
    }
    return { toolCall: { toolCallId: `c${++ids}`, toolName: 'valueSummary', input: '{"businessCase":"Delta Corp"}' } };
  };
  return {
    specificationVersion: 'v3',
    provider: 'bench',
    modelId: 'trivial-scripted',
    supportedUrls: {},
    doGenerate: async (options) => {
      const s = step(options);
      return {
        content: s.text !== undefined ? [{ type: 'text', text: s.text }] : [{ type: 'tool-call', ...s.toolCall! }],
        finishReason: { unified: s.text !== undefined ? 'stop' : 'tool-calls', raw: undefined },
        usage: USAGE,
        warnings: [],
      };
    },
    doStream: async (options) => {
      const s = step(options);
      const parts: LanguageModelV3StreamPart[] =
        s.text !== undefined
          ? [
              { type: 'text-start', id: 't' },
              { type: 'text-delta', id: 't', delta: s.text },
              { type: 'text-end', id: 't' },
            ]
          : [{ type: 'tool-call', ...s.toolCall! }];
      parts.push({ type: 'finish', finishReason: { unified: s.text !== undefined ? 'stop' : 'tool-calls', raw: undefined }, usage: USAGE });
      return { stream: new ReadableStream({ start: (c) => (parts.forEach((p) => c.enqueue(p)), c.close()) }) };
    },
  };
}

/** The offline model when it can be built, else the trivial one; with its description. */
async function benchModel(): Promise<{ model: LanguageModelV3; name: string }> {
  try {
    const { createOfflineModel } = await import('../src/agent/offline-model/offline-model.ts');
    const model = createOfflineModel();
    return { model, name: `the offline model (${model.modelId})` };
  } catch (e) {
    return {
      model: trivialModel(),
      name: `a trivial scripted model (one valueSummary call, then one sentence); the offline model is not available: ${(e as Error).message}`,
    };
  }
}

function listen(fetch: (req: Request) => Response | Promise<Response>): Promise<{ server: ServerType; url: string }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve({ server, url: `http://127.0.0.1:${info.port}` }));
    // Each server idles while the other sides run: keep the clients' connections open
    // through that (Node's default 5 s would close them under a reused connection).
    (server as import('node:http').Server).keepAliveTimeout = 60_000;
    server.once('error', reject);
  });
}

function close(server: ServerType): Promise<void> {
  return new Promise((resolve) => {
    (server as import('node:http').Server).closeAllConnections?.();
    server.close(() => resolve());
  });
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

interface Load {
  latencies: number[];
  errors: number;
  firstError: string | null;
  elapsedMs: number;
}

/** One operation of a client: resolves null when it succeeded, else what went wrong. */
type Operation = (client: number) => Promise<string | null>;

/** An HTTP request whose response is read in full; anything but 200 is an error. */
function http(request: (client: number) => Promise<Response>): Operation {
  return async (client) => {
    const res = await request(client);
    const body = await res.text();
    return res.status === 200 ? null : `${res.status} ${body.slice(0, 200)}`;
  };
}

/** `clients` loops running `operation(client)` back to back for `ms`. */
async function load(clients: number, ms: number, operation: Operation, into: Load): Promise<void> {
  const start = performance.now();
  const end = start + ms;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (performance.now() < end) {
        const t0 = performance.now();
        let error: string | null;
        try {
          error = await operation(client);
        } catch (e) {
          error = (e as Error).message;
        }
        if (error === null) into.latencies.push(performance.now() - t0);
        else {
          into.errors++;
          into.firstError ??= error;
        }
      }
    }),
  );
  into.elapsedMs += performance.now() - start;
}

/** The system prompt and tool definitions one turn sends, measured as the provider receives them. */
async function promptSize(ctx: ProposalContext): Promise<{ systemChars: number; toolChars: number; tools: number; largest: Array<[string, number]> }> {
  let captured: LanguageModelV3CallOptions | undefined;
  const model = trivialModel((options) => (captured ??= options));
  await runAgentTurn({
    model,
    tools: { proposals: ctx, workspaceId: 'default', actor: 'dana', channel: 'bench', thread: 'bench:prompt' },
    threadKey: 'bench:prompt',
    text: QUESTION,
  });
  const system = composeSystemPrompt({ currentMonth: '2026-11', actor: 'dana' });
  const sent = captured!.prompt.find((m) => m.role === 'system');
  if (!sent || sent.content !== system) throw new Error('the system prompt the SDK sent is not composeSystemPrompt(...)');
  const tools = (captured!.tools ?? []).filter((t): t is LanguageModelV3FunctionTool => t.type === 'function');
  const wire = tools.map((t) => ({
    name: t.name,
    json: JSON.stringify({ type: 'function', function: { name: t.name, description: t.description, parameters: t.inputSchema } }),
  }));
  return {
    systemChars: system.length,
    toolChars: wire.reduce((n, t) => n + t.json.length, 0),
    tools: tools.length,
    largest: wire
      .map((t) => [t.name, t.json.length] as [string, number])
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3),
  };
}

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Runs the chat benchmark and returns its report. */
export async function runChatBench(options: Partial<ChatBenchOptions> = {}): Promise<string> {
  const o = { ...DEFAULTS, ...options };
  const dir = mkdtempSync(join(tmpdir(), 've-bench-chat-'));
  const store = openStore({ path: join(dir, 've.db') });
  let chatServer: ServerType | undefined;
  let floorServer: ServerType | undefined;
  try {
    const now = () => NOW;
    const ctx: ProposalContext = { store, now };
    const seeded = seedDemoIfEmpty(ctx);
    if (!seeded?.ok) throw new Error(`could not seed the demo: ${seeded ? seeded.error.message : 'database not empty'}`);
    const token = store.createApiToken({ workspaceId: 'default', name: 'bench', now: NOW.toISOString() }).token;
    const size = await promptSize(ctx);
    const { model, name } = await benchModel();

    // No rate limits: the bench measures turns back to back from one token, with a clock that stands still.
    const app = createApp({ store, now, model, log: () => {}, rateLimits: { chatTurnsPerMinute: 0, bodiesPerMinute: 0 } });
    const floor = new Hono().post('/floor', async (c) => {
      await c.req.text();
      return c.json({ ok: true });
    });
    const chat = await listen(app.fetch);
    chatServer = chat.server;
    const bare = await listen(floor.fetch);
    floorServer = bare.server;

    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const ask = (url: string) =>
      http((client) => fetch(url, { method: 'POST', headers, body: JSON.stringify({ message: QUESTION, threadId: `bench-${client}` }) }));
    const chatRequest = ask(`${chat.url}/api/chat`);
    const floorRequest = ask(`${bare.url}/floor`);
    // The same turn without the door: what the agent, store and engine cost by themselves.
    const directTurn: Operation = async (client) => {
      const key = `direct:bench-${client}`;
      await runAgentTurn({
        model,
        tools: { proposals: ctx, workspaceId: 'default', actor: 'bench', channel: 'bench', thread: key },
        threadKey: key,
        text: QUESTION,
      });
      return null;
    };
    // The ai SDK alone on the same prompt: each client's HTTP thread as a turn would load it
    // (or none, for a first turn), the real tool definitions, tools that answer at once.
    const toolContext: ToolContext = { proposals: ctx, workspaceId: 'default', actor: 'bench', channel: 'bench', thread: 'bench:sdk' };
    const real = createTools(toolContext);
    const recorded = await real.valueSummary.execute!({ businessCase: 'Delta Corp' }, { toolCallId: 'bench', messages: [] });
    const stubTools: ToolSet = Object.fromEntries(Object.entries(real).map(([name, t]) => [name, { ...t, execute: async () => recorded }]));
    const system = composeSystemPrompt({ currentMonth: '2026-11', actor: 'bench' });
    const sdkModel = trivialModel();
    const threadOf = (client: number) => store.getOrCreateThread({ workspaceId: 'default', key: `http:bench-${client}`, now: NOW.toISOString() }).id;
    let histories: ModelMessage[][] = [];
    const loadHistories = () => (histories = Array.from({ length: o.clients }, (_, client) => loadHistory(store, threadOf(client))));
    const sdkAlone =
      (history: (client: number) => ModelMessage[]): Operation =>
      async (client) => {
        const result = await generateText({
          model: sdkModel,
          system,
          messages: [...history(client), { role: 'user', content: QUESTION }],
          tools: stubTools,
          stopWhen: stepCountIs(MAX_STEPS),
        });
        return result.steps.length === 2 ? null : `expected a tool call and an answer, got ${result.steps.length} steps`;
      };
    // One durable commit of a turn's messages (the last turn of a client's HTTP thread), as
    // every turn makes, into a scratch thread.
    let turnMessages: Array<{ role: MessageRole; content: unknown }> = [];
    const scratch = store.getOrCreateThread({ workspaceId: 'default', key: 'bench:commit', now: NOW.toISOString() }).id;
    const commit: Operation = async () => {
      store.appendMessages({ threadId: scratch, messages: turnMessages, createdAt: NOW.toISOString() });
      return null;
    };
    const lastTurn = () => (turnMessages = store.listMessages(threadOf(0), { limit: 4 }).map((m) => ({ role: m.role, content: m.content })));

    interface Side {
      label: string;
      operation: Operation;
      /** Runs before each of the side's phases (untimed). */
      before?: () => void;
      load: Load;
    }
    const fresh = (): Load => ({ latencies: [], errors: 0, firstError: null, elapsedMs: 0 });
    const side = (label: string, operation: Operation, before?: () => void): Side => ({ label, operation, load: fresh(), ...(before ? { before } : {}) });
    const floorSide = side('floor (bare hono):', floorRequest);
    const chatSide = side('chat turn:', chatRequest);
    const directSide = side('same turn, no HTTP:', directTurn);
    const sdkSide = side(
      'ai SDK alone:',
      sdkAlone((client) => histories[client]!),
      loadHistories,
    );
    const sdkFirstSide = side(
      'ai SDK alone, first turn:',
      sdkAlone(() => []),
    );
    const commitSide = side("one commit of a turn's messages:", commit, lastTurn);
    const sides = [floorSide, chatSide, directSide, sdkSide, sdkFirstSide, commitSide];

    const warm = fresh();
    for (const x of sides) {
      x.before?.();
      await load(o.clients, o.warmupMs, x.operation, warm);
    }
    for (let r = 0; r < o.rounds; r++) {
      for (const x of sides) {
        x.before?.();
        await load(o.clients, o.phaseMs, x.operation, x.load);
      }
    }
    const stored = store.listMessages(threadOf(0));
    const turnsStored = stored.length;
    // What the turns actually did: the tools the model called, from the stored conversation.
    const called = new Set(
      stored.flatMap((m) => {
        const content = (m.content as { content?: unknown }).content;
        return m.role === 'assistant' && Array.isArray(content) ? content.filter((p) => p?.type === 'tool-call').map((p) => String(p.toolName)) : [];
      }),
    );

    const stats = (l: Load) => {
      const sorted = [...l.latencies].sort((a, b) => a - b);
      return {
        n: sorted.length,
        p50: percentile(sorted, 50),
        p99: percentile(sorted, 99),
        rps: sorted.length / (l.elapsedMs / 1000),
        errors: l.errors,
        firstError: l.firstError,
      };
    };
    type Stats = ReturnType<typeof stats>;
    const statsOf = new Map(sides.map((x) => [x, stats(x.load)]));
    const of = (x: Side): Stats => statsOf.get(x)!;
    const [f, c, d, sdk, sdkFirst, committed] = [of(floorSide), of(chatSide), of(directSide), of(sdkSide), of(sdkFirstSide), of(commitSide)];
    const errors = sides.reduce((n, x) => n + x.load.errors, 0);
    const p50Ratio = c.p50 / f.p50;
    const rpsRatio = f.rps / c.rps;
    /** Time per operation of this process (ms): what the throughput ratios compare. */
    const per = (x: Stats) => 1000 / x.rps;
    const lowest = (...parts: Stats[]) => (per(f) + parts.reduce((n, x) => n + per(x), 0)) / per(f);
    const tokens = (chars: number, per: number) => Math.ceil(chars / per);
    const total = size.systemChars + size.toolChars;
    const width = Math.max(...sides.map((x) => x.label.length));
    const line = (x: Side) => {
      const s = of(x);
      return `  ${x.label.padEnd(width)} p50 ${s.p50.toFixed(2)} ms, p99 ${s.p99.toFixed(2)} ms, ${fmt(s.rps, 1)}/s (n=${fmt(s.n)}, ~${per(s).toFixed(3)} ms each), errors ${s.errors}${s.firstError ? ` (first: ${s.firstError})` : ''}`;
    };
    return [
      `Chat-turn benchmark (${o.clients} concurrent clients on 127.0.0.1, ${o.rounds} x ${o.phaseMs} ms per side, interleaved; client and servers in one process; file database, WAL, synchronous=FULL)`,
      `  model: ${name}`,
      `  a turn: POST /api/chat "${QUESTION}", bearer auth, zod, conversation history (up to ${HISTORY_LIMIT} messages, older turns compacted; ${turnsStored} stored in one client's thread at the end), tool loop (tools called: ${[...called].join(', ') || 'none'}), messages saved, JSON reply`,
      ...sides.map(line),
      `  ratio chat/floor: p50 ${p50Ratio.toFixed(2)}x, throughput ${rpsRatio.toFixed(2)}x; goal within 3x: ${p50Ratio <= 3 && rpsRatio <= 3 ? 'met' : 'NOT met'}; errors: ${errors === 0 ? '0 (goal met)' : `${errors} (goal NOT met)`}`,
      `  the door's own share (chat over HTTP / the same turn called directly): p50 ${(c.p50 / d.p50).toFixed(2)}x, throughput ${(d.rps / c.rps).toFixed(2)}x`,
      `  lowest throughput ratio a turn through the ai SDK's loop, saving its messages, can reach: floor + the SDK alone on the same prompt + one commit = ${lowest(sdk, committed).toFixed(2)}x; for a first turn (no history) ${lowest(sdkFirst, committed).toFixed(2)}x`,
      `Prompt per turn besides the conversation (tokens estimated as chars/4; chars/3 as a pessimistic bound for JSON)`,
      `  system prompt: ${fmt(size.systemChars)} chars, ~${fmt(tokens(size.systemChars, 4))} tokens`,
      `  ${size.tools} tool definitions (OpenAI wire format): ${fmt(size.toolChars)} chars, ~${fmt(tokens(size.toolChars, 4))} tokens; largest: ${size.largest.map(([n, chars]) => `${n} ${fmt(chars)} chars`).join(', ')}`,
      `  total: ${fmt(total)} chars, ~${fmt(tokens(total, 4))} tokens (at most ~${fmt(tokens(total, 3))}); goal under 4,000: ${tokens(total, 4) < 4000 ? 'met' : 'NOT met'}${tokens(total, 3) >= 4000 ? ' (not with the pessimistic bound)' : ''}`,
    ].join('\n');
  } finally {
    if (chatServer) await close(chatServer);
    if (floorServer) await close(floorServer);
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run directly: `node --import tsx bench/chat.ts`.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(await runChatBench());
}
