import type { ProposalRecord } from '../../db/store.ts';
import { describeDecision } from './describe-decision.ts';
import type { ProposalContext } from './proposal-context.ts';
import { failWith, succeed, type Outcome } from '../errors/outcome.ts';

/** A request to reject a proposal. */
export interface RejectInput {
  proposalId: string;
  /** The person rejecting it. */
  rejectedBy: string;
  /** Why, shown to whoever proposed it. */
  reason?: string;
}

/** What a rejection did. */
export interface RejectResult {
  proposal: ProposalRecord;
  /** True when it had been rejected before (nothing changed this time). */
  alreadyRejected: boolean;
}

/**
 * Rejects a pending proposal by a named person, with an optional reason; the business case
 * is untouched. Rejecting a rejected proposal again returns the earlier decision; a
 * proposal already applied, refused or expired cannot be rejected. Which proposals a door may
 * see is the application layer's rule (`src/app`), checked before this is called.
 */
export function reject(ctx: ProposalContext, input: RejectInput): Outcome<RejectResult> {
  const rejectedBy = input.rejectedBy.trim();
  if (!rejectedBy) return failWith('invalid_argument', 'a rejection needs the name of the person rejecting');
  const { store } = ctx;
  return store.transaction(() => {
    const proposal = store.getProposal(input.proposalId);
    if (!proposal) return failWith('not_found', `no proposal '${input.proposalId}'`);
    if (proposal.status === 'rejected') return succeed({ proposal, alreadyRejected: true });
    if (proposal.status !== 'pending') return failWith('not_pending', `${describeDecision(proposal)}; it cannot be rejected`);
    const reason = input.reason?.trim() || null;
    store.decideProposal(proposal.id, { status: 'rejected', decidedBy: rejectedBy, decidedAt: ctx.now().toISOString(), reason });
    return succeed({ proposal: store.getProposal(proposal.id)!, alreadyRejected: false });
  });
}
