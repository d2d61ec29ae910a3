import type { Store } from '../../db/store.ts';
import { appliedMessage, closedMessage, type SlackMessage } from './proposal-blocks.ts';
import { mentionFor } from './slack-actor.ts';

/**
 * The proposal message for a proposal's current state in the store, or null while it is
 * pending: applied (who approved, the version, the figures recorded in the audit log),
 * rejected (who and why), refused or expired (why). Rendering from the store, not from the
 * click, makes every update of the message say the same thing, whoever clicked and however
 * often.
 */
export function decidedMessage(store: Store, proposalId: string): SlackMessage | null {
  const proposal = store.getProposal(proposalId);
  if (!proposal || proposal.status === 'pending') return null;
  const record = store.getCase(proposal.caseId);
  const businessCase = record?.name ?? proposal.caseId;
  const previewed = proposal.preview.flatMap((p) => p.changes);
  if (proposal.status === 'applied' && record) {
    const audit = store.listAudit(proposal.caseId).filter((a) => a.proposalId === proposal.id);
    const first = audit[0];
    const last = audit[audit.length - 1];
    if (first && last) {
      return appliedMessage({
        proposalId: proposal.id,
        businessCase,
        currency: record.document.currency,
        changes: audit.flatMap((a) => a.changes),
        before: first.scenario === last.scenario ? first.before : null,
        after: last.after,
        approver: proposal.decidedBy ?? 'someone',
        version: proposal.appliedVersion ?? last.versionAfter,
        rechecked: first.versionBefore !== proposal.baseVersion,
        decidedAt: proposal.decidedAt,
      });
    }
  }
  const by = proposal.decidedBy ? ` by ${mentionFor(proposal.decidedBy)}` : '';
  const headline =
    proposal.status === 'rejected'
      ? `:x: *Rejected${by}*`
      : proposal.status === 'refused'
        ? `:warning: *Not applied* (approval${by} refused by the engine)`
        : proposal.status === 'expired'
          ? ':hourglass: *Expired* before anyone decided'
          : `*${proposal.status}*`;
  return closedMessage({ proposalId: proposal.id, businessCase, changes: previewed, headline, reason: proposal.reason });
}
