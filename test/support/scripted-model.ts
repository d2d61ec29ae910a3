import type {
  LanguageModelV3CallOptions,
  LanguageModelV3Content,
  LanguageModelV3Prompt,
  LanguageModelV3StreamPart,
  LanguageModelV3Usage,
} from '@ai-sdk/provider';
import { simulateReadableStream } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';

/** One scripted model step: tool calls (the SDK runs them and calls again), or a final text. */
export interface ScriptedStep {
  text?: string;
  toolCalls?: Array<{ toolName: string; input: unknown }>;
}

/** What a script sees of the call: the prompt, the call number, and the latest tool results. */
export interface ScriptCall {
  prompt: LanguageModelV3Prompt;
  /** 0 for the model's first call (across turns). */
  index: number;
  /** The text of the last user message. */
  userText: string;
  /** Tool results since the last user message, in order (name and JSON output). */
  toolResults: Array<{ toolName: string; output: unknown }>;
  /** The tools the SDK offered, by name. */
  toolNames: string[];
}

/** Decides the model's next step from the call. */
export type Script = (call: ScriptCall) => ScriptedStep;

const USAGE: LanguageModelV3Usage = {
  inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 5, text: 5, reasoning: undefined },
};

function describeCall(options: LanguageModelV3CallOptions, index: number): ScriptCall {
  const prompt = options.prompt;
  let lastUser = -1;
  prompt.forEach((m, i) => {
    if (m.role === 'user') lastUser = i;
  });
  const user = prompt[lastUser];
  const userText = user && user.role === 'user' ? user.content.map((p) => (p.type === 'text' ? p.text : '')).join('') : '';
  const toolResults: ScriptCall['toolResults'] = [];
  for (const m of prompt.slice(lastUser + 1)) {
    if (m.role !== 'tool') continue;
    for (const part of m.content) {
      if (part.type !== 'tool-result') continue;
      const output = part.output.type === 'json' || part.output.type === 'text' ? part.output.value : part.output;
      toolResults.push({ toolName: part.toolName, output });
    }
  }
  const toolNames = (options.tools ?? []).map((t) => t.name);
  return { prompt, index, userText, toolResults, toolNames };
}

/**
 * A `MockLanguageModelV3` (from `ai/test`) driven by a script: each call, generate or stream,
 * asks the script for the next step, so one model serves many turns and both modes. It
 * records its calls (`doGenerateCalls`, `doStreamCalls`) like any mock.
 */
export function scriptedModel(script: Script): MockLanguageModelV3 {
  let calls = 0;
  let ids = 0;
  const next = (options: LanguageModelV3CallOptions) => {
    const step = script(describeCall(options, calls++));
    const toolCalls = (step.toolCalls ?? []).map((t) => ({ toolCallId: `call-${++ids}`, toolName: t.toolName, input: JSON.stringify(t.input) }));
    return { step, toolCalls };
  };
  return new MockLanguageModelV3({
    modelId: 'scripted',
    doGenerate: async (options) => {
      const { step, toolCalls } = next(options);
      const content: LanguageModelV3Content[] = [
        ...(step.text !== undefined ? [{ type: 'text' as const, text: step.text }] : []),
        ...toolCalls.map((t) => ({ type: 'tool-call' as const, ...t })),
      ];
      return { content, finishReason: { unified: toolCalls.length ? 'tool-calls' : 'stop', raw: undefined }, usage: USAGE, warnings: [] };
    },
    doStream: async (options) => {
      const { step, toolCalls } = next(options);
      const chunks: LanguageModelV3StreamPart[] = [{ type: 'stream-start', warnings: [] }];
      if (step.text !== undefined) {
        chunks.push({ type: 'text-start', id: 't' });
        // Two deltas, so consumers must join them.
        const half = Math.ceil(step.text.length / 2);
        chunks.push({ type: 'text-delta', id: 't', delta: step.text.slice(0, half) });
        chunks.push({ type: 'text-delta', id: 't', delta: step.text.slice(half) });
        chunks.push({ type: 'text-end', id: 't' });
      }
      for (const t of toolCalls) chunks.push({ type: 'tool-call', ...t });
      chunks.push({ type: 'finish', finishReason: { unified: toolCalls.length ? 'tool-calls' : 'stop', raw: undefined }, usage: USAGE });
      return { stream: simulateReadableStream({ chunks }) };
    },
  });
}

/**
 * The usual script: on a new user message, call `toolName` with `input(userText)`; once the
 * tool answered, say `answer(output)`.
 */
export function toolThenAnswer(toolName: string, input: (userText: string) => unknown, answer: (output: any) => string): Script {
  return (call) => {
    const result = call.toolResults.find((r) => r.toolName === toolName);
    if (result) return { text: answer(result.output) };
    return { toolCalls: [{ toolName, input: input(call.userText) }] };
  };
}
