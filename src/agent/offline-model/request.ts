import type { ToolName } from '../../../tools/index.ts';

/** One tool call the offline model makes: a tool's name and its input, as the tool's schema defines it. */
export interface ToolCallRequest {
  toolName: ToolName;
  input: Record<string, unknown>;
}

/**
 * What the offline model makes of a person's message: tool calls to run, or a reply to give
 * straight away (a question back, the approval rule, examples of what it understands).
 */
export type OfflineRequest = { kind: 'tools'; calls: ToolCallRequest[] } | { kind: 'reply'; text: string };

/**
 * What earlier messages of the conversation tell the offline model: the business case last
 * named, the calculation last named (for "that calculation"), the latest proposal's id.
 */
export interface ConversationContext {
  businessCase?: string;
  calculation?: string;
  proposalId?: string;
}

/** A tool-call request. */
export function call(toolName: ToolName, input: Record<string, unknown>): OfflineRequest {
  return { kind: 'tools', calls: [{ toolName, input }] };
}

/** A reply without tool calls. */
export function reply(text: string): OfflineRequest {
  return { kind: 'reply', text };
}

/** Copies only the fields that have a value (tools take omitted fields, never `undefined` or ""). */
export function defined(input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) if (v !== undefined && v !== '') out[k] = v;
  return out;
}
