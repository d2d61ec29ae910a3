import type { QbrAudience } from '../qbr/qbr-audience.ts';
import type { AppContext } from './app-context.ts';
import type { CaseRecord } from './store.ts';
import { viewProposal } from './view-proposal.ts';
import type { ProposalView } from './proposal-view.ts';

/**
 * What a door remembers in the store about its own traffic, so that doors never call the store
 * themselves: which events it has seen (Slack's retries, a greeting once a day), where it posted
 * a proposal so another door's decision can update that message, whether a QBR draft is saved
 * (to say "Drafting…" only when one will be written), and whether the store answers at all.
 */

/**
 * True the first time `key` is seen within `ttlMs` (and remembers it); false for a repeat. Keys
 * older than the TTL are forgotten, so the store does not grow with every event.
 */
export function firstSight(ctx: AppContext, key: string, ttlMs: number, now: Date = ctx.now()): boolean {
  return ctx.store.firstSightOfSlackEvent(key, now, ttlMs);
}

/** Where a proposal's message was posted (Slack: channel and `ts`), so whichever door decides it can update it. */
export function rememberProposalMessage(ctx: AppContext, proposalId: string, message: { channel: string; ts: string }): void {
  ctx.store.setProposalSlackMessage(proposalId, message);
}

/** What became of one message the door was asked to update. */
export type MessageUpdate = 'updated' | 'gone' | 'failed';

/**
 * Shows the decision on every message of a decided proposal that still shows it pending (at
 * most `limit` per pass): `update` renders the proposal's view where it was posted. An updated
 * message, or one that is gone for good, is forgotten; a failure is kept to be tried on the next
 * pass. Returns how many messages were updated.
 */
export async function refreshDecidedMessages(
  ctx: AppContext,
  limit: number,
  update: (view: ProposalView, where: { channel: string; ts: string }) => Promise<MessageUpdate>,
): Promise<number> {
  let updated = 0;
  for (const proposal of ctx.store.listProposalsToUpdateInSlack(limit)) {
    const view = viewProposal(ctx.store, proposal.id);
    const result =
      view.ok && proposal.slackChannel && proposal.slackTs ? await update(view.value, { channel: proposal.slackChannel, ts: proposal.slackTs }) : 'gone';
    if (result !== 'failed') ctx.store.setProposalSlackMessage(proposal.id, null);
    if (result === 'updated') updated++;
  }
  return updated;
}

/** Whether a QBR draft is saved for the case, quarter and audience (a door says "Drafting…" only when there is none). */
export function hasSavedQbrDraft(ctx: AppContext, record: CaseRecord, quarter: string, audience: QbrAudience): boolean {
  return ctx.store.getQbrDraft({ caseId: record.key, quarter, audience }) !== null;
}

/** Throws when the store cannot answer a read (a health check); a read never waits for another connection's write lock. */
export function checkStoreReadable(ctx: Pick<AppContext, 'store'>): void {
  ctx.store.getWorkspace('healthz');
}
