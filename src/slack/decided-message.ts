import type { ProposalView } from '../app/proposal-view.ts';
import { appliedMessage, closedMessage, type SlackMessage } from './proposal-blocks.ts';
import { mentionFor } from './slack-actor.ts';

/**
 * The proposal message for a decided proposal's view, or null while it is pending: applied
 * (who approved, the version, the figures its application recorded), rejected (who and why),
 * refused or expired (why). Rendering the view, which the app built from the decision, makes
 * every update of the message say the same thing, whoever clicked and however often.
 */
export function decidedMessage(view: ProposalView): SlackMessage | null {
  if (view.status === 'pending') return null;
  if (view.status === 'applied' && view.appliedVersion !== null && view.versionBefore !== null) {
    return appliedMessage({
      proposalId: view.proposalId,
      businessCase: view.businessCase,
      currency: view.currency,
      changes: view.changes,
      before: view.before,
      after: view.after,
      approver: view.decidedBy ?? 'someone',
      version: view.appliedVersion,
      rechecked: view.versionBefore !== view.baseVersion,
      decidedAt: view.decidedAt,
    });
  }
  const by = view.decidedBy ? ` by ${mentionFor(view.decidedBy)}` : '';
  const headline =
    view.status === 'rejected'
      ? `:x: *Rejected${by}*`
      : view.status === 'refused'
        ? `:warning: *Not applied* (approval${by} refused by the engine)`
        : view.status === 'expired'
          ? ':hourglass: *Expired* before anyone decided'
          : `*${view.status}*`;
  return closedMessage({ proposalId: view.proposalId, businessCase: view.businessCase, changes: view.changes, headline, reason: view.reason });
}
