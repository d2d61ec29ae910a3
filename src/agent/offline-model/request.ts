import type { InferToolInput } from 'ai';
import type { ToolName, Tools } from '../../../tools/index.ts';
import type { ToolResultView } from './read-prompt.ts';

/** A tool's input as the tool itself declares it (the ai SDK's `InferToolInput` of its schema). */
export type ToolInput<N extends ToolName> = InferToolInput<Tools[N]>;

/**
 * One tool call the offline model makes: a tool's name and its input. Built with `call`, which
 * types the input from the tool's own schema; kept as a plain record afterwards (the call is
 * checked against the tool's JSON schema before it is made, `check-input.ts`).
 */
export interface ToolCallRequest {
  toolName: ToolName;
  input: Record<string, unknown>;
}

/**
 * What the offline model makes of a person's message: tool calls to run, or a reply to give
 * straight away (a question back, the approval rule, examples of what it understands).
 * `decide`: the calls are read-only look-ups, and the next step is decided from their results
 * (the calls to make, or a question; null: answer from the results). One way for every look-up
 * made first: what a correction's month holds (`correct-recorded.ts`), the case's vocabulary
 * (`by-vocabulary.ts`), the conversions ready or the values an input holds (`parse-changes.ts`).
 * It is called with the look-up's own results only (`respond.ts`).
 */
export type OfflineRequest =
  | { kind: 'tools'; calls: ToolCallRequest[]; decide?: (results: readonly ToolResultView[]) => OfflineRequest | null }
  | { kind: 'reply'; text: string; asks?: Missing; pending?: PendingRequest };

/**
 * A request the offline model asked back about after looking the case up (`by-vocabulary.ts`):
 * what it already knows from the case, so the answer only has to give the rest. A split of a
 * use case with several calculations waits for which one (and the metrics, if none were said);
 * a value to record or correct waits for its month and/or value.
 */
export type PendingRequest =
  | { kind: 'split'; calculations: Array<{ id: string; name: string }>; metrics: string }
  | { kind: 'value'; businessCase?: string; scenario: string; input: string; month?: string; value?: number; correcting: boolean };

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
   * that message, the next message may be the answer ("Starting July"). `lookUp`: the case
   * looked up in that turn before the model asked (its vocabulary is what the answer is read against).
   */
  previousTurn?: { user: string; reply: string; lookUp?: ToolResultView[] };
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

/** A tool-call request, its input typed from the tool's own input schema. */
export function call<N extends ToolName>(toolName: N, input: ToolInput<N>): OfflineRequest {
  return { kind: 'tools', calls: [{ toolName, input: input as Record<string, unknown> }] };
}

/** A reply without tool calls; `asks` when it is a question back for something the request lacks, `pending` what a question asked after a look-up waits for. */
export function reply(text: string, asks?: Missing, pending?: PendingRequest): OfflineRequest {
  return { kind: 'reply', text, ...(asks ? { asks } : {}), ...(pending ? { pending } : {}) };
}

/**
 * A call that repeats an earlier call of the conversation with something changed (an answer
 * to the tool's question, a slip corrected, another audience): its input was the tool's when
 * first made, and it is checked against the tool's JSON schema again before it is made.
 */
export function callAgain(toolName: ToolName, input: Record<string, unknown>): OfflineRequest {
  return { kind: 'tools', calls: [{ toolName, input }] };
}

/** The fields of `T` that may be `undefined` made optional, so `defined(...)` fits a tool's input type. */
export type Defined<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

/** Copies only the fields that have a value (tools take omitted fields, never `undefined` or ""). */
export function defined<T extends Record<string, unknown>>(input: T): Defined<T> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) if (v !== undefined && v !== '') out[k] = v;
  return out as Defined<T>;
}
