import type { ToolName } from '../../../tools/index.ts';

/** One tool call the offline model makes: a tool's name and its input, as the tool's schema defines it. */
export interface ToolCallRequest {
  toolName: ToolName;
  input: Record<string, unknown>;
}

/**
 * What the offline model makes of a person's message: tool calls to run, or a reply to give
 * straight away (a question back, the approval rule, examples of what it understands).
 * `afterwards`: a call to make from the calls' results, in the next step (a correction looks up
 * what is recorded first: `correct-recorded.ts`).
 */
export type OfflineRequest = { kind: 'tools'; calls: ToolCallRequest[]; afterwards?: ToolCallRequest } | { kind: 'reply'; text: string; asks?: Missing };

/**
 * What a reply asks the person for, when it is a question back about a request it could not
 * complete ("From which month should the realization scenario start?" asks for a month,
 * "Which input is the value 150 for?" for an input, "What is the milestone called?" for a name).
 */
export type Missing = 'month' | 'input' | 'name' | 'parts';

/**
 * What earlier messages of the conversation tell the offline model: the business case last
 * named, the calculation last named (for "that calculation"), the latest proposal's id.
 */
export interface ConversationContext {
  /** The current month the system prompt states (YYYY-MM), if any. */
  currentMonth?: string;
  businessCase?: string;
  calculation?: string;
  proposalId?: string;
  /**
   * The latest earlier turn, when the model answered it with text only (no tool call): the
   * person's message and the reply. If the reply was the offline model's own question about
   * that message, the next message may be the answer ("Starting July").
   */
  previousTurn?: { user: string; reply: string };
  /**
   * The latest earlier turn's tool call, when the tool could not do it and said why (a name
   * that fits several things, with the candidates; "which scenario?"; "did you mean 22%?"):
   * the next message may be the answer ("vendor onboarding", "the second one", "yes").
   */
  unfinished?: { toolName: string; input: Record<string, unknown>; error: string; candidates: string[] };
  /**
   * The latest earlier turn's one call, when the tool did it: a slip corrected right after a
   * proposal ("sorry, 156 not 166", "wait, that was april, not may") or another audience for
   * a QBR draft ("for finance, q2") is that call again, changed.
   */
  lastCall?: { toolName: string; input: Record<string, unknown> };
}

/** A tool-call request. */
export function call(toolName: ToolName, input: Record<string, unknown>): OfflineRequest {
  return { kind: 'tools', calls: [{ toolName, input }] };
}

/** A reply without tool calls; `asks` when it is a question back for something the request lacks. */
export function reply(text: string, asks?: Missing): OfflineRequest {
  return asks ? { kind: 'reply', text, asks } : { kind: 'reply', text };
}

/** Copies only the fields that have a value (tools take omitted fields, never `undefined` or ""). */
export function defined(input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) if (v !== undefined && v !== '') out[k] = v;
  return out;
}
