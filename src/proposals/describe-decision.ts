import type { ProposalRecord } from '../../db/store.ts';

/**
 * One sentence saying how a proposal was decided, e.g. "proposal 1f2e... was rejected by
 * Ana at 2025-03-04T10:00:00.000Z: numbers are from the wrong export". Used when someone
 * acts on a proposal that is no longer pending.
 */
export function describeDecision(proposal: Pick<ProposalRecord, 'id' | 'status' | 'decidedBy' | 'decidedAt' | 'reason' | 'appliedVersion'>): string {
  const who = proposal.decidedBy ? ` by ${proposal.decidedBy}` : '';
  const when = proposal.decidedAt ? ` at ${proposal.decidedAt}` : '';
  const why = proposal.reason ? `: ${proposal.reason}` : '';
  switch (proposal.status) {
    case 'pending':
      return `proposal ${proposal.id} is pending`;
    case 'applied':
      return `proposal ${proposal.id} was already applied${who}${when} (version ${proposal.appliedVersion})`;
    default:
      return `proposal ${proposal.id} was ${proposal.status}${who}${when}${why}`;
  }
}
