import type { CaseRecord, ProposalRecord, Store } from '../../db/store.ts';
import { failWith, succeed, type Outcome } from '../errors/outcome.ts';
import { visibleIn } from './visible-in.ts';

/** A proposal and the business case it is on. */
export interface FoundProposal {
  proposal: ProposalRecord;
  record: CaseRecord;
}

/**
 * Looks a proposal up by id, within a workspace when one is given: a proposal on a case the
 * door may not see (`visibleIn`) is `not_found`, like one that does not exist. A case's
 * workspace never changes, so checking before the workflow's own transaction is as good as
 * checking inside it.
 */
export function findProposal(store: Store, proposalId: string, workspaceId?: string): Outcome<FoundProposal> {
  const proposal = store.getProposal(proposalId);
  const record = proposal ? store.getCase(proposal.caseId) : null;
  if (!proposal || !visibleIn(record, workspaceId)) return failWith('not_found', `no proposal '${proposalId}'`);
  return succeed({ proposal, record });
}
