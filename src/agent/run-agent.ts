import { generateText, stepCountIs, streamText, type LanguageModel, type ModelMessage, type StaticToolResult } from 'ai';
import { loadPrompt } from '../prompts/load-prompt.ts';
import { closingSentence } from './closing-sentence.ts';
import { closingTransform } from './closing-transform.ts';
import { createTools, type Tools } from '../../tools/index.ts';
import { monthOf } from '../proposals/index.ts';
import { composeSystemPrompt } from './compose-system-prompt.ts';
import { guardTools, type ToolFailureLog } from './guard-tools.ts';
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
  /** Where a tool's unexpected failure is logged with its reference (`guardTools`); default standard error. */
  log?: ToolFailureLog;
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

/** The proposals among a turn's tool outputs, each once (a repeated call returns the same pending proposal). */
function proposalsOf(outputs: readonly unknown[]): ProposalOutput[] {
  const byId = new Map<string, ProposalOutput>();
  for (const o of outputs) if (isProposal(o) && !byId.has(o.proposalId)) byId.set(o.proposalId, o);
  return [...byId.values()];
}

function prepare(turn: AgentTurn) {
  const { store, now } = turn.tools.proposals;
  const thread = store.getOrCreateThread({ workspaceId: turn.tools.workspaceId, key: turn.threadKey, now: now().toISOString() });
  const history = loadHistory(store, thread.id);
  const user: ModelMessage = { role: 'user', content: turn.text };
  const system = composeSystemPrompt({ currentMonth: monthOf(now()), actor: turn.tools.actor });
  // What generateText and streamText are both called with. The last step allowed is told to
  // answer without tools (only told: with tool_choice "none" the SDK throws on a model that
  // calls one anyway, and the turn would lose its proposals); a model that still calls one
  // gets the closing sentence.
  const call = {
    model: turn.model,
    system,
    messages: [...history, user],
    tools: guardTools(createTools(turn.tools), turn.log ?? ((line) => console.error(line))),
    stopWhen: stepCountIs(MAX_STEPS),
    prepareStep: ({ stepNumber }: { stepNumber: number }) => (stepNumber === MAX_STEPS - 1 ? { system: `${system}\n\n${loadPrompt('last-step')}` } : undefined),
    ...(turn.abortSignal ? { abortSignal: turn.abortSignal } : {}),
  };
  return { store, now, thread, user, call };
}

/**
 * Runs one chat turn through the tool loop: history from the thread, the system prompt
 * from `prompts/`, the tools for this context, at most `MAX_STEPS` steps (the last one
 * told to answer); then stores the user's message and the model's messages in the thread.
 * A turn whose last step said nothing ends with the closing sentence (`closingSentence`:
 * what was done, what was not), never an empty reply. Proposals are only created, never
 * applied: approval is a person's act at a door; each appears once in the reply.
 */
export async function runAgentTurn(turn: AgentTurn): Promise<AgentReply> {
  const p = prepare(turn);
  const result = await generateText(p.call);
  const toolResults = result.steps.flatMap((s) => s.toolResults).filter((r): r is AgentToolResult => r.dynamic !== true);
  const messages = [p.user, ...result.response.messages];
  let text = result.text;
  if (!text.trim()) {
    // The model said nothing in its last step: say what was done and what was not.
    const errors = result.steps
      .flatMap((s) => s.content)
      .flatMap((c) =>
        c.type === 'tool-error' ? [{ toolName: c.toolName, output: { error: c.error instanceof Error ? c.error.message : String(c.error) } }] : [],
      );
    const last = result.steps[result.steps.length - 1];
    text = closingSentence({
      results: [...toolResults, ...errors],
      lastCalls: last ? last.toolCalls.map((c) => c.toolName) : [],
      limitReached: result.steps.length >= MAX_STEPS && last?.finishReason === 'tool-calls',
      maxSteps: MAX_STEPS,
    });
    messages.push({ role: 'assistant', content: [{ type: 'text', text }] });
  }
  saveMessages(p.store, p.thread.id, messages, p.now().toISOString());
  return { text, proposals: proposalsOf(toolResults.map((r) => r.output)), toolResults, threadId: p.thread.id };
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
    experimental_transform: closingTransform<Tools>(MAX_STEPS),
    onError: ({ error }) => turn.onError?.(error),
    onFinish: ({ response }) => saveMessages(p.store, p.thread.id, [p.user, ...response.messages], p.now().toISOString()),
  });
}
