import type { ProposalRecord } from '../../db/store.ts';
import type { ProposalContext } from './proposal-context.ts';

/** Which pending proposals to list. */
export interface ListPendingInput {
  caseId?: string;
  workspaceId?: string;
}

/** Pending proposals, oldest first (what is waiting for a human decision). */
export function listPending(ctx: ProposalContext, input: ListPendingInput = {}): ProposalRecord[] {
  return ctx.store.listProposals({ ...input, status: 'pending' });
}
