import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted answer of the fake server: text and/or tool calls, or an HTTP error. */
export interface FakeReply {
  content?: string;
  toolCalls?: Array<{ name: string; arguments: unknown }>;
  /** Answer with this HTTP status and an OpenAI-style error body instead. */
  status?: number;
  error?: string;
}

/** A request the fake server received (headers lower-cased, body parsed). */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: any;
}

/** Decides the reply to a chat-completions request. */
export type Responder = (request: RecordedRequest, index: number) => FakeReply;

/** A running fake server. */
export interface FakeOpenAIServer {
  /** Base URL to give the providers, ending in `/v1`. */
  baseURL: string;
  /** Every chat-completions request, in order. */
  requests: RecordedRequest[];
  close(): Promise<void>;
}

function sse(data: unknown): string {
  return `data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;
}

/** Splits a string in (up to) `n` pieces, so the client must join stream deltas. */
function pieces(text: string, n = 3): string[] {
  const size = Math.max(1, Math.ceil(text.length / n));
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

/**
 * A local stand-in for an OpenAI-compatible server on 127.0.0.1 (an ephemeral port): it speaks
 * `POST /v1/chat/completions` in both modes, JSON (`stream: false`) and SSE (`stream: true`:
 * `data: {chunk}` events with `delta.content` and `delta.tool_calls` split across chunks, a
 * usage chunk when asked, then `data: [DONE]`), answering from a script and recording every
 * request so tests can check the tools that were sent and the tool results that came back.
 * Nothing leaves the machine.
 */
export async function startFakeOpenAIServer(respond: Responder | FakeReply[]): Promise<FakeOpenAIServer> {
  const requests: RecordedRequest[] = [];
  const script: Responder = Array.isArray(respond) ? (_r, i) => respond[Math.min(i, respond.length - 1)] ?? { content: '' } : respond;
  let ids = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0]!;
      if (req.method !== 'POST' || path !== '/v1/chat/completions') {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: `no route ${req.method} ${path}` } }));
        return;
      }
      let body: any;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'body is not JSON' } }));
        return;
      }
      const recorded: RecordedRequest = { method: req.method, path, headers: req.headers, body };
      const index = requests.push(recorded) - 1;
      const reply = script(recorded, index);
      if (reply.status && reply.status >= 400) {
        res
          .writeHead(reply.status, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: { message: reply.error ?? 'error', type: 'invalid_request_error', code: null } }));
        return;
      }
      const id = `chatcmpl-${++ids}`;
      const created = 1_760_000_000;
      const model = body.model ?? 'fake';
      const toolCalls = (reply.toolCalls ?? []).map((t, i) => ({
        id: `call_${ids}_${i}`,
        type: 'function' as const,
        function: { name: t.name, arguments: typeof t.arguments === 'string' ? t.arguments : JSON.stringify(t.arguments) },
      }));
      const finish = toolCalls.length ? 'tool_calls' : 'stop';
      const usage = { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 };
      if (!body.stream) {
        const message: Record<string, unknown> = { role: 'assistant', content: reply.content ?? null };
        if (toolCalls.length) message.tool_calls = toolCalls;
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ id, object: 'chat.completion', created, model, choices: [{ index: 0, message, finish_reason: finish }], usage }));
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
      const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) => ({
        id,
        object: 'chat.completion.chunk',
        created,
        model,
        choices: [{ index: 0, delta, finish_reason: finishReason }],
      });
      res.write(sse(chunk({ role: 'assistant', content: '' })));
      for (const piece of pieces(reply.content ?? '')) res.write(sse(chunk({ content: piece })));
      toolCalls.forEach((t, index) => {
        res.write(sse(chunk({ tool_calls: [{ index, id: t.id, type: 'function', function: { name: t.function.name, arguments: '' } }] })));
        for (const piece of pieces(t.function.arguments)) res.write(sse(chunk({ tool_calls: [{ index, function: { arguments: piece } }] })));
      });
      res.write(sse(chunk({}, finish)));
      if (body.stream_options?.include_usage) res.write(sse({ id, object: 'chat.completion.chunk', created, model, choices: [], usage }));
      res.end(sse('[DONE]'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

/** The last message of a recorded chat-completions request. */
export function lastMessage(request: RecordedRequest): any {
  return request.body.messages[request.body.messages.length - 1];
}

/**
 * The usual script: on a user message, call `name` with `args(userText)`; once the tool
 * answered (a `tool` message), reply `answer(toolOutput)` where the output is the tool
 * message's content parsed as JSON.
 */
export function callToolThenAnswer(name: string, args: (userText: string) => unknown, answer: (output: any) => string): Responder {
  return (request) => {
    const last = lastMessage(request);
    if (last?.role === 'tool') {
      let output: unknown = last.content;
      try {
        output = JSON.parse(last.content);
      } catch {
        // not JSON: pass the text
      }
      return { content: answer(output) };
    }
    const text = typeof last?.content === 'string' ? last.content : (last?.content ?? []).map((p: any) => p.text ?? '').join('');
    return { toolCalls: [{ name, arguments: args(text) }] };
  };
}
