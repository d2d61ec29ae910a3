import type { LanguageModelV3CallOptions, LanguageModelV3FunctionTool } from '@ai-sdk/provider';
import { checkInput } from './check-input.ts';
import { parseRequest } from './parse-request.ts';
import { readPrompt } from './read-prompt.ts';
import { writeAnswer } from './write-answer.ts';

/** One step of the offline model: tool calls to make, or the text of its answer. */
export interface OfflineTurn {
  text: string | null;
  toolCalls: Array<{ toolCallId: string; toolName: string; input: string }>;
}

/** A short, stable hash of the prompt (FNV-1a), so tool-call ids are deterministic and differ per step. */
function hashOf(value: unknown): string {
  const text = JSON.stringify(value, (_, v: unknown) => (v instanceof Uint8Array ? Array.from(v) : v instanceof URL ? v.href : v));
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0');
}

/**
 * Decides the offline model's step from a call's options, deterministically: after tool
 * results, the answer written from them; on a user message, the tool calls it understands
 * (checked against the tools the call offers and their JSON schemas), or a reply.
 */
export function respond(options: LanguageModelV3CallOptions): OfflineTurn {
  const view = readPrompt(options.prompt);
  if (view.answering) return { text: writeAnswer(view.results), toolCalls: [] };

  const request = parseRequest(view.userText, view.context);
  if (request.kind === 'reply') return { text: request.text, toolCalls: [] };

  const offered = new Map(
    (options.tools ?? []).filter((t): t is LanguageModelV3FunctionTool => t.type === 'function').map((t) => [t.name, t]),
  );
  if (options.toolChoice?.type === 'none') {
    return { text: 'I would need to use a tool for that, and tools are switched off for this request.', toolCalls: [] };
  }
  const id = hashOf(options.prompt);
  const toolCalls: OfflineTurn['toolCalls'] = [];
  for (const [i, c] of request.calls.entries()) {
    const tool = offered.get(c.toolName);
    if (!tool) return { text: `I understood that as a request for "${c.toolName}", but that tool is not available here.`, toolCalls: [] };
    const problems = checkInput(tool.inputSchema, c.input);
    if (problems.length > 0) {
      return { text: `I understood that as a request for "${c.toolName}", but I could not fill it in correctly (${problems.join('; ')}). Could you rephrase?`, toolCalls: [] };
    }
    toolCalls.push({ toolCallId: `offline-${id}-${i}`, toolName: c.toolName, input: JSON.stringify(c.input) });
  }
  return { text: null, toolCalls };
}
