import type { Store } from '../../db/store.ts';
import type { Outcome } from '../errors/outcome.ts';
import { findProposal } from './find-proposal.ts';
import { proposalView, type ProposalView } from './proposal-view.ts';

/**
 * The view of a proposal as it stands in the store, within a workspace when one is given
 * (`findProposal`). For an applied proposal only the audit entries of its own application
 * are read (those after the version before it), never the case's whole audit log.
 */
export function viewProposal(store: Store, proposalId: string, workspaceId?: string): Outcome<ProposalView> {
  const found = findProposal(store, proposalId, workspaceId);
  if (!found.ok) return found;
  const { proposal, record } = found.value;
  const audit =
    proposal.status === 'applied' && proposal.appliedVersion !== null ? store.listAudit(proposal.caseId, { afterVersion: proposal.appliedVersion - 1 }) : [];
  return { ok: true, value: proposalView(proposal, record, audit) };
}
