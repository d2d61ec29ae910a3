import { generateText, stepCountIs, streamText, type LanguageModel, type ModelMessage, type StaticToolResult } from 'ai';
import { createTools, type Tools } from '../../tools/index.ts';
import { monthOf } from '../proposals/index.ts';
import { composeSystemPrompt } from './compose-system-prompt.ts';
import { loadHistory, saveMessages } from './conversation-memory.ts';
import type { ToolContext } from '../../tools/tool-context.ts';
import type { ProposalOutput } from '../../tools/tool-support.ts';

/** Most model steps (tool calls and answers) one chat turn may take. */
export const MAX_STEPS = 8;

/** One chat turn's request: who says what, in which thread, to which model. */
export interface AgentTurn {
  model: LanguageModel;
  tools: ToolContext;
  /** The conversation thread key (e.g. a Slack thread, an HTTP conversation id). */
  threadKey: string;
  text: string;
  /** Aborts the model call (a timeout, or the client went away). */
  abortSignal?: AbortSignal;
}

/**
 * One tool result of a turn, typed by the tool that produced it: `toolName` narrows `input`
 * and `output` (e.g. `valueSummary`'s figures, or its `{ error }`).
 */
export type AgentToolResult = StaticToolResult<Tools>;

/** What a turn produced: the answer, the proposals made during it, and every tool result. */
export interface AgentReply {
  text: string;
  proposals: ProposalOutput[];
  /** Every tool result of the turn, in order, typed: what the doors need from the turn without re-reading the thread. */
  toolResults: AgentToolResult[];
  /** The store's id of the thread (its messages are stored under it). */
  threadId: string;
}

function isProposal(output: unknown): output is ProposalOutput {
  return typeof output === 'object' && output !== null && 'proposalId' in output && (output as { status?: unknown }).status === 'pending';
}

function prepare(turn: AgentTurn) {
  const { store, now } = turn.tools.proposals;
  const thread = store.getOrCreateThread({ workspaceId: turn.tools.workspaceId, key: turn.threadKey, now: now().toISOString() });
  const history = loadHistory(store, thread.id);
  const user: ModelMessage = { role: 'user', content: turn.text };
  // What generateText and streamText are both called with.
  const call = {
    model: turn.model,
    system: composeSystemPrompt({ currentMonth: monthOf(now()), actor: turn.tools.actor }),
    messages: [...history, user],
    tools: createTools(turn.tools),
    stopWhen: stepCountIs(MAX_STEPS),
    ...(turn.abortSignal ? { abortSignal: turn.abortSignal } : {}),
  };
  return { store, now, thread, user, call };
}

/**
 * Runs one chat turn through the tool loop: history from the thread, the system prompt
 * from `prompts/`, the tools for this context, at most `MAX_STEPS` steps; then stores the
 * user's message and the model's messages in the thread. Proposals are only created, never
 * applied: approval is a person's act at a door.
 */
export async function runAgentTurn(turn: AgentTurn): Promise<AgentReply> {
  const p = prepare(turn);
  const result = await generateText(p.call);
  saveMessages(p.store, p.thread.id, [p.user, ...result.response.messages], p.now().toISOString());
  const toolResults = result.steps.flatMap((s) => s.toolResults).filter((r): r is AgentToolResult => r.dynamic !== true);
  const proposals = toolResults.map((r) => r.output).filter(isProposal);
  return { text: result.text, proposals, toolResults, threadId: p.thread.id };
}

/**
 * The same turn, streamed (for `useChat` clients): returns the ai SDK stream result; the
 * thread is saved when the stream finishes. A failure reaches the client as an error part;
 * `onError` (default: nothing) lets the door log it its own redacted way, instead of the
 * SDK's default `console.error` of the raw error, which can hold the provider's response.
 */
export function streamAgentTurn(turn: AgentTurn & { onError?: (error: unknown) => void }) {
  const p = prepare(turn);
  return streamText({
    ...p.call,
    onError: ({ error }) => turn.onError?.(error),
    onFinish: ({ response }) => saveMessages(p.store, p.thread.id, [p.user, ...response.messages], p.now().toISOString()),
  });
}
