import { createHash } from 'node:crypto';
import type { LanguageModelV3CallOptions, LanguageModelV3FunctionTool, LanguageModelV3Prompt } from '@ai-sdk/provider';
import { lookUpVocabulary } from './by-vocabulary.ts';
import { checkInput, withNulls } from './check-input.ts';
import { parseRequest } from './parse-request.ts';
import { insteadOfRefused } from './instead-of-refused.ts';
import { readPrompt } from './read-prompt.ts';
import { writeAnswer } from './write-answer.ts';

/** One step of the offline model: tool calls to make, or the text of its answer. */
export interface OfflineTurn {
  text: string | null;
  toolCalls: Array<{ toolCallId: string; toolName: string; input: string }>;
}

/**
 * A short, stable id for this step's tool calls: a hash of what the people said, the shape
 * of the prompt, and the ids of the tool calls already in it, so it differs from every call
 * id in the prompt it answers (repeating one would take a hash collision), which is where
 * calls and results are paired. Tool results are left out: they are most of a long prompt's
 * size and add nothing the call ids do not already.
 */
function stepId(prompt: LanguageModelV3Prompt): string {
  const hash = createHash('sha1').update(String(prompt.length));
  for (const m of prompt) {
    hash.update(`\u0000${m.role}`);
    if (m.role === 'user') hash.update(JSON.stringify(m.content));
    else if (m.role !== 'system') for (const p of m.content) if (p.type === 'tool-call' || p.type === 'tool-result') hash.update(`\u0001${p.toolCallId}`);
  }
  return hash.digest('base64url').slice(0, 10);
}

/**
 * Decides the offline model's step from a call's options, deterministically: after tool
 * results, the answer written from them; on a user message, the tool calls it understands
 * (checked against the tools the call offers and their JSON schemas), or a reply.
 */
export function respond(options: LanguageModelV3CallOptions): OfflineTurn {
  const view = readPrompt(options.prompt);
  const parsed = parseRequest(view.userText, view.context);
  // What the phrase readers could not settle is read against the case's vocabulary: the case is looked up first.
  let request = lookUpVocabulary(view.userText, view.context, parsed) ?? parsed;
  if (view.answering) {
    // A look-up made first decides the next step from its own results, once; after the step it
    // decided, the answer is written from that step's results (the look-up is no part of it).
    const decide = request.kind === 'tools' ? request.decide : undefined;
    const looked = request.kind === 'tools' && decide ? request.calls.length : 0;
    const results = view.results.length > looked ? view.results.slice(looked) : view.results;
    const next = (decide && view.results.length === looked ? decide(view.results) : null) ?? insteadOfRefused(results, view.userText);
    if (!next) return { text: writeAnswer(results), toolCalls: [] };
    request = next;
  }
  if (request.kind === 'reply') return { text: request.text, toolCalls: [] };

  const offered = new Map((options.tools ?? []).filter((t): t is LanguageModelV3FunctionTool => t.type === 'function').map((t) => [t.name, t]));
  if (options.toolChoice?.type === 'none') {
    return { text: 'I would need to use a tool for that, and tools are switched off for this request.', toolCalls: [] };
  }
  const id = stepId(options.prompt);
  const toolCalls: OfflineTurn['toolCalls'] = [];
  for (const [i, c] of request.calls.entries()) {
    const tool = offered.get(c.toolName);
    if (!tool) return { text: `I understood that as a request for "${c.toolName}", but that tool is not available here.`, toolCalls: [] };
    const input = withNulls(tool.inputSchema, c.input);
    const problems = checkInput(tool.inputSchema, input);
    if (problems.length > 0) {
      return {
        text: `I understood that as a request for "${c.toolName}", but I could not fill it in correctly (${problems.join('; ')}). Could you rephrase?`,
        toolCalls: [],
      };
    }
    toolCalls.push({ toolCallId: `offline-${id}-${i}`, toolName: c.toolName, input: JSON.stringify(input) });
  }
  return { text: null, toolCalls };
}
