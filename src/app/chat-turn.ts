import type { LanguageModel } from 'ai';
import { runAgentTurn, type AgentToolResult } from '../agent/run-agent.ts';
import type { AppContext } from './app-context.ts';
import { findProposal } from './find-proposal.ts';
import { proposalView, type ProposalView } from './proposal-view.ts';
import type { QbrDraftView } from './qbr-draft.ts';
import { turnQbrDrafts } from './turn-qbr-drafts.ts';

/** One message to the agent from a door. */
export interface ChatTurnInput {
  /** The chat model, chosen at the composition root. */
  model: LanguageModel;
  /** The QBR writer the `draftQbr` tool uses, chosen at the composition root (null: the offline template). */
  qbrModel: LanguageModel | null;
  /** The door's workspace: the agent sees only its cases. */
  workspaceId: string;
  /** Create the workspace if it does not exist yet (Slack maps teams to workspaces that may be new). */
  createWorkspace?: boolean;
  /** Who is asking; recorded as the proposer. */
  actor: string;
  /** The door: `http`, `slack`, `cli`. */
  channel: string;
  /** The conversation thread key (`http:<id>`, `slack:<team>:<channel>:<ts>`, `cli:<id>`). */
  threadKey: string;
  text: string;
  abortSignal?: AbortSignal;
  /** Where the door logs a tool's unexpected failure (with its reference; the model only gets the reference). */
  log?: (line: string) => void;
}

/** What a door renders after a turn: the answer, the proposals made, and the typed tool results. */
export interface ChatReply {
  text: string;
  /** The proposals the agent made in this turn, as every door renders them (pending). */
  proposals: ProposalView[];
  /** Every tool result of the turn, typed by tool: no door re-reads the thread to learn what happened. */
  toolResults: AgentToolResult[];
  /** The QBR drafts the turn drafted or fetched, as saved: the model has them by reference only, the door shows them. */
  qbrDrafts: QbrDraftView[];
  /** The store's id of the thread. */
  threadId: string;
}

/**
 * Runs one agent turn for a door (the tool loop, the thread's history, the tools for the
 * door's workspace and actor) and returns what the door renders. The agent only proposes;
 * approving is a person's act through `approveProposal`.
 */
export async function chatTurn(ctx: AppContext, input: ChatTurnInput): Promise<ChatReply> {
  if (input.createWorkspace) ctx.store.ensureWorkspace(input.workspaceId, input.workspaceId, ctx.now().toISOString());
  const reply = await runAgentTurn({
    model: input.model,
    tools: { proposals: ctx, workspaceId: input.workspaceId, actor: input.actor, channel: input.channel, thread: input.threadKey, qbrModel: input.qbrModel },
    threadKey: input.threadKey,
    text: input.text,
    ...(input.abortSignal ? { abortSignal: input.abortSignal } : {}),
    ...(input.log ? { log: input.log } : {}),
  });
  const proposals = reply.proposals.flatMap((p) => {
    const found = findProposal(ctx.store, p.proposalId, input.workspaceId);
    return found.ok ? [proposalView(found.value.proposal, found.value.record)] : [];
  });
  return {
    text: reply.text,
    proposals,
    toolResults: reply.toolResults,
    qbrDrafts: turnQbrDrafts(ctx, input.workspaceId, reply.toolResults),
    threadId: reply.threadId,
  };
}
