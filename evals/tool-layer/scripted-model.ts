/**
 * The tool-layer suite's scripted model in process: a `LanguageModelV3` answering from the
 * case's script (`script.ts`), JSON and streaming alike. What it is given is what the SDK
 * gives any model, so the tools, the loop and the closing sentence run exactly as with a
 * real one; only the model's choices are scripted.
 */
import type { LanguageModelV3, LanguageModelV3CallOptions, LanguageModelV3Content, LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { scriptedReply, type ScriptedReply, type SeenMessage } from './script.ts';

const USAGE = {
  inputTokens: { total: 0, noCache: 0, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 0, text: 0, reasoning: undefined },
};

/** The prompt as the script reads it. */
function seen(options: LanguageModelV3CallOptions): SeenMessage[] {
  return options.prompt.flatMap((m): SeenMessage[] => {
    if (m.role === 'user') return [{ role: 'user', text: m.content.map((p) => (p.type === 'text' ? p.text : '')).join('') }];
    if (m.role === 'assistant') return [{ role: 'assistant' }];
    if (m.role === 'tool') {
      const outputs = m.content.flatMap((p) =>
        p.type === 'tool-result' ? [p.output.type === 'json' || p.output.type === 'text' ? p.output.value : p.output] : [],
      );
      return [{ role: 'tool', outputs }];
    }
    return [];
  });
}

/** A scripted model; `calls` counts the model calls it answered. */
export function scriptedModel(script: Readonly<Record<string, readonly ScriptedReply[]>>): LanguageModelV3 & { calls: number } {
  let ids = 0;
  const answer = (options: LanguageModelV3CallOptions): { content: LanguageModelV3Content[]; toolCalls: boolean } => {
    model.calls++;
    const reply = scriptedReply(script, seen(options));
    if ('content' in reply) return { content: reply.content ? [{ type: 'text', text: reply.content }] : [], toolCalls: false };
    return {
      content: reply.toolCalls.map((c) => ({ type: 'tool-call', toolCallId: `scripted-${++ids}`, toolName: c.name, input: JSON.stringify(c.arguments) })),
      toolCalls: true,
    };
  };
  const finish = (toolCalls: boolean) => ({ unified: toolCalls ? ('tool-calls' as const) : ('stop' as const), raw: undefined });
  const model: LanguageModelV3 & { calls: number } = {
    specificationVersion: 'v3',
    provider: 'eval',
    modelId: 'scripted-tool-layer',
    supportedUrls: {},
    calls: 0,
    doGenerate: async (options) => {
      const a = answer(options);
      return { content: a.content, finishReason: finish(a.toolCalls), usage: USAGE, warnings: [] };
    },
    doStream: async (options) => {
      const a = answer(options);
      const parts: LanguageModelV3StreamPart[] = a.content.flatMap((c): LanguageModelV3StreamPart[] =>
        c.type === 'text'
          ? [
              { type: 'text-start', id: 't' },
              { type: 'text-delta', id: 't', delta: c.text },
              { type: 'text-end', id: 't' },
            ]
          : c.type === 'tool-call'
            ? [c]
            : [],
      );
      parts.push({ type: 'finish', finishReason: finish(a.toolCalls), usage: USAGE });
      return {
        stream: new ReadableStream({
          start(ctl) {
            for (const p of parts) ctl.enqueue(p);
            ctl.close();
          },
        }),
      };
    },
  };
  return model;
}
