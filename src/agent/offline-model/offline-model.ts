import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3Content,
  LanguageModelV3FinishReason,
  LanguageModelV3GenerateResult,
  LanguageModelV3StreamPart,
  LanguageModelV3StreamResult,
  LanguageModelV3Usage,
} from '@ai-sdk/provider';
import { respond, type OfflineTurn } from './respond.ts';

/** The offline model's id, as the start-up banner and responses show it. */
export const OFFLINE_MODEL_ID = 'offline';

const USAGE: LanguageModelV3Usage = {
  inputTokens: { total: undefined, noCache: undefined, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: undefined, text: undefined, reasoning: undefined },
};

function finishReason(turn: OfflineTurn): LanguageModelV3FinishReason {
  return turn.toolCalls.length > 0 ? { unified: 'tool-calls', raw: 'tool_calls' } : { unified: 'stop', raw: 'stop' };
}

function content(turn: OfflineTurn): LanguageModelV3Content[] {
  const out: LanguageModelV3Content[] = [];
  if (turn.text !== null) out.push({ type: 'text', text: turn.text });
  for (const c of turn.toolCalls) out.push({ type: 'tool-call', toolCallId: c.toolCallId, toolName: c.toolName, input: c.input });
  return out;
}

/** Text cut into line-sized deltas (keeping every character), so streams look like a model's. */
function deltas(text: string): string[] {
  const parts = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  return parts.length > 0 ? parts : [text];
}

function streamParts(turn: OfflineTurn): LanguageModelV3StreamPart[] {
  const parts: LanguageModelV3StreamPart[] = [
    { type: 'stream-start', warnings: [] },
    { type: 'response-metadata', modelId: OFFLINE_MODEL_ID },
  ];
  if (turn.text !== null) {
    parts.push({ type: 'text-start', id: 'text-0' });
    for (const delta of deltas(turn.text)) parts.push({ type: 'text-delta', id: 'text-0', delta });
    parts.push({ type: 'text-end', id: 'text-0' });
  }
  for (const c of turn.toolCalls) {
    parts.push({ type: 'tool-input-start', id: c.toolCallId, toolName: c.toolName });
    parts.push({ type: 'tool-input-delta', id: c.toolCallId, delta: c.input });
    parts.push({ type: 'tool-input-end', id: c.toolCallId });
    parts.push({ type: 'tool-call', toolCallId: c.toolCallId, toolName: c.toolName, input: c.input });
  }
  parts.push({ type: 'finish', usage: USAGE, finishReason: finishReason(turn) });
  return parts;
}

/**
 * The built-in offline model: a deterministic language model (ai SDK `LanguageModelV3`)
 * for the no-key mode. On a user message it makes the tool calls a real model would for a
 * documented set of phrasings (`docs/offline-model.md`); after tool results it answers from
 * them, every figure taken from the tools. Same prompt, same output: no randomness, no
 * clock. It reports no token usage (it reads no tokens).
 */
export function createOfflineModel(): LanguageModelV3 {
  return {
    specificationVersion: 'v3',
    provider: 'value-engineer',
    modelId: OFFLINE_MODEL_ID,
    supportedUrls: {},
    async doGenerate(options: LanguageModelV3CallOptions): Promise<LanguageModelV3GenerateResult> {
      const turn = respond(options);
      return { content: content(turn), finishReason: finishReason(turn), usage: USAGE, warnings: [], response: { modelId: OFFLINE_MODEL_ID } };
    },
    async doStream(options: LanguageModelV3CallOptions): Promise<LanguageModelV3StreamResult> {
      const parts = streamParts(respond(options));
      const stream = new ReadableStream<LanguageModelV3StreamPart>({
        start(controller) {
          for (const p of parts) controller.enqueue(p);
          controller.close();
        },
      });
      return { stream };
    },
  };
}
