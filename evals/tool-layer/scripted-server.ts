/**
 * The same script served as an OpenAI-compatible chat-completions server on 127.0.0.1, for
 * the suite's `compatible` entries: the agent reaches it through `selectModel({
 * OPENAI_BASE_URL })`, the real `@ai-sdk/openai-compatible` client a local model uses, so
 * the tool schemas, tool calls and results cross a real wire. Every request body is kept.
 */
import { errorBody, isChatCompletions, startLocalServer, type LocalServer } from '../agent/local-server.ts';
import { scriptedReply, type ScriptedReply, type SeenMessage } from './script.ts';

/** A running scripted server and the request bodies it received. */
export interface ScriptedServer extends LocalServer {
  requests: Array<Record<string, unknown>>;
}

type WireMessage = { role?: string; content?: unknown };

const textOf = (content: unknown): string =>
  typeof content === 'string'
    ? content
    : Array.isArray(content)
      ? content.map((p: { text?: unknown }) => (typeof p?.text === 'string' ? p.text : '')).join('')
      : '';

function seen(messages: readonly WireMessage[]): SeenMessage[] {
  const out: SeenMessage[] = [];
  for (const m of messages) {
    if (m.role === 'user') out.push({ role: 'user', text: textOf(m.content) });
    else if (m.role === 'assistant') out.push({ role: 'assistant' });
    else if (m.role === 'tool') {
      let value: unknown = textOf(m.content);
      try {
        value = JSON.parse(value as string);
      } catch {
        // a text result stays text
      }
      // Consecutive tool messages answer one assistant message: one step's outputs.
      const prev = out[out.length - 1];
      if (prev?.role === 'tool') prev.outputs.push(value);
      else out.push({ role: 'tool', outputs: [value] });
    }
  }
  return out;
}

/** Starts the server for a case's script. */
export async function startScriptedServer(script: Readonly<Record<string, readonly ScriptedReply[]>>): Promise<ScriptedServer> {
  const requests: Array<Record<string, unknown>> = [];
  let ids = 0;
  const server = await startLocalServer((request) => {
    if (!isChatCompletions(request)) return { status: 404, body: errorBody(`no route ${request.method} ${request.path}`) };
    const body = request.body as { model?: string; messages?: WireMessage[]; stream?: boolean };
    requests.push(body as Record<string, unknown>);
    if (body.stream === true) return { status: 400, body: errorBody('the scripted server answers non-streaming requests only') };
    const reply = scriptedReply(script, seen(body.messages ?? []));
    const message =
      'content' in reply
        ? { role: 'assistant', content: reply.content }
        : {
            role: 'assistant',
            content: null,
            tool_calls: reply.toolCalls.map((c) => ({
              id: `call_${++ids}`,
              type: 'function',
              function: { name: c.name, arguments: JSON.stringify(c.arguments) },
            })),
          };
    return {
      status: 200,
      body: {
        id: `chatcmpl-${requests.length}`,
        object: 'chat.completion',
        created: 1_760_000_000,
        model: body.model ?? 'scripted',
        choices: [{ index: 0, message, finish_reason: 'tool_calls' in message ? 'tool_calls' : 'stop' }],
        usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
      },
    };
  });
  return { ...server, requests };
}
