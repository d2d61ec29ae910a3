import { succeed, type Outcome } from '../errors/outcome.ts';
import { approve, type ApproveResult } from '../proposals/index.ts';
import type { AppContext } from './app-context.ts';
import { findProposal } from './find-proposal.ts';
import { proposalView, type ProposalView } from './proposal-view.ts';

/** A person approves a proposal, from a door working in a workspace (or the CLI: none). */
export interface ApproveProposalInput {
  proposalId: string;
  approvedBy: string;
  /** The door's workspace; a proposal outside it is not found. Omitted: any workspace. */
  workspaceId?: string;
}

/** What an approval did (the workflow's `ApproveResult`), and the proposal's view now. */
export interface ApprovedProposal extends ApproveResult {
  view: ProposalView;
}

/**
 * Approves a proposal the door may see (`findProposal`) through the workflow's `approve`
 * (applied once, in one transaction; a stale one re-checked by the engine), and returns the
 * view every door renders, built from what the approval returned: no re-read of the audit log.
 * A refused or expired approval fails with the workflow's error; `viewProposal` shows the
 * proposal as it was then decided.
 */
export function approveProposal(ctx: AppContext, input: ApproveProposalInput): Outcome<ApprovedProposal> {
  const found = findProposal(ctx.store, input.proposalId, input.workspaceId);
  if (!found.ok) return found;
  const result = approve(ctx, { proposalId: input.proposalId, approvedBy: input.approvedBy });
  if (!result.ok) return result;
  const r = result.value;
  // `rechecked` is the approval's word only when it applied something this time.
  const view = proposalView(r.proposal, found.value.record, r.audit, r.alreadyApplied ? undefined : r.rechecked);
  return succeed({ ...r, view });
}
