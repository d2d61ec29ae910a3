import { succeed, type Outcome } from '../errors/outcome.ts';
import { reject, type RejectResult } from '../proposals/index.ts';
import type { AppContext } from './app-context.ts';
import { findProposal } from './find-proposal.ts';
import { proposalView, type ProposalView } from './proposal-view.ts';

/** A person rejects a proposal, from a door working in a workspace (or the CLI: none). */
export interface RejectProposalInput {
  proposalId: string;
  rejectedBy: string;
  /** Why, shown to whoever proposed it. */
  reason?: string;
  /** The door's workspace; a proposal outside it is not found. Omitted: any workspace. */
  workspaceId?: string;
}

/** What a rejection did (the workflow's `RejectResult`), and the proposal's view now. */
export interface RejectedProposal extends RejectResult {
  view: ProposalView;
}

/**
 * Rejects a proposal the door may see (`findProposal`) through the workflow's `reject`, and
 * returns the view every door renders.
 */
export function rejectProposal(ctx: AppContext, input: RejectProposalInput): Outcome<RejectedProposal> {
  const found = findProposal(ctx.store, input.proposalId, input.workspaceId);
  if (!found.ok) return found;
  const result = reject(ctx, { proposalId: input.proposalId, rejectedBy: input.rejectedBy, ...(input.reason !== undefined ? { reason: input.reason } : {}) });
  if (!result.ok) return result;
  return succeed({ ...result.value, view: proposalView(result.value.proposal, found.value.record) });
}
