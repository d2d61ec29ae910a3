import type { ProposalRecord } from '../../db/store.ts';
import { DEFAULT_PROPOSAL_MAX_AGE_MS, describeAge, type ProposalContext } from './proposal-context.ts';

/**
 * Marks every pending proposal older than the context's `maxAgeMs` (default 7 days) as
 * expired, with the reason, and returns them. Old previews are stale by definition: their
 * figures were computed for another month and possibly another version; whoever still
 * wants the change proposes it again. `approve` enforces the same age itself, so an
 * expired proposal can never be applied even if this sweep has not run.
 */
export function expireProposals(ctx: ProposalContext): ProposalRecord[] {
  const now = ctx.now();
  const maxAgeMs = ctx.maxAgeMs ?? DEFAULT_PROPOSAL_MAX_AGE_MS;
  const cutoff = new Date(now.getTime() - maxAgeMs).toISOString();
  const decidedAt = now.toISOString();
  const { store } = ctx;
  return store.transaction(() =>
    store.listProposals({ status: 'pending', createdBefore: cutoff }).flatMap((p) => {
      const reason = `not decided within ${describeAge(maxAgeMs)} (proposed ${p.createdAt}); propose it again to get a fresh preview`;
      return store.decideProposal(p.id, { status: 'expired', decidedBy: null, decidedAt, reason }) ? [store.getProposal(p.id)!] : [];
    }),
  );
}
